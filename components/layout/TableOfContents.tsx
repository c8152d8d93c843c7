import type { TocEntry } from '@/lib/content/toc'
import { TocHighlightAfterLoad } from './lazy-after-load'
import styles from './TableOfContents.module.css'

/** "本页内容": the chapter's sections; once the page has loaded, TocHighlight marks the one being read. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null
  return (
    <nav aria-label="本页内容" className={styles.toc} data-testid="toc" data-toc>
      <p className={styles.title}>本页内容</p>
      <ol>
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? styles.depth3 : undefined}>
            <a href={`#${entry.id}`}>{entry.text}</a>
          </li>
        ))}
      </ol>
      <TocHighlightAfterLoad ids={entries.map((entry) => entry.id)} />
    </nav>
  )
}
