import Link from 'next/link'
import type { ChapterMeta } from '@/lib/content/schema'
import { PrefetchNeighboursAfterLoad } from './lazy-after-load'
import styles from './PrevNext.module.css'

export function PrevNext({ previous, next }: { previous?: ChapterMeta; next?: ChapterMeta }) {
  return (
    <nav aria-label="上一章和下一章" className={styles.nav} data-prev-next>
      <PrefetchNeighboursAfterLoad hrefs={[previous, next].flatMap((chapter) => (chapter ? [`/learn/${chapter.slug}`] : []))} />
      {previous ? (
        <Link href={`/learn/${previous.slug}`} className={styles.link} rel="prev">
          <span className={styles.label}>← 上一章</span>
          <span className={styles.title}>{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/learn/${next.slug}`} className={`${styles.link} ${styles.forward}`} rel="next">
          <span className={styles.label}>下一章 →</span>
          <span className={styles.title}>{next.title}</span>
        </Link>
      ) : null}
    </nav>
  )
}
