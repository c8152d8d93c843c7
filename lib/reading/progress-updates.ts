import type { ReadingProgress } from './progress'

// What reading a chapter changes in the record. Apart from the store: only the chapter's tracker
// writes, and it loads after the page, while every page reads the record for its marks.

/** The reader opened a chapter: it becomes the one to continue; its recorded heading stays only if it was this chapter's. */
export function withVisit(progress: ReadingProgress | null, slug: string, now: number): ReadingProgress {
  const sameChapter = progress?.lastSlug === slug
  return {
    lastSlug: slug,
    ...(sameChapter && progress.lastHeadingId ? { lastHeadingId: progress.lastHeadingId } : {}),
    updatedAt: now,
    finished: progress?.finished ?? [],
  }
}

/**
 * Where in a chapter the reader is: the last heading scrolled past, or none (above the first). The
 * same record when that has not changed, so a scroll within a section writes nothing.
 */
export function withPosition(progress: ReadingProgress | null, slug: string, headingId: string | undefined, now: number): ReadingProgress {
  if (progress && progress.lastSlug === slug && progress.lastHeadingId === headingId) return progress
  return { lastSlug: slug, ...(headingId ? { lastHeadingId: headingId } : {}), updatedAt: now, finished: progress?.finished ?? [] }
}

/** The reader reached a chapter's end. */
export function withFinished(progress: ReadingProgress | null, slug: string, now: number): ReadingProgress {
  const base = progress ?? { lastSlug: slug, updatedAt: now, finished: [] }
  if (base.finished.includes(slug)) return base
  return { ...base, updatedAt: now, finished: [...base.finished, slug] }
}
