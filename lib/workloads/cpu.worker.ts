// Module Web Worker for the CPU demo's `workers` strategy: one job per message, answered with the
// same reply the main thread would produce (see runCpuJob).
import { isCpuWorkerRequest, runCpuJob } from './cpu'

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isCpuWorkerRequest(event.data)) return
  self.postMessage(runCpuJob(event.data.job, event.data.n))
})
