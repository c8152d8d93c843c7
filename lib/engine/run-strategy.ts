// The strategies of the article over one generic job runner. Each job becomes one Span; the
// engine does all the timing, so charts and tests only read what it recorded.
import { collectEnvironment } from './environment'
import type { WorkerSource } from './warm-worker-pool'
import { awaitWorkerHello } from './worker-handshake'
import { isWorkerDoneMessage, type WorkerJobMessage, type WorkerKind, type WorkerLike } from './worker-protocol'
import { spanFailureSchema } from './run-model'
import type { CpuRun, IoRun, Run, RunCallbacks, RunEnvironment, RunParamsOf, RunStatus, Span, SpanFailure, StrategyId, WorkloadKind } from './types'

export interface JobOutcome {
  ok: boolean
  detail: string
  /** Why a failed job failed (a worker's answer is checked before it is kept). */
  failure?: SpanFailure
  /** A computing job's exact result, decimal. */
  value?: string
  /** performance.timeOrigin + requestStart of the job's request, when known (I/O jobs). */
  wireStartEpochMs?: number
  /** performance.timeOrigin + responseEnd of the job's request, when known. */
  wireEndEpochMs?: number
  /** performance.timeOrigin + now when a worker started the job, when it says so. */
  startedAtEpochMs?: number
  /** performance.timeOrigin + now when a worker finished the job. */
  finishedAtEpochMs?: number
}

/** Runs one job on the main thread. Must stop promptly when `signal` aborts. */
export type JobRunner = (job: number, lane: number, signal: AbortSignal) => Promise<JobOutcome>

export interface WorkerPoolOptions {
  /** e.g. `() => new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module' })`. */
  createWorker: () => WorkerLike
  /**
   * Already-started workers (a WarmWorkerPool) to take instead of creating new ones; they go back
   * after a run that finished, and are terminated after one that did not.
   */
  source?: WorkerSource
  /** The message that hands job `job` to a worker. */
  jobMessage: (job: number) => WorkerJobMessage
  /** Default: navigator.hardwareConcurrency (4 when unknown), never more than the jobs. */
  size?: number
  /**
   * Jobs each worker holds in its inbox beyond the one it is running (default 0). Python's
   * ProcessPoolExecutor keeps its call queue one job ahead for the same reason: a worker that
   * finishes starts its next job at once instead of waiting for the page to read its answer and
   * post another (a page busy drawing charts can take several ms to do so, every job). Only for
   * workers that run one message to completion before reading the next, as a CPU loop does.
   */
  queuedPerWorker?: number
  /**
   * Before its first job, each worker must answer hello as this kind within `timeoutMs`: a worker
   * running other code, or none, ends the run with an error instead of leaving it running.
   */
  handshake?: { kind: WorkerKind; timeoutMs?: number }
}

export interface RunStrategyOptions<W extends WorkloadKind = WorkloadKind> extends RunCallbacks {
  strategy: StrategyId
  workload: W
  /** Recorded on the run as given, for charts and export. */
  params: RunParamsOf<W>
  jobs: number
  /** Needed by every strategy except `workers`. */
  runJob?: JobRunner
  /** Slots of the `pool` strategy (default 4). */
  poolSize?: number
  /** Needed by the `workers` strategy. */
  workers?: WorkerPoolOptions
  /** Clock in ms (default performance.now). */
  now?: () => number
  /** How `async-yield` gives the browser a turn between jobs (default: yieldForFrame). */
  yieldToEventLoop?: () => Promise<void>
  /** Called once when the run ends (default: collectEnvironment()). */
  environment?: () => RunEnvironment
  id?: string
}

/** Options for a run of either workload, its params matching its workload. */
export type AnyRunStrategyOptions = RunStrategyOptions<'io'> | RunStrategyOptions<'cpu'>

export const defaultPoolSize = 4

const cancelledDetail = '已取消'

/** Records spans as jobs start and finish; after the run ends it ignores late finishers. */
class SpanRecorder {
  readonly spans: Span[] = []
  maxInFlight = 0
  private readonly inFlight = new Map<number, { lane: number; start: number }>()
  private closed = false
  private readonly startedAt: number

