'use client'

import { useEffect } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'
import { isPlainClick } from '@/lib/browser/plain-click'
import { loadAfterLoadParts } from '../layout/lazy-after-load'

/** A glossary term that has its definition on the page (the chapter compile writes both: lib/content/term-html.ts). */
export const termSelector = 'a[data-term][aria-controls]'

/** The term a plain click landed on; a modified click still opens the glossary entry, in a new tab as the reader asked. */
export function termClicked(event: MouseEvent): HTMLAnchorElement | null {
  if (!isPlainClick(event)) return null
  return event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(termSelector) : null
}

/**
 * Loads the terms' popovers once the page has loaded and the browser is idle, keeping their code
 * out of the chapter's first load; a term clicked sooner waits for them rather than leaving the
 * chapter, and opens as soon as they arrive.
 */
export function TermPopoversLoader() {
  useEffect(() => {
    let state: 'waiting' | 'loading' | 'done' = 'waiting'
    let uninstall: (() => void) | undefined
    const load = (opening?: HTMLAnchorElement) => {
      if (state !== 'waiting') return
      state = 'loading'
      document.removeEventListener('click', onEarlyClick)
      // The popovers come with the page's other after-load parts; offline with that code never
      // fetched, a term stays the link to its entry.
      void loadAfterLoadParts().then((parts) => {
        if (state === 'loading' && parts) uninstall = parts.installTermPopovers(opening)
        state = 'done'
      })
    }
    const onEarlyClick = (event: MouseEvent) => {
      const term = termClicked(event)
      if (!term) return
      event.preventDefault()
      load(term)
    }
    document.addEventListener('click', onEarlyClick)
    const cancelIdle = afterLoadWhenIdle(() => load())
    return () => {
      cancelIdle()
      document.removeEventListener('click', onEarlyClick)
      state = 'done'
      uninstall?.()
    }
  }, [])
  return null
}
