// The `workers` strategy: a pool of Web Workers, each running one job at a time (or holding a
// queued one), answered through the engine's worker protocol.
import { describeError, type StrategyContext } from './strategy-options'
import type { WorkerSource } from './warm-worker-pool'
import { awaitWorkerHello } from './worker-handshake'
import { isWorkerDoneMessage, prepareWorkerDoneCheck } from './worker-done-message'
import type { WorkerLike } from './worker-protocol'

function defaultWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency
  return cores > 0 ? cores : 4
}

export function runWorkerPool(context: StrategyContext): Promise<void> {
  const pool = context.options.workers
  if (!pool) return Promise.reject(new Error('策略 workers 需要 workers.createWorker 和 workers.jobMessage'))
  const size = Math.max(1, Math.min(pool.size ?? defaultWorkerCount(), context.jobs))

  const source: WorkerSource = pool.source ?? { acquire: pool.createWorker, release: (worker) => worker.terminate() }

  const inboxSize = 1 + Math.max(0, Math.floor(pool.queuedPerWorker ?? 0))
  prepareWorkerDoneCheck()

  return new Promise<void>((resolve, reject) => {
    const workers: WorkerLike[] = []
    const detachers: Array<() => void> = []
    /** Per lane, the jobs posted to that worker and not answered yet, oldest (running) first. */
    const inboxes: number[][] = []
    let nextJob = 0
    let finished = 0
    context.onEnd((status) => {
      for (const detach of detachers) detach()
      // A worker still holding a job may be mid-computation: only idle ones can be reused.
      workers.forEach((worker, lane) => source.release(worker, status === 'done' && inboxes[lane]?.length === 0))
    })

    /** Fills the lane's inbox (up to `most`); the job at its head is the one the worker runs. */
    const dispatch = (lane: number, most = inboxSize) => {
      const worker = workers[lane]
      const inbox = inboxes[lane]
      if (!worker || !inbox) return
      // Queue ahead only while at least one job per worker is left: the last jobs go to whichever
      // worker is free first, so a worker slowed by the page does not end the run holding two.
      const limit = () => (context.jobs - nextJob >= size ? most : 1)
      while (!context.signal.aborted && nextJob < context.jobs && inbox.length < limit()) {
        const job = nextJob++
        inbox.push(job)
        if (inbox.length === 1) context.recorder.begin(job, lane)
        worker.postMessage(pool.jobMessage(job))
      }
    }

    try {
      for (let lane = 0; lane < size; lane++) {
        const worker = source.acquire()
        const inbox: number[] = []
        workers.push(worker)
        inboxes.push(inbox)
        let detached = false
        const onMessage = (event: { data: unknown }) => {
          const message = event.data
          if (detached || !isWorkerDoneMessage(message) || message.job !== inbox[0]) return
          inbox.shift()
          context.recorder.finish(message.job, message)
          finished++
          if (finished === context.jobs) {
            resolve()
            return
          }
          // The worker went straight on to its next queued job when it finished this one.
          const running = inbox[0]
          if (running !== undefined) context.recorder.begin(running, lane, message.finishedAtEpochMs)
          dispatch(lane)
        }
        // An uncaught error inside a worker (or a script that failed to load) is a bug, not a
        // failed job: the worker may never answer again, so the run ends with an error.
        const onError = (event: { message?: string }) => {
          if (detached) return
          reject(new Error(`Worker ${lane} 出错${event.message ? `：${event.message}` : '（脚本加载或执行失败）'}`))
        }
        worker.addEventListener('message', onMessage)
        worker.addEventListener('error', onError)
        detachers.push(() => {
          detached = true
          worker.removeEventListener?.('message', onMessage)
          worker.removeEventListener?.('error', onError)
        })
      }
    } catch (error) {
      reject(error instanceof Error ? error : new Error(describeError(error)))
      return
    }
    const start = () => {
      // One job to every worker first, then the queues: no worker starts with two while another idles.
      for (let lane = 0; lane < size; lane++) dispatch(lane, 1)
      for (let lane = 0; lane < size; lane++) dispatch(lane)
    }
    const handshake = pool.handshake
    if (!handshake) start()
    else Promise.all(workers.map((worker) => awaitWorkerHello(worker, handshake.kind, handshake.timeoutMs, context.signal))).then(start, reject)
  })
}
