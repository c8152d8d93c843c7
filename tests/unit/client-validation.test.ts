// The validation the lab and the demos run in the browser (zod/mini): ranges, types and the
// Chinese messages a reader sees, for knobs, lab links and stored history.
import { describe, expect, it } from 'vitest'
import { defaultLabState, parseLabUrl } from '@/lib/lab/url-state'
import { defaultIoSettings, ioSettingsSchema, validateIoSetting } from '@/lib/store/io-settings'
import { migrateHistoryFromVersion1, parsePersistedHistory } from '@/lib/store/run-history'

describe('validateIoSetting', () => {
  it('accepts integers inside each range, bounds included', () => {
    expect(validateIoSetting('sites', 1)).toBeNull()
    expect(validateIoSetting('sites', 500)).toBeNull()
    expect(validateIoSetting('latencyMs', 0)).toBeNull()
    expect(validateIoSetting('seed', '')).toBeNull()
    expect(validateIoSetting('seed', 'run-1.a:b_c')).toBeNull()
  })

  it('names the field and its range for anything else', () => {
    for (const bad of [0, 501, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '160', null, undefined]) {
      expect(validateIoSetting('sites', bad), String(bad)).toBe('网站数量必须是 1 到 500 之间的整数')
    }
    expect(validateIoSetting('poolSize', 65)).toBe('池大小必须是 1 到 64 之间的整数')
    expect(validateIoSetting('seed', 'a b')).toBe('种子只能包含字母、数字和 _ . : -，最多 32 个字符')
    expect(validateIoSetting('seed', 'x'.repeat(33))).toBe('种子只能包含字母、数字和 _ . : -，最多 32 个字符')
    expect(validateIoSetting('seed', 42)).toBe('种子只能包含字母、数字和 _ . : -，最多 32 个字符')
  })

  it('the defaults pass the schema', () => {
    expect(ioSettingsSchema().safeParse(defaultIoSettings).success).toBe(true)
  })
})

describe('parseLabUrl', () => {
  it('reads a full link', () => {
    const { state, problems } = parseLabUrl(new URLSearchParams('demo=io&strategy=pool&sites=48&latency=200&pool=8&seed=class-3&scale=5&present=1'))
    expect(problems).toEqual([])
    expect(state).toMatchObject({ demo: 'io', strategy: 'pool', timeScale: 5, present: true })
    expect(state.io).toMatchObject({ sites: 48, latencyMs: 200, poolSize: 8, seed: 'class-3' })
  })

  it('keeps the default for each bad value and says why, in Chinese', () => {
    const { state, problems } = parseLabUrl(new URLSearchParams('demo=gpu&sites=1e3&latency=-5&strategy=threads&seed=%3Cscript%3E&sites=9&what=1'))
    expect(state.demo).toBe(defaultLabState.demo)
    expect(state.io.sites).toBe(defaultLabState.io.sites)
    expect(state.io.latencyMs).toBe(defaultLabState.io.latencyMs)
    expect(state.io.seed).toBe(defaultLabState.io.seed)
    expect(problems.map((problem) => [problem.param, problem.message])).toEqual([
      ['demo', '演示只能是 io、cpu、race'],
      ['sites', '网站数量必须是 1 到 500 之间的整数'],
      ['latency', '延迟（毫秒）必须是 0 到 5000 之间的整数'],
      ['strategy', '策略只能是 sequential、pool、async、async-yield、workers、py-sequential、py-threads、py-asyncio、py-processes、py-cpu、py-cpu-processes'],
      ['seed', '种子只能包含字母、数字和 _ . : -，最多 32 个字符'],
      ['sites', '参数 sites 出现了不止一次，只用第一次的值'],
      ['what', '不认识的参数 what，已忽略'],
    ])
  })

  it('treats names inherited by every object (constructor, __proto__, toString…) as unknown parameters', () => {
    const names = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', '__defineGetter__']
    const { state, problems } = parseLabUrl(new URLSearchParams(names.map((name) => `${name}=1`).join('&')))
    expect(state).toEqual(defaultLabState)
    expect(problems.map((problem) => problem.message)).toEqual(names.map((name) => `不认识的参数 ${name}，已忽略`))
  })

  it("checks a CPU size as the demo's knob does, in the same words", () => {
    expect(parseLabUrl(new URLSearchParams('demo=cpu&base=20000000&cpuWorkers=3')).state).toMatchObject({ demo: 'cpu', cpuBase: 20_000_000, cpuWorkers: 3 })
    for (const bad of ['999', '60000001', '1e7', '-5', 'many']) {
      const { state, problems } = parseLabUrl(new URLSearchParams(`demo=cpu&base=${bad}`))
      expect(state.cpuBase, bad).toBe(defaultLabState.cpuBase)
      expect(problems, bad).toEqual([{ param: 'base', value: bad, message: '工作量基数必须是 1,000 到 60,000,000 之间的整数（原文用 5,000,000）' }])
    }
  })
})

