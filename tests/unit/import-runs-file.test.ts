import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Run } from '@/lib/engine/types'
import { runsToJson } from '@/lib/export/spans'
import { parseRunsFile, runsFileLimits } from '@/lib/import/runs-file'
import { historyLimit, runHistoryStore, withFreshIds } from '@/lib/store/run-history'

const browserRun: Run = {
  id: 'b1',
  workload: 'io',
  strategy: 'pool',
  runtime: 'browser-js',
  params: { sites: 2, latencyMs: 100, jitterMs: 0, poolSize: 5, workers: 0, hosts: 1, seed: '', workerCount: 2, timeScale: 1, origins: [] },
  spans: [
    { job: 0, lane: 0, start: 0, end: 101, ok: true, detail: '200 · 1.0 KB · 101 ms', wireStart: 0.5, wireEnd: 101 },
    { job: 1, lane: 1, start: 0, end: 3, ok: false, detail: '网络错误 · Failed to fetch', failure: { kind: 'network' } },
  ],
  totalMs: 101,
  status: 'done',
  maxInFlight: 2,
  environment: { protocol: 'http/1.1', cores: 2, crossOriginIsolated: false, browser: 'Chromium' },
  startedAt: '2026-12-01T10:00:00.000Z',
}

const fileOf = (runs: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'concurrency-lab/runs', version: 2, runs, ...extra })

function errorOf(text: string, byteLength?: number): string {
  const result = parseRunsFile(text, byteLength)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.error
}

