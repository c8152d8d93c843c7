// The CPU demo's logic, React-free: the article's figures, the exact total of a run's sums, the
// speed-up of the worker pool and the totals rows.
import { strategiesFor, strategyInfo } from '@/lib/engine/strategies'
import type { CpuRun, StrategyId } from '@/lib/engine/types'
import type { TotalsRow } from './totals'

export const cpuStrategies = strategiesFor('cpu')

/** The article's Python timings for its 20 sums from 5,000,000, ms. */
export const articleCpuTimings: Partial<Record<StrategyId, number>> = { sequential: 7_800, async: 10_400, workers: 2_500 }

/** What each card names as its counterpart in the article. */
export const articleCpuCounterparts: Partial<Record<StrategyId, string>> = {
  sequential: '同步版本 7.8 秒',
  pool: '原文没有这一版',
  async: '多线程版本 10.4 秒',
  'async-yield': '原文没有这一版',
  workers: 'multiprocessing 2.5 秒',
}

/** The sum of all the run's sums, exact (each is past 2^53). */
export function totalOfValues(run: CpuRun): string {
  let total = 0n
  for (const span of run.spans) if (span.value !== undefined) total += BigInt(span.value)
  return total.toString()
}

/** How many times faster the worker pool was than the sequential loop; null until both finished. */
export function workerSpeedUp(sequential: CpuRun | undefined, workers: CpuRun | undefined): number | null {
  if (!sequential || !workers || sequential.status !== 'done' || workers.status !== 'done') return null
  return sequential.totalMs / workers.totalMs
}

export function cpuTotalsRows(runs: Partial<Record<StrategyId, CpuRun>>, native: Partial<Record<StrategyId, CpuRun>> = {}): TotalsRow[] {
  return cpuStrategies.map((strategy) => ({
    name: strategyInfo[strategy].label,
    measured: runs[strategy]?.status === 'done' ? runs[strategy]?.totalMs : undefined,
    native: native[strategy]?.totalMs,
    article: articleCpuTimings[strategy],
  }))
}

/** The rows a run in progress gets from its start: one per worker, or the main thread. */
export function plannedCpuLanes(strategy: StrategyId | null, workerCount: number, jobs: number): number {
  return strategy === 'workers' ? Math.min(workerCount, jobs) : 1
}
