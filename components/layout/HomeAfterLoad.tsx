'use client'

import { lazyAfterLoad } from './lazy-after-load'

// The home page's reading record controls: they need this browser's record, so they are never in
// the server's HTML, and their code stays out of the home page's first load.

/** "继续阅读" where the reader left off. */
export const ContinueReadingAfterLoad = lazyAfterLoad(() => import('./ContinueReading').then((module) => module.ContinueReading))

/** "清除阅读记录". */
export const ClearReadingButtonAfterLoad = lazyAfterLoad(() => import('./ContinueReading').then((module) => module.ClearReadingButton))
