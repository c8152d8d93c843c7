import { describe, expect, it } from 'vitest'
import type { Run } from '@/lib/engine/types'
import { compareRuns } from '@/lib/lab/comparison'

const run = (id: string, totalMs: number): Run => ({
  id,
  workload: 'io',
  strategy: id === 'a' ? 'sequential' : 'async',
  runtime: 'browser-js',
  params: { sites: 4, latencyMs: 100, jitterMs: 0, poolSize: 5, workers: 0, hosts: 1, seed: '', workerCount: 2, timeScale: 1, origins: [] },
  spans: [],
  totalMs,
  status: 'done',
  maxInFlight: 1,
  environment: { protocol: 'http/1.1', cores: 2, crossOriginIsolated: false, browser: 'test' },
  startedAt: '2026-12-01T10:00:00.000Z',
})

describe('compareRuns', () => {
  it('names the faster run, the difference and the ratio, and gives both one time axis', () => {
    const comparison = compareRuns(run('a', 16_000), run('b', 2_000), (r) => r.id.toUpperCase())
    expect(comparison.faster.id).toBe('b')
    expect(comparison.ratio).toBe(8)
    expect(comparison.differenceMs).toBe(14_000)
    expect(comparison.axisMs).toBe(16_000)
    expect(comparison.summary).toBe('B 更快：2.00 秒，比 A 的 16.0 秒 少 14.0 秒，后者是前者的 8.0×。')
  })

  it('says when two runs took the same time', () => {
    expect(compareRuns(run('a', 500), run('b', 500), (r) => r.id).summary).toBe('两次运行用时相同（500 毫秒）。')
  })
})
