import { describe, expect, it } from 'vitest'
import type { Run } from '@/lib/engine/types'
import { runsToCsv, runsToJson } from '@/lib/export/spans'

const run: Run = {
  id: 'r1',
  workload: 'io',
  strategy: 'async',
  runtime: 'browser-js',
  params: { sites: 2, latencyMs: 100, jitterMs: 0, poolSize: 5, workers: 0, hosts: 1, seed: '', workerCount: 2, timeScale: 1, origins: [] },
  spans: [
    { job: 0, lane: 0, start: 0, end: 101.23456, ok: true, detail: '200 · 1.0 KB · 101 ms', wireStart: 0.5, wireEnd: 101 },
    { job: 1, lane: 1, start: 0, end: 205, ok: false, detail: '=503, "down"', wireStart: 104.25, wireEnd: 204.5, failure: { kind: 'http', status: 503 } },
    { job: 2, lane: 2, start: 0, end: 3, ok: false, detail: '网络错误 · Failed to fetch', failure: { kind: 'network' } },
  ],
  totalMs: 205,
  status: 'done',
  maxInFlight: 3,
  environment: { protocol: 'http/1.1', cores: 2, crossOriginIsolated: false, browser: 'Chromium' },
  startedAt: '2026-12-01T10:00:00.000Z',
}

describe('runsToCsv', () => {
  it('has the wire and queue columns, so the connection wait reaches a spreadsheet', () => {
    const [header, first, second, third] = runsToCsv([run]).trimEnd().split('\r\n')
    expect(header).toBe('run_name,settings,run,workload,strategy,job,lane,start_ms,end_ms,duration_ms,wire_start_ms,wire_end_ms,queued_ms,ok,failure,detail')
    const named = 'I/O 下载 · Promise.all · 205 毫秒,2 个网站 · 延迟 100 毫秒'
    expect(first).toBe(`${named},r1,io,async,0,0,0,101.235,101.235,0.5,101,0.5,true,,200 · 1.0 KB · 101 ms`)
    // Queued 104.25 ms for a connection; a formula-like detail is defused and quoted.
    expect(second).toBe(`${named},r1,io,async,1,1,0,205,205,104.25,204.5,104.25,false,http 503,"'=503, ""down"""`)
    // No resource timing: the wire cells stay empty rather than pretending to be 0.
    expect(third).toBe(`${named},r1,io,async,2,2,0,3,3,,,,false,network,网络错误 · Failed to fetch`)
  })

  it("lists each run's rows by job number, whatever order the jobs finished in", () => {
    const shuffled: Run = { ...run, spans: [run.spans[2]!, run.spans[0]!, run.spans[1]!] }
    const jobs = runsToCsv([shuffled])
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[5])
    expect(jobs).toEqual(['0', '1', '2'])
  })
})

describe('runsToJson', () => {
  it('is version 2 and keeps every span field', () => {
    const exported = JSON.parse(runsToJson([run]))
    expect(exported.format).toBe('concurrency-lab/runs')
    expect(exported.version).toBe(2)
    expect(exported.runs[0].spans).toEqual(run.spans)
  })
})
