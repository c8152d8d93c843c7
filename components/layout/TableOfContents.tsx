'use client'

import { useEffect, useState } from 'react'
import type { TocEntry } from '@/lib/content/toc'

/** "本页内容": follows the scroll and marks the section being read. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  const [activeId, setActiveId] = useState<string | null>(null)

  useEffect(() => {
    const headings = entries.map((entry) => document.getElementById(entry.id)).filter((element): element is HTMLElement => element !== null)
    if (headings.length === 0) return
    const visible = new Set<string>()
    const observer = new IntersectionObserver(
      (changes) => {
        for (const change of changes) {
          if (change.isIntersecting) visible.add(change.target.id)
          else visible.delete(change.target.id)
        }
        // The first heading in document order that is on screen is the one being read.
        const first = headings.find((heading) => visible.has(heading.id))
        if (first) setActiveId(first.id)
      },
      { rootMargin: '-64px 0px -55% 0px' },
    )
    headings.forEach((heading) => observer.observe(heading))
    return () => observer.disconnect()
  }, [entries])

  if (entries.length === 0) return null
  return (
    <nav aria-label="本页内容" className="toc" data-testid="toc">
      <p className="toc-title">本页内容</p>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? 'toc-depth-3' : undefined}>
            <a href={`#${entry.id}`} aria-current={entry.id === activeId ? 'location' : undefined}>
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
