// Module Web Worker for the CPU demo's `workers` strategy: one job per message, answered with the
// same reply the main thread would produce (see runCpuJob). A warm-up message first runs the loop
// on small sizes, so the first timed job does not pay for compiling it.
import { isWorkerWarmUpMessage, type WorkerReadyMessage } from '../engine/worker-protocol'
import { isCpuWorkerRequest, runCpuJob, warmUpCpuLoop } from './cpu'

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isWorkerWarmUpMessage(event.data)) {
    warmUpCpuLoop()
    const ready: WorkerReadyMessage = { type: 'ready', readyAtEpochMs: performance.timeOrigin + performance.now() }
    self.postMessage(ready)
    return
  }
  if (!isCpuWorkerRequest(event.data)) return
  self.postMessage(runCpuJob(event.data.job, event.data.n))
})
