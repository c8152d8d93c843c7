// The demo engine's data model (see ../shared/DESIGN.md, "The demo engine").
// Strategies emit spans; charts, store, export and tests only read them.

import type { RunEnvironment, RunStatus, Span, StrategyId, WorkloadKind } from './run-model'

export type { RunEnvironment, RunStatus, Span, SpanFailure, StrategyId, WorkloadKind } from './run-model'

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
