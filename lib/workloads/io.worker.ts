// Module Web Worker for the I/O demo's `workers` strategy: one download at a time, answered with
// the same outcome the main thread would record (see fetchIoJob).
import type { WorkerDoneMessage } from '../engine/worker-protocol'
import { answerHello, isWorkerAbortMessage } from '../engine/worker-protocol'
import { fetchIoJob, isIoWorkerJobMessage } from './io'

let current: AbortController | null = null

// A worker may download many URLs in a run; keep their timing entries (the default keeps 250).
performance.setResourceTimingBufferSize(2000)

answerHello(self, 'io')

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data
  if (isWorkerAbortMessage(message)) {
    current?.abort()
    return
  }
  if (!isIoWorkerJobMessage(message)) return

  const download = new AbortController()
  current = download
  fetchIoJob(message.url, download.signal)
    .then(({ ok, detail, failure, wireStartEpochMs, wireEndEpochMs }) => {
      const done: WorkerDoneMessage = { type: 'done', job: message.job, ok, detail }
      if (failure !== undefined) done.failure = failure
      if (wireStartEpochMs !== undefined) done.wireStartEpochMs = wireStartEpochMs
      if (wireEndEpochMs !== undefined) done.wireEndEpochMs = wireEndEpochMs
      self.postMessage(done)
    })
    .catch(() => {
      // Aborted: the engine has already moved on (or terminated this worker).
    })
    .finally(() => {
      if (current === download) current = null
    })
})
