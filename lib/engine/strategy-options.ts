// What a run is given: its strategy, workload, params and jobs, how a job runs on the main thread
// or in a worker pool, and the context every strategy works in.
import type { JobOutcome } from './job-outcome'
import type { SpanRecorder } from './span-recorder'

export type { JobOutcome } from './job-outcome'
import type { JavaScriptStrategyId } from './run-model'
import type { RunCallbacks, RunEnvironment, RunParamsOf, RunStatus, WorkloadKind } from './types'
import type { WorkerSource } from './warm-worker-pool'
import type { WorkerJobMessage, WorkerKind, WorkerLike } from './worker-protocol'

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
  strategy: JavaScriptStrategyId
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

/** What every strategy works with while a run lasts. */
export interface StrategyContext {
  jobs: number
  signal: AbortSignal
  recorder: SpanRecorder
  options: AnyRunStrategyOptions
  /** Abort controllers of the main-thread jobs in flight. */
  inFlightAborts: Set<AbortController>
  /** Registers cleanup that runs however the run ends (terminating or returning workers). */
  onEnd: (cleanup: (status: RunStatus) => void) => void
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
