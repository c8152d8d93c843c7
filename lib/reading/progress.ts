import { createStoredValue, type StoredValueOptions } from './stored-value'

/** Versioned: a later shape gets a new key (and may migrate this one) instead of misreading it. */
export const readingProgressKey = 'concurrency-lab:reading:v1'

export interface ReadingProgress {
  /** The chapter read last. */
  lastSlug: string
  /** The heading last scrolled past in it, if any; an element id on that page. */
  lastHeadingId?: string
  /** ms since the epoch, for the reader's own sake (when was this). */
  updatedAt: number
  /** Chapters read to their end, in the order they were finished. */
  finished: string[]
}

const slugPattern = /^[a-z0-9-]{1,100}$/

const isSlug = (value: unknown): value is string => typeof value === 'string' && slugPattern.test(value)

/**
 * A stored record as it was written, or null: nothing stored, or anything unreadable, starts fresh.
 * Checked by hand, not with zod/mini: this module is in every page's first load (the chapter
 * navigation marks finished chapters), where zod/mini cost 17.6 KB gzip, past the 150 KB budget.
 */
export function parseReadingProgress(raw: string | null): ReadingProgress | null {
  if (raw === null) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { lastSlug, lastHeadingId, updatedAt, finished } = value as Record<string, unknown>
  if (!isSlug(lastSlug) || typeof updatedAt !== 'number' || !Number.isFinite(updatedAt)) return null
  if (!Array.isArray(finished) || !finished.every(isSlug)) return null
  if (lastHeadingId !== undefined && (typeof lastHeadingId !== 'string' || lastHeadingId.length === 0 || lastHeadingId.length > 200)) return null
  return { lastSlug, ...(lastHeadingId === undefined ? {} : { lastHeadingId }), updatedAt, finished: [...finished] }
}

/** Where "继续阅读" leads: the chapter, at the recorded heading if there is one. */
export function continueHref(progress: ReadingProgress): string {
  const anchor = progress.lastHeadingId ? `#${encodeURIComponent(progress.lastHeadingId)}` : ''
  return `/learn/${progress.lastSlug}${anchor}`
}

export function createReadingProgressStore(options: Partial<Pick<StoredValueOptions<ReadingProgress | null>, 'storage' | 'events'>> = {}) {
  return createStoredValue<ReadingProgress | null>({
    key: readingProgressKey,
    parse: parseReadingProgress,
    serialize: (progress) => JSON.stringify(progress),
    ...options,
  })
}

/** The reader's progress through the chapters, kept in this browser only. */
export const readingProgress = createReadingProgressStore()
