// Records one span per job as jobs start and finish, on the run's own clock, and gives each job a lane.
import { runModelSchemas } from './run-model'
import type { JobOutcome } from './job-outcome'
import type { RunCallbacks, Span } from './types'

const cancelledDetail = '已取消'

/** Records spans as jobs start and finish; after the run ends it ignores late finishers. */
export class SpanRecorder {
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
      const failure = runModelSchemas().spanFailure.safeParse(outcome.failure)
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
export class LaneAllocator {
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
