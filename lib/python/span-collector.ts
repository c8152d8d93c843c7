// The page's half of span recording: the Python prelude reports each request and each CPU call
// as a start and an end on the worker's epoch clock; this turns them into the engine's Spans on
// the run's own clock, so a Python run is a Run like any other. Pure: unit-tested in Node.
import type { Span } from '@/lib/engine/types'
import { describeIoResult } from '@/lib/workloads/io'
import type { PythonSpanEnd, PythonSpanStart } from './protocol'

interface OpenJob {
  job: number
  lane: number
  start: number
}

export interface SpanCollectorCallbacks {
  onStart?: (job: number, lane: number, start: number) => void
  onSpan?: (span: Span) => void
}

export class PythonSpanCollector {
  readonly spans: Span[] = []
  maxInFlight = 0
  private readonly open = new Map<string, OpenJob>()
  private readonly jobsById = new Map<string, number>()
  private readonly lanes = new Map<string, number>()
  private nextJob = 0
  private closed = false

  constructor(
    /** The run's start on the epoch clock (timeOrigin + now) shared by the page and its workers. */
    private readonly runStartEpochMs: number,
    private readonly callbacks: SpanCollectorCallbacks = {},
  ) {}

  start(record: Pick<PythonSpanStart, 'id' | 'lane' | 'atEpochMs'>): void {
    if (this.closed || this.jobsById.has(record.id)) return
    const job = this.nextJob++
    const lane = this.laneOf(record.lane)
    const start = Math.max(0, record.atEpochMs - this.runStartEpochMs)
    this.jobsById.set(record.id, job)
    this.open.set(record.id, { job, lane, start })
    this.maxInFlight = Math.max(this.maxInFlight, this.open.size)
    this.callbacks.onStart?.(job, lane, start)
  }

  end(record: Omit<PythonSpanEnd, 'type'>): void {
    const running = this.open.get(record.id)
    if (this.closed || !running) return
    this.open.delete(record.id)
    const end = Math.max(running.start, record.atEpochMs - this.runStartEpochMs)
    const span: Span = { job: running.job, lane: running.lane, start: running.start, end, ok: record.ok, detail: describe(record, end - running.start) }
    if (record.value !== undefined && record.ok) span.value = record.value
    if (!record.ok) span.failure = record.status ? { kind: 'http', status: record.status } : { kind: 'network', message: (record.error ?? '').slice(0, 200) }
    if (record.wireStartEpochMs !== undefined && record.wireEndEpochMs !== undefined) this.setWire(span, record.wireStartEpochMs, record.wireEndEpochMs)
    this.spans.push(span)
    this.callbacks.onSpan?.(span)
  }

  /** Resource timing that the worker found only after reporting the end. */
  wire(id: string, wireStartEpochMs: number, wireEndEpochMs: number): void {
    const job = this.jobsById.get(id)
    const span = this.spans.find((candidate) => candidate.job === job)
    if (span) this.setWire(span, wireStartEpochMs, wireEndEpochMs)
  }

  /** Ends the run: what is still open (a stopped run) is cut off at `endMs` and marked cancelled. */
  close(endMs: number): Span[] {
    for (const [id, running] of [...this.open].sort((a, b) => a[1].job - b[1].job)) {
      this.open.delete(id)
      const span: Span = { job: running.job, lane: running.lane, start: running.start, end: Math.max(running.start, endMs), ok: false, detail: '已取消' }
      span.failure = { kind: 'cancelled' }
      this.spans.push(span)
      this.callbacks.onSpan?.(span)
    }
    this.closed = true
    return [...this.spans].sort((a, b) => a.job - b.job)
  }

  /** A pool interpreter keeps its own row ("worker:1" is row 1); tasks and the main thread get rows in order of first use. */
  private laneOf(key: string): number {
    const worker = /^worker:(\d+)$/.exec(key)
    if (worker) return Number(worker[1])
    let lane = this.lanes.get(key)
    if (lane === undefined) {
      lane = this.lanes.size
      this.lanes.set(key, lane)
    }
    return lane
  }

  /** Clamped into the span: the two clocks agree only to a fraction of a millisecond. */
  private setWire(span: Span, wireStartEpochMs: number, wireEndEpochMs: number): void {
    const clamp = (value: number, min: number) => Math.min(span.end, Math.max(min, value - this.runStartEpochMs))
    span.wireStart = clamp(wireStartEpochMs, span.start)
    span.wireEnd = clamp(wireEndEpochMs, span.wireStart)
  }
}

/** The same detail text as the JavaScript runs: "200 · 1.0 KB · 103 ms", "Σ = 4166…". */
function describe(record: Omit<PythonSpanEnd, 'type'>, elapsedMs: number): string {
  if (record.value !== undefined) return record.ok ? `Σ = ${record.value}` : (record.error ?? '出错')
  if (record.status) return describeIoResult(record.status, record.bytes ?? 0, elapsedMs)
  return `网络错误 · ${(record.error ?? '没有应答').slice(0, 200)}`
}