  constructor(
    private readonly now: () => number,
    private readonly callbacks: RunCallbacks,
    /** The run's start on the shared epoch clock (timeOrigin + now), when `now` is the real clock. */
    private readonly startedAtEpoch: number | null = null,
  ) {
    this.startedAt = now()
  }

  elapsed(): number {
    return this.now() - this.startedAt
  }

  /** `startedAtEpochMs`: when the job really started, if that was earlier than now (a queued job). */
  begin(job: number, lane: number, startedAtEpochMs?: number): void {
    if (this.closed) return
    const now = this.elapsed()
    const start = this.fromEpoch(startedAtEpochMs, 0, now) ?? now
    this.inFlight.set(job, { lane, start })
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight.size)
    this.callbacks.onStart?.(job, lane, start)
  }

  finish(job: number, outcome: JobOutcome): void {
    const running = this.inFlight.get(job)
    if (this.closed || !running) return
    this.inFlight.delete(job)
    const arrived = this.elapsed()
    // A worker's own clock says when it really ran the job; the page may read the answer later.
    const start = this.fromEpoch(outcome.startedAtEpochMs, 0, arrived) ?? running.start
    const end = this.fromEpoch(outcome.finishedAtEpochMs, start, arrived) ?? arrived
    const span: Span = { job, lane: running.lane, start, end, ok: outcome.ok, detail: outcome.detail }
    if (outcome.ok && typeof outcome.value === 'string') span.value = outcome.value
    if (!outcome.ok && outcome.failure !== undefined) {
      const failure = spanFailureSchema.safeParse(outcome.failure)
      if (failure.success) span.failure = failure.data
    }
    const wireStart = this.fromEpoch(outcome.wireStartEpochMs, span.start, span.end)
    if (wireStart !== undefined) {
      span.wireStart = wireStart
      const wireEnd = this.fromEpoch(outcome.wireEndEpochMs, wireStart, span.end)
      if (wireEnd !== undefined) span.wireEnd = wireEnd
    }
    this.spans.push(span)
    this.callbacks.onSpan?.(span)
  }

  /**
   * An epoch time (timeOrigin + now, from the page or a worker) as ms from the run's start,
   * clamped to [min, max]: the clocks of the page and a worker agree only to a fraction of a ms.
   */
  private fromEpoch(epochMs: number | undefined, min: number, max: number): number | undefined {
    if (this.startedAtEpoch === null || typeof epochMs !== 'number' || !Number.isFinite(epochMs)) return undefined
    return Math.min(max, Math.max(min, epochMs - this.startedAtEpoch))
  }

  /** Ends the run: jobs still in flight get a span cut off now, so the timeline shows them. */
  close(): number {
    const end = this.elapsed()
    for (const job of [...this.inFlight.keys()].sort((a, b) => a - b)) {
      this.finish(job, { ok: false, detail: cancelledDetail, failure: { kind: 'cancelled' } })
    }
    this.closed = true
    return end
  }
}

/** Lowest free lane first, so a timeline of mostly short jobs stays compact. */
class LaneAllocator {
  private readonly free: number[] = []
  private nextFresh = 0

  acquire(): number {
    if (this.free.length === 0) return this.nextFresh++
    let lowestIndex = 0
    for (let index = 1; index < this.free.length; index++) {
      if ((this.free[index] ?? Infinity) < (this.free[lowestIndex] ?? Infinity)) lowestIndex = index
    }
    return this.free.splice(lowestIndex, 1)[0] ?? this.nextFresh++
  }

  release(lane: number): void {
    this.free.push(lane)
  }
}

