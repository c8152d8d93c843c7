// What one job produced, wherever it ran: the main thread or a worker (whose answer adds its own clock's times).
import type { SpanFailure } from './run-model'

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
