// Workers started before a run, like a Python process pool created once and reused. A new Web
// Worker costs a few hundred milliseconds here before its first job (the bundler's worker
// bootstrap fetches its chunks one after another, and the hot loop starts out cold); a pool that
// is already warm lets the run time measure the computation. The start-up is not hidden: the pool
// reports each worker's start-up time, and the demo shows it beside the run.
import { isWorkerReadyMessage, type WorkerLike } from './worker-protocol'

/** Where the engine's `workers` strategy gets its workers and gives them back. */
export interface WorkerSource {
  acquire(): WorkerLike
  /** `reusable` is false when the worker may still be busy (a cancelled or failed run): it is terminated. */
  release(worker: WorkerLike, reusable: boolean): void
}

export interface WarmWorkerPoolOptions {
  createWorker: () => WorkerLike
  /** Sent once to every new worker; the worker answers { type: 'ready' } when it is warm. */
  warmUpMessage: unknown
  /** Each worker's start-up: ms from creation to ready (by the worker's clock when it says). */
  onReady?: (startupMs: number) => void
  /** Epoch clock in ms, comparable with a worker's timeOrigin + now (default: the page's). */
  now?: () => number
}

export class WarmWorkerPool implements WorkerSource {
  private idle: WorkerLike[] = []
  private disposed = false
  private readonly now: () => number

  constructor(private readonly options: WarmWorkerPoolOptions) {
    this.now = options.now ?? (() => performance.timeOrigin + performance.now())
  }

  /** Workers waiting for a run. */
  get idleCount(): number {
    return this.idle.length
  }

  /** Starts workers until `size` are idle, and stops any beyond that. */
  prewarm(size: number): void {
    if (this.disposed) return
    while (this.idle.length < size) this.idle.push(this.spawn())
    for (const extra of this.idle.splice(Math.max(0, size))) extra.terminate()
  }

  acquire(): WorkerLike {
    if (this.disposed) throw new Error('Worker 池已关闭')
    return this.idle.shift() ?? this.spawn()
  }

  release(worker: WorkerLike, reusable: boolean): void {
    if (this.disposed || !reusable) worker.terminate()
    else this.idle.push(worker)
  }

  /** Terminates every idle worker; workers out on a run are terminated when released. */
  dispose(): void {
    this.disposed = true
    for (const worker of this.idle) worker.terminate()
    this.idle = []
  }

  private spawn(): WorkerLike {
    const createdAt = this.now()
    const worker = this.options.createWorker()
    let ready = false
    const onMessage = (event: { data: unknown }) => {
      if (ready || !isWorkerReadyMessage(event.data)) return
      ready = true
      worker.removeEventListener?.('message', onMessage)
      const readyAt = event.data.readyAtEpochMs ?? this.now()
      this.options.onReady?.(Math.max(0, readyAt - createdAt))
    }
    worker.addEventListener('message', onMessage)
    worker.postMessage(this.options.warmUpMessage)
    return worker
  }
}
