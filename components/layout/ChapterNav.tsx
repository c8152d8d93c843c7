'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { FinishedMarkAfterLoad } from './lazy-after-load'

export interface ChapterLink {
  slug: string
  title: string
  order: number
}

/** The chapter list; marks the chapter being read and those read to their end. */
export function ChapterNav({ chapters, onNavigate }: { chapters: ChapterLink[]; onNavigate?: () => void }) {
  const pathname = usePathname()
  return (
    <nav aria-label="章节" className="chapter-nav">
      <ol>
        {chapters.map((chapter) => {
          const href = `/learn/${chapter.slug}`
          const current = pathname === href
          return (
            <li key={chapter.slug}>
              <Link href={href} prefetch={false} aria-current={current ? 'page' : undefined} onClick={onNavigate}>
                {chapter.title}
                <FinishedMarkAfterLoad slug={chapter.slug} compact />
              </Link>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
