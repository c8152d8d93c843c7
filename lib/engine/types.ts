// The demo engine's data model (see ../shared/DESIGN.md, "The demo engine").
// Strategies emit spans; charts, store, export and tests only read them.

export type StrategyId = 'sequential' | 'pool' | 'async' | 'async-yield' | 'workers'

export type WorkloadKind = 'io' | 'cpu'

/** One job (a download, a number to sum) as it ran. Times are ms from the run's start. */
export interface Span {
  job: number
  /** Which pool slot, worker or connection carried the job. */
  lane: number
  start: number
  end: number
  ok: boolean
  /**
   * When a download actually went out on a connection (ms from the run's start), where the
   * browser's resource timing tells it. Between start and wireStart it queued for a connection.
   */
  wireStart?: number
  /** When its response had fully arrived (resource timing responseEnd), ms from the run's start. */
  wireEnd?: number
  /** Human-readable outcome, e.g. "200 · 1024 B" or "sum = 41666…". */
  detail: string
}

export interface RunEnvironment {
  /** From PerformanceResourceTiming.nextHopProtocol, e.g. "http/1.1", "h2"; null when unknown. */
  protocol: string | null
  cores: number | null
  crossOriginIsolated: boolean
  browser: string
}

export type RunStatus = 'done' | 'cancelled' | 'error'

export interface Run<P = Record<string, unknown>> {
  id: string
  workload: WorkloadKind
  strategy: StrategyId
  params: P
  spans: Span[]
  totalMs: number
  status: RunStatus
  /** The most jobs that were in flight at once, as the engine saw it. */
  maxInFlight: number
  environment: RunEnvironment
  error?: string
  startedAt: string
}

export interface RunCallbacks {
  signal?: AbortSignal
  /** A job started (for live in-flight charts). */
  onStart?: (job: number, lane: number, start: number) => void
  /** A job finished; called once per span as it completes. */
  onSpan?: (span: Span) => void
}
