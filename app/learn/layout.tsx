import type { ReactNode } from 'react'
import { ChapterNav } from '@/components/layout/ChapterNav'
import { getChapterList } from '@/lib/content/chapters'

export default function LearnLayout({ children }: { children: ReactNode }) {
  const chapters = getChapterList().map(({ slug, title, order }) => ({ slug, title, order }))
  return (
    <div className="learn-layout">
      <aside className="learn-sidebar">
        <ChapterNav chapters={chapters} />
      </aside>
      {children}
    </div>
  )
}
