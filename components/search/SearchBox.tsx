'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { SearchDialogHandle } from './SearchDialog'
import styles from './SearchBox.module.css'

type SearchDialogModule = typeof import('./SearchDialog')

/** Keys typed here are text, not the "/" shortcut. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.closest('input, textarea, select') !== null
}

/**
 * The header's search: a button (and the / and Ctrl/⌘K keys) opening a dialog. The dialog's code
 * is not part of the page's first load, nor of the work after it: it is fetched when the reader
 * reaches for the button (pointer over it, a touch, keyboard focus) or presses a search key. It is
 * 4 KB, and the service worker keeps a copy, so it arrives before the click that follows.
 */
export function SearchBox() {
  const [dialogModule, setDialogModule] = useState<SearchDialogModule | null>(null)
  const [openOnMount, setOpenOnMount] = useState(false)
  const handle = useRef<SearchDialogHandle>(null)
  const loading = useRef<Promise<void> | null>(null)

  const loadDialog = useCallback(() => {
    loading.current ??= import('./SearchDialog').then(setDialogModule, () => {
      loading.current = null // offline before it was cached: the next try fetches again
    })
    return loading.current
  }, [])

  const open = useCallback(() => {
    if (handle.current) handle.current.open()
    else {
      setOpenOnMount(true)
      void loadDialog()
    }
  }, [loadDialog])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k'
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target)
      if (!commandK && !slash) return
      event.preventDefault()
      open()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [open])

  // The reader is about to search: fetch the dialog, or once it is here, its index.
  const prepare = () => {
    if (handle.current) handle.current.prefetch()
    else void loadDialog()
  }

  const Dialog = dialogModule?.SearchDialog
  return (
    <>
      <button
        type="button"
        className={styles.trigger}
        aria-label="搜索"
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        title="搜索（/ 或 Ctrl+K）"
        data-testid="search-button"
        onClick={open}
        onPointerEnter={prepare}
        onPointerDown={prepare}
        onFocus={prepare}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <span className={styles.triggerLabel}>搜索</span>
        <kbd className={styles.triggerKey} aria-hidden="true">
          /
        </kbd>
      </button>
      {Dialog ? <Dialog ref={handle} openOnMount={openOnMount} /> : null}
    </>
  )
}
