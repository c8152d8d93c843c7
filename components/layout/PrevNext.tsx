import Link from 'next/link'
import type { ChapterMeta } from '@/lib/content/schema'
import { PrefetchNeighbours } from './PrefetchNeighbours'

export function PrevNext({ previous, next }: { previous?: ChapterMeta; next?: ChapterMeta }) {
  return (
    <nav aria-label="上一章和下一章" className="prev-next">
      <PrefetchNeighbours hrefs={[previous, next].flatMap((chapter) => (chapter ? [`/learn/${chapter.slug}`] : []))} />
      {previous ? (
        <Link href={`/learn/${previous.slug}`} className="prev-next-link" rel="prev">
          <span className="prev-next-label">← 上一章</span>
          <span className="prev-next-title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/learn/${next.slug}`} className="prev-next-link prev-next-forward" rel="next">
          <span className="prev-next-label">下一章 →</span>
          <span className="prev-next-title">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  )
}
