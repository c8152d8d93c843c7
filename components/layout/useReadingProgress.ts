'use client'

import { useSyncExternalStore } from 'react'
import { readingProgress, type ReadingProgress } from '@/lib/reading/progress'

/** The stored progress; null on the server and until hydrated (the server cannot know it), and when there is none. */
export function useReadingProgress(): ReadingProgress | null {
  return useSyncExternalStore(readingProgress.subscribe, readingProgress.get, () => null)
}

/**
 * Whether this chapter was read to its end. A yes or no, not the record: the navigation has a mark
 * per chapter, and each re-renders only when its own answer changes, not whenever the reader's
 * position is written.
 */
export function useChapterFinished(slug: string): boolean {
  return useSyncExternalStore(
    readingProgress.subscribe,
    () => readingProgress.get()?.finished.includes(slug) ?? false,
    () => false,
  )
}
