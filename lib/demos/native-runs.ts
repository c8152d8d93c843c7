// Runs of the article's programs on the reader's own python3 (imported into the lab), matched to
// the browser strategy each one stands beside in the totals chart.
import { strategyInfo } from '@/lib/engine/strategies'
import type { CpuRun, IoRun, Run, StrategyId } from '@/lib/engine/types'
import { ioSettingsSchema, type IoSettings } from '@/lib/store/io-settings'
import { sameIoExperiment } from './io-demo'

/** The newest finished native run for each browser strategy, among those `matches` accepts (runs are newest first). */
export function nativeBesideBrowser<R extends Run>(runs: readonly Run[], matches: (run: Run) => run is R): Partial<Record<StrategyId, R>> {
  const beside: Partial<Record<StrategyId, R>> = {}
  for (const run of runs) {
    if (run.runtime !== 'native-python' || !matches(run)) continue
    const counterpart = strategyInfo[run.strategy].javascriptCounterpart
    if (counterpart && !beside[counterpart]) beside[counterpart] = run
  }
  return beside
}

/** A native I/O run made with the knobs the demo shows (its thread pool as large as the demo's). */
export function sameNativeIoExperiment(run: Run, settings: IoSettings, timeScale: number): run is IoRun {
  if (!sameIoExperiment(run, settings, timeScale)) return false
  return run.strategy !== 'py-threads' || run.params.poolSize === settings.poolSize
}

/** A native CPU run over the same numbers as the demo's. */
export function sameNativeCpuExperiment(run: Run, base: number, jobs: number): run is CpuRun {
  return run.workload === 'cpu' && run.status === 'done' && run.params.base === base && run.params.jobs === jobs
}

/**
 * The I/O knobs that repeat a native run's experiment in the browser (its sites, latency, jitter
 * and pool size), or null when the run's values lie outside what the demo's knobs allow.
 */
export function ioSettingsLike(run: IoRun, current: IoSettings): IoSettings | null {
  const { params } = run
  const wanted = { ...current, sites: params.sites, latencyMs: params.latencyMs, jitterMs: params.jitterMs, hosts: 1 }
  if (run.strategy === 'py-threads') wanted.poolSize = params.poolSize
  const checked = ioSettingsSchema().safeParse(wanted)
  return checked.success ? checked.data : null
}
