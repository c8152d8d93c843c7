'use client'

import { FinishedMark } from './FinishedMark'
import { useChapterFinished } from './useReadingProgress'

/** "已读完" beside a chapter's name (in the navigation, on the home page's card), once this browser has seen the chapter to its end. */
export function ChapterFinishedMark({ slug, compact = false }: { slug: string; compact?: boolean }) {
  return useChapterFinished(slug) ? <FinishedMark compact={compact} /> : null
}
