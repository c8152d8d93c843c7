'use client'

import { FinishedMark } from './FinishedMark'
import { useFinishedChapters } from './useReadingProgress'

/** The home page's "已读完" on a chapter card, once this browser has seen the chapter to its end. */
export function ChapterCardMark({ slug }: { slug: string }) {
  const finished = useFinishedChapters()
  return finished.has(slug) ? <FinishedMark /> : null
}
