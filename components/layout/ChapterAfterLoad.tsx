'use client'

import { lazyAfterLoad } from './lazy-after-load'

// A chapter's parts that act only once the reader has the page: their code stays out of the
// chapter's first load.

/** Records where the reader is in the chapter (see ReadingTracker). */
export const ReadingTrackerAfterLoad = lazyAfterLoad(() => import('./ReadingTracker').then((module) => module.ReadingTracker))

/** The glossary terms' popovers; until they load, a term is the link to its entry it is without JavaScript. */
export const TermPopoversAfterLoad = lazyAfterLoad(() => import('@/components/mdx/TermPopovers').then((module) => module.TermPopovers))

/** Fetches the previous and next chapters ahead of the reader (see PrefetchNeighbours). */
export const PrefetchNeighboursAfterLoad = lazyAfterLoad(() => import('./PrefetchNeighbours').then((module) => module.PrefetchNeighbours))

/** Marks, in "本页内容", the section being read (see TocHighlight). */
export const TocHighlightAfterLoad = lazyAfterLoad(() => import('./TocHighlight').then((module) => module.TocHighlight))
