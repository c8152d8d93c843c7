// Derived views of a run's spans, for charts and summaries. Pure: nothing here measures time.
import type { Span } from './types'

export interface InFlightPoint {
  t: number
  inFlight: number
}

/**
 * A step series of how many jobs were in flight, from the spans' starts and ends. With
 * `onWire`, a download counts while it was really on a connection (wireStart to wireEnd).
 */
export function inFlightSeries(spans: readonly Span[], { onWire = false }: { onWire?: boolean } = {}): InFlightPoint[] {
  const events: { t: number; delta: number }[] = []
  for (const span of spans) {
    events.push({ t: onWire ? (span.wireStart ?? span.start) : span.start, delta: 1 }, { t: onWire ? (span.wireEnd ?? span.end) : span.end, delta: -1 })
  }
  // At the same instant, ends before starts: a slot freed and reused is not two in flight.
  events.sort((a, b) => a.t - b.t || a.delta - b.delta)
  const points: InFlightPoint[] = [{ t: 0, inFlight: 0 }]
  let inFlight = 0
  for (const event of events) {
    inFlight += event.delta
    const last = points[points.length - 1]!
    if (last.t === event.t) last.inFlight = inFlight
    else points.push({ t: event.t, inFlight })
  }
  return points
}

export function peakInFlight(spans: readonly Span[], options: { onWire?: boolean } = {}): number {
  return inFlightSeries(spans, options).reduce((peak, point) => Math.max(peak, point.inFlight), 0)
}

export interface IssuedAndWirePoint {
  t: number
  issued: number
  onWire: number
}

/** Both views on one time axis: requests the program has issued, and those on a connection. */
export function issuedAndWireSeries(spans: readonly Span[]): IssuedAndWirePoint[] {
  const issued = inFlightSeries(spans)
  const onWire = inFlightSeries(spans, { onWire: true })
  const times = [...new Set([...issued, ...onWire].map((point) => point.t))].sort((a, b) => a - b)
  const valueAt = (series: InFlightPoint[], t: number) => {
    let value = 0
    for (const point of series) {
      if (point.t > t) break
      value = point.inFlight
    }
    return value
  }
  return times.map((t) => ({ t, issued: valueAt(issued, t), onWire: valueAt(onWire, t) }))
}

export function laneCount(spans: readonly Span[]): number {
  return spans.reduce((count, span) => Math.max(count, span.lane + 1), 0)
}

export interface SpanSummary {
  jobs: number
  failed: number
  meanDurationMs: number
  lastEndMs: number
}

export function summarizeSpans(spans: readonly Span[]): SpanSummary {
  const durations = spans.map((span) => span.end - span.start)
  return {
    jobs: spans.length,
    failed: spans.filter((span) => !span.ok).length,
    meanDurationMs: durations.length ? durations.reduce((sum, value) => sum + value, 0) / durations.length : 0,
    lastEndMs: spans.reduce((last, span) => Math.max(last, span.end), 0),
  }
}
