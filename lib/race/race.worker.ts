// Module Web Worker for the shared-memory race demo: waits at the start barrier, increments the
// shared counter, reports done.
import { handleRaceStart, isRaceStartMessage } from './shared-memory'

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isRaceStartMessage(event.data)) return
  self.postMessage(handleRaceStart(event.data))
})
