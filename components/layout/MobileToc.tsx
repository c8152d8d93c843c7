import type { TocEntry } from '@/lib/content/toc'
import styles from './MobileToc.module.css'

/**
 * "本章目录" at the top of the article, for screens too narrow for the "本页内容" column. A plain
 * <details>: it opens and its links jump without JavaScript.
 */
export function MobileToc({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null
  return (
    <details className={styles.toc} data-testid="mobile-toc">
      <summary>本章目录</summary>
      <nav aria-label="本章目录">
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={entry.depth === 3 ? styles.depth3 : undefined}>
              <a href={`#${entry.id}`}>{entry.text}</a>
            </li>
          ))}
        </ol>
      </nav>
    </details>
  )
}
