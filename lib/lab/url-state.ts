// The lab's whole setup lives in its URL, so a link pasted into lecture slides reopens the same
// experiment. A value that is malformed or out of range falls back to its default, and the lab
// says which: it never fails to open.
import * as z from 'zod/mini'
import { strategyIds, type StrategyId } from '@/lib/engine/run-model'
import { strategiesFor } from '@/lib/engine/strategies'
import { labDemos, type LabDemo } from '@/lib/demos/registry'
import { defaultIoSettings, ioSettingsSchema, type IoSettings } from '@/lib/store/io-settings'
import { defaultWorkSize, validateCpuBase, workSizePresets } from '@/lib/workloads/cpu'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

export { labDemos, type LabDemo } from '@/lib/demos/registry'

export const raceVariants = ['shared-memory', 'async'] as const
export type RaceVariant = (typeof raceVariants)[number]

export const timeScales = [1, 2, 5, 10] as const

export const labStrategies: Record<Exclude<LabDemo, 'race'>, readonly StrategyId[]> = {
  io: strategiesFor('io'),
  cpu: strategiesFor('cpu'),
}

/** The article's Python programs each demo can run in the browser's Python (strategy=py-…). */
export const labPythonStrategies: Record<Exclude<LabDemo, 'race'>, readonly StrategyId[]> = {
  io: strategiesFor('io', 'python'),
  cpu: strategiesFor('cpu', 'python'),
}

export interface LabState {
  demo: LabDemo
  strategy: StrategyId
  io: IoSettings
  cpuBase: number
  /** 0: as many workers as the browser reports cores. */
  cpuWorkers: number
  race: RaceVariant
  /** Slow motion: every wait is this many times longer. */
  timeScale: number
  present: boolean
}

export const defaultLabState: LabState = {
  demo: 'io',
  strategy: 'sequential',
  io: defaultIoSettings,
  cpuBase: workSizePresets.find((preset) => preset.id === defaultWorkSize)!.base,
  cpuWorkers: 0,
  race: 'shared-memory',
  timeScale: 1,
  present: false,
}

/** What went wrong with one URL parameter, for the note the lab shows. */
export interface LabUrlProblem {
  param: string
  value: string
  message: string
}

const integerText = /^-?\d{1,12}$/

// A Map, not an object: a parameter named constructor or __proto__ must find nothing.
const ioParams: ReadonlyMap<string, keyof IoSettings> = new Map([
  ['sites', 'sites'],
  ['latency', 'latencyMs'],
  ['jitter', 'jitterMs'],
  ['pool', 'poolSize'],
  ['workers', 'workers'],
  ['hosts', 'hosts'],
  ['seed', 'seed'],
])

function enumParam<T extends string>(allowed: readonly T[], label: string) {
  return z.enum(allowed as unknown as [T, ...T[]], { error: `${label}只能是 ${allowed.join('、')}` })
}

/**
 * Parses `?demo=io&sites=48…` over a base state (the defaults, or what the visitor had stored);
 * bad or repeated values keep the base's value and are reported.
 */
export function parseLabUrl(search: URLSearchParams, base: LabState = defaultLabState): { state: LabState; problems: LabUrlProblem[] } {
  const state: LabState = { ...base, io: { ...base.io } }
  const problems: LabUrlProblem[] = []
  const seen = new Set<string>()

  const report = (param: string, value: string, message: string) => problems.push({ param, value: value.slice(0, 40), message })

  for (const [param, value] of search.entries()) {
    const readEnum = <T extends string>(allowed: readonly T[], label: string, apply: (value: T) => void) => {
      const parsed = enumParam(allowed, label).safeParse(value)
      if (parsed.success) apply(parsed.data)
      else report(param, value, parsed.error.issues[0]?.message ?? '取值无效')
    }
    if (seen.has(param)) {
      report(param, value, `参数 ${param} 出现了不止一次，只用第一次的值`)
      continue
    }
    seen.add(param)
    const key = ioParams.get(param)
    if (key !== undefined) {
      const raw = key === 'seed' ? value : integerText.test(value) ? Number(value) : Number.NaN
      const parsed = ioSettingsSchema().shape[key].safeParse(raw)
      if (parsed.success) (state.io as Record<string, unknown>)[key] = parsed.data
      else report(param, value, parsed.error.issues[0]?.message ?? '取值无效')
      continue
    }
    switch (param) {
      case 'demo':
        readEnum(labDemos, '演示', (demo) => (state.demo = demo))
        break
      case 'strategy':
        readEnum(strategyIds, '策略', (strategy) => (state.strategy = strategy))
        break
      case 'race':
        readEnum(raceVariants, '竞态演示', (race) => (state.race = race))
        break
      case 'base': {
        // The demo's own check, so a link and the knob refuse the same values in the same words.
        const checked = validateCpuBase(value)
        if (checked.ok) state.cpuBase = checked.base
        else report(param, value, checked.error)
        break
      }
      case 'cpuWorkers': {
        const workers = integerText.test(value) ? Number(value) : Number.NaN
        if (Number.isInteger(workers) && workers >= 0 && workers <= 32) state.cpuWorkers = workers
        else report(param, value, integerRangeMessage('Worker 数量', 0, 32, { note: '（0 表示按核心数）' }))
        break
      }
      case 'scale': {
        const scale = Number(value)
        if ((timeScales as readonly number[]).includes(scale)) state.timeScale = scale
        else report(param, value, `慢动作倍数只能是 ${timeScales.join('、')}`)
        break
      }
      case 'present':
        if (value === '1' || value === '0') state.present = value === '1'
        else report(param, value, '投影模式只能是 1（开）或 0（关）')
        break
      default:
        report(param, value, `不认识的参数 ${param}，已忽略`)
    }
  }
  // A strategy the chosen demo does not have is no error worth a note: take the demo's first.
  if (state.demo !== 'race' && !labStrategies[state.demo].includes(state.strategy) && !labPythonStrategies[state.demo].includes(state.strategy)) {
    state.strategy = labStrategies[state.demo][0]!
  }
  return { state, problems }
}

/**
 * The URL for a state. The chosen demo's knobs are always written out, even at their defaults:
 * a shared link must reproduce the experiment whatever the visitor had set up before.
 */
export function serializeLabUrl(state: LabState): URLSearchParams {
  const params = new URLSearchParams()
  params.set('demo', state.demo)
  if (state.demo !== 'race' && state.strategy !== labStrategies[state.demo][0]) params.set('strategy', state.strategy)
  if (state.demo === 'io') {
    for (const [param, key] of ioParams) {
      const value = state.io[key]
      if (key !== 'seed' || value !== '') params.set(param, String(value))
    }
    if (state.timeScale !== 1) params.set('scale', String(state.timeScale))
  }
  if (state.demo === 'cpu') {
    params.set('base', String(state.cpuBase))
    params.set('cpuWorkers', String(state.cpuWorkers))
  }
  if (state.demo === 'race') params.set('race', state.race)
  if (state.present) params.set('present', '1')
  return params
}

/** The lab link for a chapter's I/O demo, carrying its current settings. */
export function labUrlForIo(settings: IoSettings, strategy?: StrategyId): string {
  return `/lab?${serializeLabUrl({ ...defaultLabState, demo: 'io', io: settings, strategy: strategy ?? 'sequential' }).toString()}`
}
