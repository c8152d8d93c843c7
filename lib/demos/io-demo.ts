// The I/O demo's logic, React-free: which stored run answers which card, the model's
// predictions for the current knobs, the totals rows, and what a run sends and records.
import { predictIoTotalFor } from '@/lib/engine/model'
import { strategiesFor, strategyInfo } from '@/lib/engine/strategies'
import type { IoRun, IoRunParams, Run, StrategyId } from '@/lib/engine/types'
import type { IoSettings } from '@/lib/store/io-settings'
import type { IoParams } from '@/lib/workloads/io'
import type { TotalsRow } from './totals'

export const ioStrategies = strategiesFor('io')

/** The article's Python timings for 160 downloads, ms. */
export const articleIoTimings: Partial<Record<StrategyId, number>> = { sequential: 14_300, pool: 3_700, async: 2_600, workers: 5_700 }

/** Each download's body: about the size of the article's smaller site. */
const bodyBytes = 2048

/** The server waits at most 10 s; slow motion stretches every wait up to that. */
export function scaledLatency(settings: IoSettings, timeScale: number): number {
  return Math.min(settings.latencyMs * timeScale, 10_000)
}

/** Whether a stored run was made with the knobs the demo shows now. */
export function sameIoExperiment(run: Run, settings: IoSettings, timeScale: number): run is IoRun {
  if (run.workload !== 'io' || run.status !== 'done') return false
  const { params } = run
  return (
    params.sites === settings.sites &&
    params.latencyMs === settings.latencyMs &&
    params.jitterMs === settings.jitterMs &&
    params.hosts === settings.hosts &&
    params.timeScale === timeScale &&
    (run.strategy !== 'pool' || params.poolSize === settings.poolSize) &&
    (run.strategy !== 'workers' || params.workers === settings.workers)
  )
}

/** The newest matching run of each strategy (runs are newest first). */
export function latestIoRuns(runs: readonly Run[], settings: IoSettings, timeScale: number): Partial<Record<StrategyId, IoRun>> {
  const latest: Partial<Record<StrategyId, IoRun>> = {}
  for (const run of runs) if (!latest[run.strategy] && sameIoExperiment(run, settings, timeScale)) latest[run.strategy] = run
  return latest
}

export interface IoEnvironment {
  protocol: string | null
  hostCount: number
  workerCount: number
}

/** The model's total for one strategy under the current knobs, ms. */
export function predictIo(strategy: StrategyId, settings: IoSettings, timeScale: number, environment: IoEnvironment): number {
  return predictIoTotalFor(strategy, {
    jobs: settings.sites,
    latencyMs: scaledLatency(settings, timeScale),
    poolSize: settings.poolSize,
    workerCount: environment.workerCount,
    protocol: environment.protocol,
    hostCount: environment.hostCount,
  })
}

export function ioTotalsRows(
  settings: IoSettings,
  latest: Partial<Record<StrategyId, IoRun>>,
  model: (strategy: StrategyId) => number,
  native: Partial<Record<StrategyId, IoRun>> = {},
): TotalsRow[] {
  return ioStrategies.map((strategy) => ({
    name: strategyInfo[strategy].label,
    measured: latest[strategy]?.totalMs,
    native: native[strategy]?.totalMs,
    model: model(strategy),
    article: settings.sites === 160 ? articleIoTimings[strategy] : undefined,
  }))
}

/** A seed for a run the reader gave none: jitter stays random from run to run. */
function freshRunSeed(): string {
  return `run${Date.now().toString(36)}`
}

/** What a run sends to the latency route, and what it records about itself. */
export function ioRunRequest(
  settings: IoSettings,
  timeScale: number,
  origins: readonly string[],
  workerCount: number,
): { request: IoParams; recorded: IoRunParams } {
  const request: IoParams = {
    sites: settings.sites,
    ms: scaledLatency(settings, timeScale),
    jitter: settings.jitterMs,
    size: bodyBytes,
    origins,
    // Always seeded: each job's URL is then unique, which lets resource timing tell when its
    // request really left (after waiting for a connection). No seed given: a fresh one per run.
    seed: settings.seed || freshRunSeed(),
  }
  return { request, recorded: { ...settings, workerCount, origins: [...origins], timeScale } }
}

/** What one row of the I/O timeline is, for its caption. */
export function ioLaneNoun(strategy: StrategyId): string {
  return strategy === 'workers' ? ' Worker' : strategy === 'pool' ? '池槽位' : '并发中的请求槽'
}

/**
 * The timeline rows a run gets from its start, so the chart (and all below it) does not shrink
 * to one row and grow back as the first downloads begin.
 */
export function plannedIoLanes(strategy: StrategyId, settings: IoSettings, workerCount: number): number {
  switch (strategy) {
    case 'pool':
      return Math.min(settings.poolSize, settings.sites)
    case 'workers':
      return Math.min(workerCount, settings.sites)
    case 'async':
      return settings.sites
    default:
      return 1
  }
}

/** The knobs in one line, for the projector's folded panel. */
export function describeIoSettings(settings: IoSettings): string {
  const parts = [`${settings.sites} 个网站`, `延迟 ${settings.latencyMs} 毫秒`, `抖动 ${settings.jitterMs} 毫秒`, `池大小 ${settings.poolSize}`]
  parts.push(settings.workers === 0 ? 'Worker 按核心数' : `${settings.workers} 个 Worker`)
  if (settings.hosts > 1) parts.push(`${settings.hosts} 个主机名`)
  if (settings.seed) parts.push(`种子 ${settings.seed}`)
  return parts.join(' · ')
}
