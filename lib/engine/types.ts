// The demo engine's data model (see ../shared/DESIGN.md, "The demo engine").
// Strategies emit spans; charts, store, export and tests only read them.

import type { Span } from './run-model'

export type {
  CpuRun,
  CpuRunParams,
  IoRun,
  IoRunParams,
  Run,
  RunEnvironment,
  RunOf,
  RunParamsOf,
  RunStatus,
  Span,
  SpanFailure,
  StrategyId,
  WorkloadKind,
} from './run-model'

export interface RunCallbacks {
  signal?: AbortSignal
  /** A job started (for live in-flight charts). */
  onStart?: (job: number, lane: number, start: number) => void
  /** A job finished; called once per span as it completes. */
  onSpan?: (span: Span) => void
}
