'use client'

import { useEffect } from 'react'
import { useActiveHeading } from './useActiveHeading'

/**
 * Follows the scroll and marks, in "本页内容", the section being read (aria-current). The list
 * itself is the server's HTML: only this marking needs the browser, so it alone is sent there.
 */
export function TocHighlight({ ids }: { ids: string[] }) {
  const activeId = useActiveHeading(ids)
  useEffect(() => {
    // The attribute as written (a Chinese id), not link.hash, which the browser percent-encodes.
    for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-toc] a')) {
      if (activeId !== null && link.getAttribute('href') === `#${activeId}`) link.setAttribute('aria-current', 'location')
      else link.removeAttribute('aria-current')
    }
  }, [activeId])
  return null
}
