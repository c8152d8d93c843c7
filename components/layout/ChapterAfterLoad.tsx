'use client'

import { lazyAfterLoad } from './lazy-after-load'

// A chapter's parts that act only once the reader has the page: their code stays out of the
// chapter's first load.

/** Records where the reader is in the chapter (see ReadingTracker). */
export const ReadingTrackerAfterLoad = lazyAfterLoad(() => import('./chapter-after-load-script').then((module) => module.ReadingTracker))

/** Fetches the previous and next chapters ahead of the reader (see PrefetchNeighbours). */
export const PrefetchNeighboursAfterLoad = lazyAfterLoad(() => import('./chapter-after-load-script').then((module) => module.PrefetchNeighbours))

/** Marks, in "本页内容", the section being read (see TocHighlight). */
export const TocHighlightAfterLoad = lazyAfterLoad(() => import('./chapter-after-load-script').then((module) => module.TocHighlight))