describe('parseRunsFile: files it accepts', () => {
  it('reads a file written by the native threading program (the e2e sample)', () => {
    const result = parseRunsFile(readFileSync('tests/e2e/fixtures/native-io-threads.json', 'utf8'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [run] = result.runs
    expect(run).toMatchObject({ workload: 'io', strategy: 'py-threads', runtime: 'native-python', status: 'done' })
    expect(run?.runtimeVersion).toMatch(/^CPython 3\.\d+/)
    expect(run?.spans).toHaveLength(12)
    expect(new Set(run?.spans.map((span) => span.lane)).size).toBeLessThanOrEqual(5)
  })

  it('reads the lab’s own export back unchanged', () => {
    const result = parseRunsFile(runsToJson([browserRun]))
    expect(result).toEqual({ ok: true, runs: [browserRun] })
  })

  it('reads a version-1 export: fields added since get the value they then had', () => {
    const old: Record<string, unknown> = { ...browserRun }
    delete old.runtime
    const version1 = { ...old, params: { sites: 2, latencyMs: 100, poolSize: 5 }, spans: [{ job: 0, lane: 0, start: 0, end: 100, ok: true, detail: '200' }] }
    const result = parseRunsFile(JSON.stringify({ format: 'concurrency-lab/runs', version: 1, runs: [version1] }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.runs[0]).toMatchObject({ runtime: 'browser-js', params: { jitterMs: 0, hosts: 1, timeScale: 1, origins: [] } })
  })

  it('keeps hostile text as plain text, cut to length, and drops unknown keys', () => {
    const detail = `<img src=x onerror="alert(1)">${'x'.repeat(5000)}`
    const hostile = JSON.parse(fileOf([{ ...browserRun, extra: '<script>', spans: [{ ...browserRun.spans[0], detail }] }])) as { runs: unknown[] }
    const result = parseRunsFile(JSON.stringify(hostile).replace('"extra"', '"__proto__":{"polluted":true},"extra"'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [run] = result.runs
    expect(run?.spans[0]?.detail.startsWith('<img src=x onerror="alert(1)">')).toBe(true)
    expect(run?.spans[0]?.detail.length).toBeLessThanOrEqual(201)
    expect(run).not.toHaveProperty('extra')
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })
})

describe('parseRunsFile: files it refuses, each with its reason in Chinese', () => {
  it('a file over the size cap, before parsing it', () => {
    expect(errorOf('{}', runsFileLimits.maxBytes + 1)).toMatch(/文件太大（2\.0 MB）：最多 2\.0 MB/)
  })

  it('text that is not JSON, or not an object', () => {
    expect(errorOf('{"format": "concurrency-lab/runs",')).toMatch(/这不是 JSON 文件/)
    expect(errorOf('[1, 2]')).toMatch(/不是一个 JSON 对象/)
    expect(errorOf('null')).toMatch(/不是一个 JSON 对象/)
  })

  it('another format, or a version this lab does not know', () => {
    expect(errorOf(JSON.stringify({ format: 'something-else', version: 2, runs: [] }))).toMatch(/format 应为 “concurrency-lab\/runs”/)
    expect(errorOf(fileOf([browserRun], { version: 3 }))).toBe('这个文件来自更新版本的实验室（版本 3），本站只认得版本 2 及以下')
    for (const version of [0, 1.5, '2', null]) expect(errorOf(fileOf([browserRun], { version }))).toBe('version 必须是正整数')
  })

  it('no runs, too many runs, too many spans', () => {
    expect(errorOf(fileOf([], { runs: 'all' }))).toBe('runs 必须是数组')
    expect(errorOf(fileOf([]))).toBe('文件里没有运行记录')
    expect(errorOf(fileOf(Array.from({ length: runsFileLimits.maxRuns + 1 }, () => browserRun)))).toMatch(/最多 24 条运行记录，这个文件有 25 条/)
    const spans = Array.from({ length: runsFileLimits.maxSpansPerRun + 1 }, (_, job) => ({ ...browserRun.spans[0], job: job % 10 }))
    expect(errorOf(fileOf([browserRun, { ...browserRun, spans }]))).toMatch(/^第 2 条运行记录（id b1）：有 5001 个 span，最多 5000 个/)
  })

  it('a run the schema refuses names the run and the field', () => {
    const noTotal: Record<string, unknown> = { ...browserRun }
    delete noTotal.totalMs
    expect(errorOf(fileOf([noTotal]))).toBe('第 1 条运行记录（id b1）：字段 totalMs 缺失或类型不对：应为有限的数')
    expect(errorOf(fileOf([{ ...browserRun, strategy: 'rm -rf' }]))).toMatch(/字段 strategy 的取值不允许：只能是 "sequential"/)
    expect(errorOf(fileOf([{ ...browserRun, workload: 'gpu' }]))).toMatch(/字段 workload 的取值不允许：只能是 "io"、"cpu"/)
    expect(errorOf(fileOf([{ ...browserRun, spans: [{ ...browserRun.spans[0], ok: 'yes' }] }]))).toMatch(
      /字段 spans\[0\]\.ok 缺失或类型不对：应为 true 或 false/,
    )
    expect(errorOf(fileOf([{ ...browserRun, id: 7 }]))).toMatch(/^第 1 条运行记录：字段 id/)
    // JSON's 1e999 parses as Infinity, which no chart can place.
    expect(errorOf(fileOf([browserRun]).replace('"totalMs":101', '"totalMs":1e999'))).toMatch(/totalMs/)
  })

  it('values the charts could not draw, or a strategy of the other workload', () => {
    const span = browserRun.spans[0]!
    expect(errorOf(fileOf([{ ...browserRun, spans: [{ ...span, lane: 1e9 }] }]))).toMatch(/spans\[0\]\.lane 必须是 0 到 4999 之间的整数/)
    expect(errorOf(fileOf([{ ...browserRun, spans: [{ ...span, lane: 1.5 }] }]))).toMatch(/lane 必须是/)
    expect(errorOf(fileOf([{ ...browserRun, spans: [{ ...span, start: 50, end: 10 }] }]))).toMatch(/spans\[0\] 的 end 早于 start/)
    expect(errorOf(fileOf([{ ...browserRun, spans: [{ ...span, start: -5 }] }]))).toMatch(/spans\[0\]\.start 必须在 0 到/)
    expect(errorOf(fileOf([{ ...browserRun, totalMs: 1e12 }]))).toMatch(/totalMs 必须在 0 到 86400000 之间/)
    expect(errorOf(fileOf([{ ...browserRun, startedAt: 'yesterday' }]))).toMatch(/startedAt 不是有效的日期时间/)
    expect(errorOf(fileOf([{ ...browserRun, strategy: 'py-cpu' }]))).toBe('第 1 条运行记录（id b1）：strategy py-cpu 不能用于 workload io')
  })
})

describe('importing into the history', () => {
  it('gives a run whose id is taken a new one, and keeps the others', () => {
    let next = 0
    const runs = withFreshIds([browserRun, { ...browserRun, id: 'b2' }, { ...browserRun, id: 'b2' }], ['b1'], () => `new${next++}`)
    expect(runs.map((run) => run.id)).toEqual(['new0', 'b2', 'new1'])
  })

  it('puts imported runs on top, within the history limit, and reports what the limit pushed out', () => {
    const store = runHistoryStore.getState()
    store.clearRuns()
    for (let index = 0; index < historyLimit - 1; index++) store.addRun({ ...browserRun, id: `old${index}` })
    const outcome = runHistoryStore.getState().importRuns([browserRun, { ...browserRun, id: 'old0' }])
    const { runs } = runHistoryStore.getState()
    expect(outcome).toEqual({ added: 2, dropped: 1 })
    expect(runs).toHaveLength(historyLimit)
    expect(runs[0]?.id).toBe('b1')
    expect(runs[1]?.id).not.toBe('old0')
    expect(new Set(runs.map((run) => run.id)).size).toBe(historyLimit)
    store.clearRuns()
  })
})
