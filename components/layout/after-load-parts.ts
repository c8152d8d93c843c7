// Every part of a page that acts only once the reader has it, gathered so they arrive as one
// script and appear in one render (lazy-after-load.tsx): a chunk and a commit each made a
// dozen small tasks after the load, which the main thread then ran back to back.
export { ChapterFinishedMark } from './ChapterFinishedMark'
export { ClearReadingButton, ContinueReading } from './ContinueReading'
export { PrefetchNeighbours } from './PrefetchNeighbours'
export { ReadingTracker } from './ReadingTracker'
export { ServiceWorkerRegistration } from './ServiceWorkerRegistration'
export { TocHighlight } from './TocHighlight'
export { installTermPopovers } from '../mdx/TermPopovers'
