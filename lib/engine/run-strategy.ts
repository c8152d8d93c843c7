// The strategies of the article over one generic job runner. Each job becomes one Span; the
// engine does all the timing, so charts and tests only read what it recorded.
import { collectEnvironment } from './environment'
import { runAllAtOnce, runPool, runSequential } from './main-thread-strategies'
import { SpanRecorder } from './span-recorder'
import { describeError, type AnyRunStrategyOptions, type RunStrategyOptions, type StrategyContext } from './strategy-options'
import type { CpuRun, IoRun, Run, RunStatus } from './types'
import { runWorkerPool } from './worker-pool-strategy'
import { yieldForFrame } from './yield'

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
    runtime: 'browser-js' as const,
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
