'use client'

import { useLayoutEffect } from 'react'
import { isPlainClick } from '@/lib/browser/plain-click'
import { fullLoadForIsolation } from '@/lib/security/headers'

/** Follows `href` as a full page load when the page it leads to must be cross-origin isolated. */
export function loadInFullIfIsolated(href: string): boolean {
  const target = fullLoadForIsolation(href, new URL(window.location.href), window.crossOriginIsolated === true)
  if (target === null) return false
  window.location.assign(target)
  return true
}

/**
 * Every in-site link into the race chapter or the lab (下一章, the sidebar, the header, search)
 * loads that page in full, so it arrives cross-origin isolated and its shared-memory demo runs.
 * One listener for the whole document, ahead of Next's own link handling.
 */
export function IsolatedPageNavigation() {
  // A layout effect: installed in the same commit as the links' own handlers, so no click falls
  // between Next taking over a link and this listener being there.
  useLayoutEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!isPlainClick(event)) return
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return
      const target = fullLoadForIsolation(anchor.href, new URL(window.location.href), window.crossOriginIsolated === true)
      if (target === null) return
      event.preventDefault()
      event.stopPropagation()
      window.location.assign(target)
    }
    document.addEventListener('click', onClick, { capture: true })
    return () => document.removeEventListener('click', onClick, { capture: true })
  }, [])
  return null
}
