'use client'

import { useMemo, useSyncExternalStore } from 'react'
import { readingProgress, type ReadingProgress } from '@/lib/reading/progress'

/** The stored progress; null on the server and until hydrated (the server cannot know it), and when there is none. */
export function useReadingProgress(): ReadingProgress | null {
  return useSyncExternalStore(readingProgress.subscribe, readingProgress.get, () => null)
}

/** The chapters read to their end. */
export function useFinishedChapters(): ReadonlySet<string> {
  const progress = useReadingProgress()
  return useMemo(() => new Set(progress?.finished ?? []), [progress])
}
