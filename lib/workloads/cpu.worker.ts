// Module Web Worker for the CPU demo's `workers` strategy: one job per message, answered with the
// same reply the main thread would produce (see runCpuJob). A warm-up message first runs the loop
// on small sizes, so the first timed job does not pay for compiling it.
import { answerHello, isWorkerWarmUpMessage, type WorkerReadyMessage } from '../engine/worker-protocol'
import { isCpuWorkerRequest, runCpuJob, warmUpCpuLoop } from './cpu'

answerHello(self, 'cpu')

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isWorkerWarmUpMessage(event.data)) {
    warmUpCpuLoop()
    const ready: WorkerReadyMessage = { type: 'ready', readyAtEpochMs: performance.timeOrigin + performance.now() }
    self.postMessage(ready)
    return
  }
  if (!isCpuWorkerRequest(event.data)) return
  // Our own clock: the engine may have queued this job here while the previous one ran, and the
  // page may read the answer late, so neither side of the page's clock says when the work ran.
  const startedAtEpochMs = performance.timeOrigin + performance.now()
  const reply = runCpuJob(event.data.job, event.data.n)
  self.postMessage({ ...reply, startedAtEpochMs, finishedAtEpochMs: performance.timeOrigin + performance.now() })
})
