'use client'

import { lazyAfterLoad } from './lazy-after-load'

/**
 * A chapter's "已读完" mark, read from this browser's record once the page has loaded: the server
 * cannot know it, and the record's code then stays out of every page's first load.
 */
export const FinishedMarkAfterLoad = lazyAfterLoad(() => import('./ChapterFinishedMark').then((module) => module.ChapterFinishedMark))
