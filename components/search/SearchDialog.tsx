'use client'

import Link from 'next/link'
import { loadInFullIfIsolated } from '@/components/navigation/IsolatedPageNavigation'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type Ref } from 'react'
import type { TextPart } from '@/lib/search/highlight'
import type { ChapterSearch } from '@/lib/search/chapter-search'
import styles from './SearchDialog.module.css'

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`
}

function Highlighted({ parts }: { parts: TextPart[] }) {
  return parts.map((part, index) =>
    part.match ? (
      <mark key={index} className={styles.mark}>
        {part.text}
      </mark>
    ) : (
      part.text
    ),
  )
}

/** What the header's search button asks of the dialog. */
export interface SearchDialogHandle {
  open: () => void
  /** Starts loading the index (the pointer is on its way to the button). */
  prefetch: () => void
}

/**
 * The search dialog: loaded after the page (or on first use), not with it. MiniSearch and the
 * prerendered index load on first open, so no page pays for them before a reader searches.
 */
export function SearchDialog({ ref, openOnMount }: { ref: Ref<SearchDialogHandle>; openOnMount: boolean }) {
  const router = useRouter()
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const loadStarted = useRef(false)
  const composing = useRef(false)
  const [status, setStatus] = useState<LoadStatus>('idle')
  const [engine, setEngine] = useState<ChapterSearch | null>(null)
  // What the input shows, and what is searched: they differ while an IME composes (拼音 letters).
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const [activeIndex, setActiveIndex] = useState(0)
  const listId = useId()

  const load = useCallback(() => {
    if (loadStarted.current) return
    loadStarted.current = true
    setStatus('loading')
    import('@/lib/search/chapter-search')
      .then(({ loadChapterSearch }) => loadChapterSearch())
      .then(
        (loaded) => {
          setEngine(loaded)
          setStatus('ready')
        },
        () => {
          loadStarted.current = false // the next open tries again
          setStatus('error')
        },
      )
  }, [])

  const open = useCallback(() => {
    const element = dialog.current
    if (!element) return
    if (!element.open) element.showModal()
    input.current?.focus()
    input.current?.select()
    load()
  }, [load])

  const close = useCallback(() => dialog.current?.close(), [])

  useImperativeHandle(ref, () => ({ open, prefetch: load }), [open, load])

  useEffect(() => {
    if (openOnMount) open()
    // Only the mount asks: later opens come through the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const { hits, total } = useMemo(() => engine?.search(query) ?? { hits: [], total: 0 }, [engine, query])
  const active = Math.min(activeIndex, Math.max(hits.length - 1, 0))

  useEffect(() => {
    if (hits.length > 0) document.getElementById(optionId(listId, active))?.scrollIntoView({ block: 'nearest' })
  }, [active, hits, listId])

  const updateQuery = (value: string) => {
    setQuery(value)
    setActiveIndex(0)
  }

  const onInputKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    // Enter while an IME composes picks the characters; it must not open a result.
    if (event.nativeEvent.isComposing) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (hits.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActiveIndex((active + step + hits.length) % hits.length)
    } else if (event.key === 'Enter') {
      const hit = hits[active]
      if (!hit) return
      event.preventDefault()
      close()
      if (!loadInFullIfIsolated(hit.href)) router.push(hit.href)
    }
  }

  const trimmed = query.trim()
  let statusText: string
  if (status === 'error') statusText = '搜索索引加载失败，请检查网络后关闭再打开重试。'
  else if (trimmed === '') statusText = '输入中文词语或英文术语，例如：事件循环、线程池、asyncio、GIL。'
  else if (status !== 'ready') statusText = '正在加载搜索索引…'
  else if (hits.length === 0) statusText = `没有找到与「${trimmed}」相关的内容`
  else if (total > hits.length) statusText = `找到 ${total} 条结果，显示最相关的 ${hits.length} 条`
  else statusText = `找到 ${total} 条结果`

  const expanded = hits.length > 0
  return (
    <>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-label="搜索章节"
        data-testid="search-dialog"
        onClick={(event) => {
          // A click on the backdrop (the dialog itself, outside its panel) closes it.
          if (event.target === dialog.current) close()
        }}
      >
        <div className={styles.panel}>
          <div className={styles.inputRow}>
            <svg
              className={styles.inputIcon}
              aria-hidden="true"
              width="18"
              height="18"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            >
              <circle cx="11" cy="11" r="7" />
              <path d="m20 20-3.5-3.5" />
            </svg>
            <input
              ref={input}
              className={styles.input}
              type="text"
              inputMode="search"
              role="combobox"
              aria-label="搜索全部章节"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={expanded ? listId : undefined}
              aria-activedescendant={expanded ? optionId(listId, active) : undefined}
              placeholder="搜索全部章节"
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="go"
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value)
                if (!composing.current) updateQuery(event.target.value)
              }}
              onCompositionStart={() => {
                composing.current = true
              }}
              onCompositionEnd={(event) => {
                composing.current = false
                updateQuery(event.currentTarget.value)
              }}
              onKeyDown={onInputKeyDown}
            />
            <button type="button" className={styles.closeButton} onClick={close}>
              关闭
            </button>
          </div>
          <p className={styles.status} role="status" data-testid="search-status">
            {statusText}
          </p>
          {expanded && (
            <div className={styles.results} id={listId} role="listbox" aria-label="搜索结果" data-testid="search-results">
              {hits.map((hit, index) => (
                <Link
                  key={`${hit.slug}#${hit.anchor}`}
                  id={optionId(listId, index)}
                  href={hit.href}
                  role="option"
                  aria-selected={index === active}
                  tabIndex={-1}
                  className={styles.option}
                  onMouseMove={() => {
                    if (index !== active) setActiveIndex(index)
                  }}
                  onClick={close}
                >
                  <span className={styles.optionPath}>
                    <span className={styles.optionTitle}>{hit.title}</span>
                    {hit.heading !== '' && (
                      <>
                        <span className={styles.optionSeparator} aria-hidden="true">
                          ›
                        </span>
                        <span className={styles.optionHeading}>
                          <Highlighted parts={hit.headingParts} />
                        </span>
                      </>
                    )}
                  </span>
                  {hit.snippet !== '' && (
                    <span className={styles.optionSnippet}>
                      <Highlighted parts={hit.snippetParts} />
                    </span>
                  )}
                </Link>
              ))}
            </div>
          )}
          <p className={styles.keys} aria-hidden="true">
            <kbd>↑</kbd>
            <kbd>↓</kbd> 选择 <kbd>Enter</kbd> 打开 <kbd>Esc</kbd> 关闭
          </p>
        </div>
      </dialog>
    </>
  )
}