interface StrategyContext {
  jobs: number
  signal: AbortSignal
  recorder: SpanRecorder
  options: AnyRunStrategyOptions
  /** Abort controllers of the main-thread jobs in flight. */
  inFlightAborts: Set<AbortController>
  /** Registers cleanup that runs however the run ends (terminating or returning workers). */
  onEnd: (cleanup: (status: RunStatus) => void) => void
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

async function runOnMainThread(context: StrategyContext, runJob: JobRunner, job: number, lane: number): Promise<void> {
  context.recorder.begin(job, lane)
  // Each job gets its own signal, aborted with the run's: one listener on the run's signal in all,
  // instead of one per job (Node warns past 10, and 160 downloads would pile them up).
  const jobAbort = new AbortController()
  context.inFlightAborts.add(jobAbort)
  let outcome: JobOutcome
  try {
    outcome = await runJob(job, lane, jobAbort.signal)
  } catch (error) {
    // A failed download is a failed job, not a failed run.
    outcome = { ok: false, detail: describeError(error), failure: { kind: 'network', message: describeError(error).slice(0, 200) } }
  } finally {
    context.inFlightAborts.delete(jobAbort)
  }
  // After a cancel the job's own ending (usually an AbortError) is noise: the recorder cuts it.
  if (context.signal.aborted) return
  context.recorder.finish(job, outcome)
}

function requireRunJob(options: AnyRunStrategyOptions): JobRunner {
  if (!options.runJob) throw new Error(`策略 ${options.strategy} 需要 runJob（主线程上的任务执行函数）`)
  return options.runJob
}

async function runSequential(context: StrategyContext, yieldBetweenJobs: (() => Promise<void>) | null): Promise<void> {
  const runJob = requireRunJob(context.options)
  for (let job = 0; job < context.jobs; job++) {
    if (job > 0 && yieldBetweenJobs) await yieldBetweenJobs()
    if (context.signal.aborted) return
    await runOnMainThread(context, runJob, job, 0)
  }
}

async function runPool(context: StrategyContext): Promise<void> {
  const runJob = requireRunJob(context.options)
  const slots = Math.max(1, Math.min(context.options.poolSize ?? defaultPoolSize, context.jobs))
  let nextJob = 0
  const slot = async (lane: number) => {
    while (nextJob < context.jobs && !context.signal.aborted) {
      const job = nextJob++
      await runOnMainThread(context, runJob, job, lane)
    }
  }
  await Promise.all(Array.from({ length: slots }, (_, lane) => slot(lane)))
}

async function runAllAtOnce(context: StrategyContext): Promise<void> {
  const runJob = requireRunJob(context.options)
  const lanes = new LaneAllocator()
  const one = async (job: number) => {
    const lane = lanes.acquire()
    await runOnMainThread(context, runJob, job, lane)
    lanes.release(lane)
  }
  await Promise.all(Array.from({ length: context.jobs }, (_, job) => one(job)))
}

function defaultWorkerCount(): number {
  const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency
  return cores > 0 ? cores : 4
}

function runWorkerPool(context: StrategyContext): Promise<void> {
  const pool = context.options.workers
  if (!pool) return Promise.reject(new Error('策略 workers 需要 workers.createWorker 和 workers.jobMessage'))
  const size = Math.max(1, Math.min(pool.size ?? defaultWorkerCount(), context.jobs))

  const source: WorkerSource = pool.source ?? { acquire: pool.createWorker, release: (worker) => worker.terminate() }

  const inboxSize = 1 + Math.max(0, Math.floor(pool.queuedPerWorker ?? 0))

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

function runStrategyJobs(context: StrategyContext): Promise<void> {
  switch (context.options.strategy) {
    case 'sequential':
      return runSequential(context, null)
    case 'async-yield':
      return runSequential(context, context.options.yieldToEventLoop ?? yieldForFrame)
    case 'pool':
      return runPool(context)
    case 'async':
      return runAllAtOnce(context)
    case 'workers':
      return runWorkerPool(context)
  }
}

/**
 * Gives the browser a turn (input, rendering) between jobs. scheduler.yield() where it exists;
 * else a MessageChannel task, which unlike setTimeout(0) is not clamped to 4 ms when nested.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    })
  }
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** How long yieldForFrame waits for a frame that may never come (a tab hidden mid-run). */
export const frameWaitLimitMs = 100

/**
 * Gives the browser a turn that includes drawing a frame: what a reader of the async + yield demo
 * expects to see between two numbers. A bare task is not enough in Chromium: scheduler.yield()
 * continuations and message tasks run before a pending frame, which it lets in only after about
 * 100 ms without one, so with 75 ms jobs the page drew once every third job (longest gap 217–225
 * ms in six runs at the default size, `.bench/yield-gaps.mjs`). Here the next job starts in a task
 * queued from requestAnimationFrame, i.e. after that frame has been drawn. Where no frame will
 * come (no rAF, a hidden tab) it falls back to yieldToEventLoop, or stops waiting after
 * frameWaitLimitMs.
 */
export function yieldForFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState === 'hidden') {
    return yieldToEventLoop()
  }
  return new Promise((resolve) => {
    let waiting = true
    const finish = () => {
      if (!waiting) return
      waiting = false
      clearTimeout(limit)
      cancelAnimationFrame(frame)
      resolve()
    }
    const frame = requestAnimationFrame(() => setTimeout(finish, 0))
    const limit = setTimeout(finish, frameWaitLimitMs)
  })
}

