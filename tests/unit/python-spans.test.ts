// The page's half of span recording for the browser's Python: the prelude's start and end records
// (epoch clock, string ids and lanes) become the engine's Spans on the run's clock.
import { describe, expect, it } from 'vitest'
import { runModelSchemas } from '@/lib/engine/run-model'
import { PythonSpanCollector } from '@/lib/python/span-collector'

const t0 = 1_700_000_000_000

describe('PythonSpanCollector', () => {
  it('numbers jobs in the order they start and gives each asyncio task its own row, in order of first use', () => {
    const started: Array<[number, number, number]> = []
    const collector = new PythonSpanCollector(t0, { onStart: (job, lane, start) => started.push([job, lane, start]) })
    collector.start({ id: 'r-1', lane: 'task:Task-2', atEpochMs: t0 + 5 })
    collector.start({ id: 'r-2', lane: 'task:Task-3', atEpochMs: t0 + 6 })
    collector.start({ id: 'r-3', lane: 'task:Task-2', atEpochMs: t0 + 7 })
    expect(started).toEqual([
      [0, 0, 5],
      [1, 1, 6],
      [2, 0, 7],
    ])
    expect(collector.maxInFlight).toBe(3)
  })

  it('puts a pool interpreter’s jobs on its own row, and a request’s detail and wire times on the run’s clock', () => {
    const collector = new PythonSpanCollector(t0)
    collector.start({ id: 'w1-1', lane: 'worker:1', atEpochMs: t0 + 100 })
    collector.end({ id: 'w1-1', atEpochMs: t0 + 310, ok: true, status: 200, bytes: 2048, wireStartEpochMs: t0 + 104, wireEndEpochMs: t0 + 309 })
    const [span] = collector.close(400)
    expect(span).toMatchObject({ job: 0, lane: 1, start: 100, end: 310, ok: true, wireStart: 104, wireEnd: 309 })
    expect(span?.detail).toBe('200 · 2.0 KB · 210 ms')
  })

  it('keeps a CPU call’s exact value, and clamps late resource timing into the span', () => {
    const collector = new PythonSpanCollector(t0)
    collector.start({ id: 'c-1', lane: 'main', atEpochMs: t0 })
    collector.end({ id: 'c-1', atEpochMs: t0 + 50, ok: true, value: '333332833333500000' })
    collector.start({ id: 'r-2', lane: 'main', atEpochMs: t0 + 60 })
    collector.end({ id: 'r-2', atEpochMs: t0 + 90, ok: true, status: 200, bytes: 10 })
    collector.wire('r-2', t0 + 55, t0 + 95)
    const spans = collector.close(100)
    expect(spans[0]).toMatchObject({ value: '333332833333500000', detail: 'Σ = 333332833333500000' })
    expect(spans[1]).toMatchObject({ wireStart: 60, wireEnd: 90 })
  })

  it('marks failed requests by kind and cuts off what a stopped run left open as cancelled', () => {
    const collector = new PythonSpanCollector(t0)
    collector.start({ id: 'a', lane: 'main', atEpochMs: t0 })
    collector.end({ id: 'a', atEpochMs: t0 + 10, ok: false, status: 503, bytes: 0 })
    collector.start({ id: 'b', lane: 'main', atEpochMs: t0 + 10 })
    collector.end({ id: 'b', atEpochMs: t0 + 20, ok: false, status: 0, bytes: 0, error: 'XHRNetworkError()' })
    collector.start({ id: 'c', lane: 'main', atEpochMs: t0 + 20 })
    const spans = collector.close(35)
    expect(spans.map((span) => span.failure?.kind)).toEqual(['http', 'network', 'cancelled'])
    expect(spans[2]).toMatchObject({ start: 20, end: 35, detail: '已取消' })
    // After close, late records change nothing.
    collector.end({ id: 'c', atEpochMs: t0 + 40, ok: true, status: 200, bytes: 1 })
    expect(collector.spans).toHaveLength(3)
  })

  it('yields spans that a stored Run accepts', () => {
    const collector = new PythonSpanCollector(t0)
    collector.start({ id: 'a', lane: 'task:Task-1', atEpochMs: t0 + 1 })
    collector.end({ id: 'a', atEpochMs: t0 + 2, ok: true, status: 200, bytes: 1 })
    const run = {
      id: 'x',
      strategy: 'py-asyncio',
      runtime: 'pyodide',
      runtimeVersion: 'CPython 3.14.2 (Pyodide 314.0.8)',
      spans: collector.close(3),
      totalMs: 3,
      status: 'done',
      maxInFlight: 1,
      environment: { protocol: 'http/1.1', cores: 2, crossOriginIsolated: false, browser: 'Chrome 156' },
      startedAt: new Date(t0).toISOString(),
      workload: 'io',
      params: { sites: 1, latencyMs: 200, poolSize: 1 },
    }
    expect(runModelSchemas().run.safeParse(run).success).toBe(true)
  })
})
