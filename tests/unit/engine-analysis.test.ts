import { describe, expect, it } from 'vitest'
import { inFlightSeries, issuedAndWireSeries, laneCount, peakInFlight, summarizeSpans } from '@/lib/engine/analysis'
import type { Span } from '@/lib/engine/types'

const span = (job: number, lane: number, start: number, end: number, wireStart?: number): Span => ({
  job,
  lane,
  start,
  end,
  ok: true,
  detail: '',
  ...(wireStart === undefined ? {} : { wireStart }),
})

describe('span analysis', () => {
  // Three requests issued at 0; a cap of two connections lets the third out only at 100.
  const spans = [span(0, 0, 0, 100, 0), span(1, 1, 0, 100, 0), span(2, 2, 0, 200, 100)]

  it('counts issued requests from their start, and a slot reused at the same instant once', () => {
    expect(inFlightSeries(spans)).toEqual([
      { t: 0, inFlight: 3 },
      { t: 100, inFlight: 1 },
      { t: 200, inFlight: 0 },
    ])
    expect(inFlightSeries([span(0, 0, 0, 50), span(1, 0, 50, 90)])).toEqual([
      { t: 0, inFlight: 1 },
      { t: 50, inFlight: 1 },
      { t: 90, inFlight: 0 },
    ])
  })

  it('counts requests on the wire from wireStart', () => {
    expect(peakInFlight(spans)).toBe(3)
    expect(peakInFlight(spans, { onWire: true })).toBe(2)
    expect(issuedAndWireSeries(spans)).toEqual([
      { t: 0, issued: 3, onWire: 2 },
      { t: 100, issued: 1, onWire: 1 },
      { t: 200, issued: 0, onWire: 0 },
    ])
  })

  it('summarises lanes, failures and durations', () => {
    expect(laneCount(spans)).toBe(3)
    expect(summarizeSpans([...spans, { ...span(3, 0, 200, 260), ok: false }])).toEqual({
      jobs: 4,
      failed: 1,
      meanDurationMs: (100 + 100 + 200 + 60) / 4,
      lastEndMs: 260,
    })
  })
})
