// Module Web Worker for the shared-memory race demo: waits at the start barrier, increments the
// shared counter, reports done.
import { answerHello } from '../engine/worker-protocol'
import { handleRaceStart, isRaceStartMessage } from './shared-memory'

answerHello(self, 'race')

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isRaceStartMessage(event.data)) return
  self.postMessage(handleRaceStart(event.data))
})
