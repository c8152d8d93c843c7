// Main-thread side of the shared-memory race: one SharedArrayBuffer, W workers started together,
// and the count of updates that got lost.
import { awaitWorkerHello, workerHelloTimeoutMs } from '../engine/worker-handshake'
import type { WorkerLike } from '../engine/worker-protocol'
import { COUNTER_CELL, RACE_CELLS, isRaceDoneMessage, type RaceMode, type RaceStartMessage } from './shared-memory'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

export interface SharedMemoryRaceOptions {
  workers: number
  /** Increments per worker. */
  times: number
  mode: RaceMode
  /** The engine's WorkerLike: a browser Worker as is, or a Node worker_threads adapter in tests. */
  createWorker: () => WorkerLike
  /** Aborting terminates every worker and rejects with the signal's reason. */
  signal?: AbortSignal
  now?: () => number
  /** How long each worker has to say it is a race worker before the run fails (default 10 s). */
  helloTimeoutMs?: number
}

export interface SharedMemoryRaceResult {
  mode: RaceMode
  workers: number
  times: number
  expected: number
  actual: number
  lost: number
  /** Wall time on the main thread, from creating the workers to the last "done". */
  elapsedMs: number
}

/** What the demo starts with: long enough that the workers overlap for tens of ms. */
export const sharedRaceDefaults = { workers: 4, times: 1_000_000 } as const

export const sharedRaceLimits = {
  workers: { min: 1, max: 16 },
  times: { min: 1, max: 10_000_000 },
} as const

export const sharedMemoryUnavailableMessage =
  'SharedArrayBuffer 不可用：页面需要跨源隔离（响应头 Cross-Origin-Opener-Policy: same-origin 和 Cross-Origin-Embedder-Policy: require-corp）。可以先看不需要共享内存的 async 版竞态演示。'

/** True when this page may create a SharedArrayBuffer and send it to workers. */
export function sharedMemoryAvailable(): boolean {
  // Browsers hide SharedArrayBuffer without cross-origin isolation; Node has no crossOriginIsolated.
  const isolation = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated
  return typeof SharedArrayBuffer === 'function' && isolation !== false
}

function checkOptions({ workers, times }: SharedMemoryRaceOptions): void {
  const { workers: w, times: t } = sharedRaceLimits
  if (!Number.isInteger(workers) || workers < w.min || workers > w.max) {
    throw new RangeError(integerRangeMessage('Worker 数', w.min, w.max))
  }
  if (!Number.isInteger(times) || times < t.min || times > t.max) {
    throw new RangeError(integerRangeMessage('每个 Worker 的累加次数', t.min, t.max))
  }
}

/** Runs the race once. Throws sharedMemoryUnavailableMessage without cross-origin isolation. */
export async function runSharedMemoryRace(options: SharedMemoryRaceOptions): Promise<SharedMemoryRaceResult> {
  if (!sharedMemoryAvailable()) throw new Error(sharedMemoryUnavailableMessage)
  checkOptions(options)
  const { workers, times, mode, createWorker, signal, now = () => performance.now(), helloTimeoutMs = workerHelloTimeoutMs } = options
  signal?.throwIfAborted()

  const buffer = new SharedArrayBuffer(RACE_CELLS * Int32Array.BYTES_PER_ELEMENT)
  const view = new Int32Array(buffer)
  const started: WorkerLike[] = []
  let stopWaitingForAbort = (): void => {}
  const startedAt = now()
  try {
    for (let index = 0; index < workers; index++) started.push(createWorker())
    // Every worker must be a race worker before any is started: the barrier waits for all of them.
    await Promise.all(started.map((worker) => awaitWorkerHello(worker, 'race', helloTimeoutMs, signal)))
    const allDone = Promise.all(
      started.map(
        (worker, workerIndex) =>
          new Promise<void>((resolve, reject) => {
            worker.addEventListener('message', (event) => {
              if (isRaceDoneMessage(event.data)) resolve()
            })
            worker.addEventListener('error', (event) => {
              const reason = event.message ?? '脚本加载或执行失败'
              reject(new Error(`第 ${workerIndex + 1} 个 Worker 出错：${reason}`))
            })
            const start: RaceStartMessage = { type: 'start', buffer, workerIndex, workers, times, mode }
            worker.postMessage(start)
          }),
      ),
    )
    const aborted = new Promise<never>((_, reject) => {
      if (!signal) return
      const onAbort = (): void => reject(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
      stopWaitingForAbort = () => signal.removeEventListener('abort', onAbort)
    })
    await Promise.race([allDone, aborted])
    const expected = workers * times
    const actual = Atomics.load(view, COUNTER_CELL)
    return { mode, workers, times, expected, actual, lost: expected - actual, elapsedMs: now() - startedAt }
  } finally {
    stopWaitingForAbort()
    // Workers blocked at the barrier or mid-loop would otherwise keep a core busy.
    for (const worker of started) worker.terminate()
  }
}