let runCounter = 0

function newRunId(): string {
  // randomUUID exists only in secure contexts; a classroom may open the lab over a LAN address.
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  runCounter++
  return `run-${Date.now().toString(36)}-${runCounter}`
}

/** Runs `jobs` jobs with one strategy. Never rejects: failures end as status 'error'. */
export function runStrategy(options: RunStrategyOptions<'io'>): Promise<IoRun>
export function runStrategy(options: RunStrategyOptions<'cpu'>): Promise<CpuRun>
export function runStrategy(options: AnyRunStrategyOptions): Promise<Run>
export async function runStrategy(options: AnyRunStrategyOptions): Promise<Run> {
  const now = options.now ?? (() => performance.now())
  const startedAt = new Date().toISOString()
  const realClock = options.now === undefined && typeof performance !== 'undefined'
  const recorder = new SpanRecorder(now, options, realClock ? performance.timeOrigin + performance.now() : null)
  const jobs = Math.max(0, Math.floor(options.jobs))

  // Our own controller: the caller's abort, a failed run and the end of the run all stop the jobs.
  const stop = new AbortController()
  const forwardAbort = () => stop.abort(options.signal?.reason)
  if (options.signal?.aborted) stop.abort(options.signal.reason)
  else options.signal?.addEventListener('abort', forwardAbort, { once: true })

  const cleanups: Array<(status: RunStatus) => void> = []
  const inFlightAborts = new Set<AbortController>()
  stop.signal.addEventListener(
    'abort',
    () => {
      for (const jobAbort of inFlightAborts) jobAbort.abort(stop.signal.reason)
    },
    { once: true },
  )
  const context: StrategyContext = {
    jobs,
    signal: stop.signal,
    recorder,
    inFlightAborts,
    options,
    onEnd: (cleanup) => cleanups.push(cleanup),
  }

  const cancelled = new Promise<'cancelled'>((resolve) => {
    if (stop.signal.aborted) resolve('cancelled')
    else stop.signal.addEventListener('abort', () => resolve('cancelled'), { once: true })
  })

  let status: RunStatus
  let error: string | undefined
  try {
    const work = stop.signal.aborted ? Promise.resolve() : runStrategyJobs(context)
    const finished = await Promise.race([work.then(() => 'done' as const), cancelled])
    status = finished === 'done' && !options.signal?.aborted ? 'done' : 'cancelled'
  } catch (caught) {
    status = 'error'
    error = describeError(caught)
  }

  const totalMs = recorder.close()
  options.signal?.removeEventListener('abort', forwardAbort)
  if (!stop.signal.aborted) stop.abort()
  for (const cleanup of cleanups) cleanup(status)

  const common = {
    id: options.id ?? newRunId(),
    strategy: options.strategy,
    spans: recorder.spans,
    totalMs,
    status,
    maxInFlight: recorder.maxInFlight,
    environment: options.environment ? options.environment() : collectEnvironment(),
    startedAt,
    ...(error !== undefined ? { error } : {}),
  }
  // The workload and its params travel together: each run is one of the model's run kinds.
  return options.workload === 'io' ? { ...common, workload: 'io', params: options.params } : { ...common, workload: 'cpu', params: options.params }
}
