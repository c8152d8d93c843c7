'use client'

import Link from 'next/link'
import { continueHref, readingProgress } from '@/lib/reading/progress'
import type { ChapterLink } from './ChapterNav'
import { useReadingProgress } from './useReadingProgress'
import styles from './ContinueReading.module.css'

/** "继续阅读" where the reader left off; nothing for a first visit. */
export function ContinueReading({ chapters }: { chapters: Pick<ChapterLink, 'slug' | 'title'>[] }) {
  const progress = useReadingProgress()
  // A chapter since renamed or removed has nowhere to continue.
  const chapter = progress ? chapters.find((entry) => entry.slug === progress.lastSlug) : undefined
  if (!progress || !chapter) return null
  return (
    <Link href={continueHref(progress)} className="button-primary" data-testid="continue-reading" prefetch={false}>
      继续阅读：{chapter.title}
    </Link>
  )
}

/** Forgets this browser's reading record (where to continue, which chapters were finished). */
export function ClearReadingButton() {
  const progress = useReadingProgress()
  if (!progress) return null
  return (
    <button type="button" className={styles.clear} data-testid="clear-reading" onClick={() => readingProgress.clear()}>
      清除阅读记录
    </button>
  )
}
