'use client'

import type { TocEntry } from '@/lib/content/toc'
import { useActiveHeading } from './useActiveHeading'
import styles from './TableOfContents.module.css'

/** "本页内容": follows the scroll and marks the section being read. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  const activeId = useActiveHeading(entries.map((entry) => entry.id))

  if (entries.length === 0) return null
  return (
    <nav aria-label="本页内容" className={styles.toc} data-testid="toc">
      <p className={styles.title}>本页内容</p>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? styles.depth3 : undefined}>
            <a href={`#${entry.id}`} aria-current={entry.id === activeId ? 'location' : undefined}>
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