describe('stored history', () => {
  const run = {
    id: 'r1',
    workload: 'io',
    strategy: 'pool',
    params: { sites: 4, latencyMs: 100, jitterMs: 0, poolSize: 5, workers: 0, hosts: 1, seed: '', workerCount: 2, timeScale: 1, origins: [] },
    spans: [
      { job: 0, lane: 0, start: 0, end: 100, ok: true, detail: '200', wireStart: 40, wireEnd: 98 },
      {
        job: 1,
        lane: 1,
        start: 0,
        end: 60,
        ok: false,
        detail: '503',
        wireStart: 2,
        wireEnd: 59,
        failure: { kind: 'http', status: 503, message: '模拟的服务器故障' },
      },
    ],
    totalMs: 100,
    status: 'done',
    maxInFlight: 1,
    environment: { protocol: 'http/1.1', cores: null, crossOriginIsolated: false, browser: 'Chromium' },
    startedAt: '2026-11-24T10:00:00.000Z',
  }

  it("accepts what the store wrote, keeping each span's time on the wire and its failure", () => {
    // A run stored before runtimes existed ran in the browser's JavaScript.
    expect(parsePersistedHistory({ runs: [run], ioSettings: defaultIoSettings })).toEqual({
      runs: [{ ...run, runtime: 'browser-js' }],
      ioSettings: defaultIoSettings,
    })
    // Through JSON, as localStorage holds it.
    expect(parsePersistedHistory(JSON.parse(JSON.stringify({ runs: [run], ioSettings: defaultIoSettings })))?.runs[0]?.spans).toEqual(run.spans)
  })

  it('refuses a corrupt or oversized value instead of loading it', () => {
    expect(parsePersistedHistory(null)).toBeNull()
    expect(parsePersistedHistory({ runs: 'x', ioSettings: defaultIoSettings })).toBeNull()
    expect(parsePersistedHistory({ runs: [{ ...run, status: 'exploded' }], ioSettings: defaultIoSettings })).toBeNull()
    expect(parsePersistedHistory({ runs: [{ ...run, environment: { ...run.environment, cores: '2' } }], ioSettings: defaultIoSettings })).toBeNull()
    expect(parsePersistedHistory({ runs: [run], ioSettings: { ...defaultIoSettings, sites: 10_000 } })).toBeNull()
    expect(parsePersistedHistory({ runs: Array.from({ length: 25 }, () => run), ioSettings: defaultIoSettings })).toBeNull()
  })

  it('migrates a version-1 history: its runs are kept, a broken one is dropped alone', () => {
    const version1Run = { ...run, spans: [{ job: 0, lane: 0, start: 0, end: 100, ok: true, detail: '200' }], params: { sites: 4, latencyMs: 100, poolSize: 5 } }
    const migrated = migrateHistoryFromVersion1({
      runs: [version1Run, { ...run, status: 'exploded' }, { ...version1Run, id: 'r2' }],
      ioSettings: defaultIoSettings,
    })
    expect(migrated.runs.map((kept) => kept.id)).toEqual(['r1', 'r2'])
    expect(migrated.runs[0]?.params).toMatchObject({ sites: 4, latencyMs: 100, poolSize: 5, timeScale: 1, hosts: 1, origins: [] })
    expect(migrated.ioSettings).toEqual(defaultIoSettings)
    expect(migrateHistoryFromVersion1('garbage')).toEqual({ runs: [], ioSettings: defaultIoSettings })
  })
})
