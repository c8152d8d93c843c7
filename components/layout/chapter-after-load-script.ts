// The chapter parts that load after the page, gathered so they arrive as one script.
export { PrefetchNeighbours } from './PrefetchNeighbours'
export { ReadingTracker } from './ReadingTracker'
export { TocHighlight } from './TocHighlight'
