// The CPU demo's logic, React-free: the article's figures (scaled to the run's size), the exact
// total of a run's sums, the speed-up of the worker pool and the totals rows.
import { strategiesFor, strategyInfo } from '@/lib/engine/strategies'
import type { CpuRun, StrategyId } from '@/lib/engine/types'
import { formatDuration } from '@/lib/format/units'
import { ARTICLE_BASE, ARTICLE_JOB_COUNT } from '@/lib/workloads/cpu'
import type { TotalsRow } from './totals'

export const cpuStrategies = strategiesFor('cpu')

/** The article's Python timings for its 20 sums from 5,000,000, ms. */
export const articleCpuTimings: Partial<Record<StrategyId, number>> = { sequential: 7_800, async: 10_400, workers: 2_500 }

/** The article's program each card stands for; absent: the article has no such version. */
const articleCpuVersions: Partial<Record<StrategyId, string>> = {
  sequential: '同步版本',
  async: '多线程版本',
  workers: '多进程版本',
}

/**
 * How the article's Python figures are put beside a run of 20 numbers from `base`.
 *
 * The article timed 20 sums from 5,000,000; the demo defaults to 60,000,000, and its bars beside
 * the article's unscaled ones made the browser look 5× faster than CPython where it is about 60×.
 * We scale the article's totals to this run's work rather than show time per number: per number
 * would still set a sum of 60,000,000 squares beside one of 5,000,000. The loop does one step per
 * i, so its work is exactly Σn over the 20 numbers, and the scale is Σ(base + i) / Σ(5,000,000 + i).
 * It is an estimate that assumes CPython's cost per step does not change with n; over the preset
 * sizes its integers stay two or three 30-bit digits long, so the cost per step barely moves.
 */
export interface ArticleCpuScale {
  /** This run's work over the article's: 1 at the article's size. */
  factor: number
  sameSize: boolean
  /** The article series' name in the chart's legend. */
  label: string
}

/** Σ(base + i) for i < count: the loop's steps for a run. */
function stepsOf(base: number, count: number): number {
  return count * base + (count * (count - 1)) / 2
}

export function articleCpuScale(base: number, count: number = ARTICLE_JOB_COUNT): ArticleCpuScale {
  const factor = stepsOf(base, count) / stepsOf(ARTICLE_BASE, ARTICLE_JOB_COUNT)
  const sameSize = base === ARTICLE_BASE && count === ARTICLE_JOB_COUNT
  return { factor, sameSize, label: sameSize ? '原文 Python（同一规模）' : '原文 Python（按本次规模折算）' }
}

/** The article's figure for a strategy at this run's size, ms; absent when the article has none. */
export function scaledArticleCpuTiming(strategy: StrategyId, base: number): number | undefined {
  const timing = articleCpuTimings[strategy]
  return timing === undefined ? undefined : timing * articleCpuScale(base).factor
}

/** Seconds with one decimal, as the article quotes them; below a second, in milliseconds. */
function articleDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} 秒` : formatDuration(ms)
}

/** What a card names as its counterpart in the article, at this run's size. */
export function articleCpuCounterpart(strategy: StrategyId, base: number): string {
  const version = articleCpuVersions[strategy]
  const timing = scaledArticleCpuTiming(strategy, base)
  if (version === undefined || timing === undefined) return '原文没有这一版'
  return articleCpuScale(base).sameSize ? `${version} ${articleDuration(timing)}` : `${version}，折算约 ${articleDuration(timing)}`
}

/** The totals chart's caption: which size the article's bars are at. */
export function cpuTotalsCaption(base: number): string {
  const scale = articleCpuScale(base)
  const from = (n: number) => n.toLocaleString('en-US')
  if (scale.sameSize) return `总用时：本次测量与原文 Python 的测量，同一规模（n 从 ${from(ARTICLE_BASE)} 起）`
  return `总用时：本次测量与原文 Python。原文在 n 从 ${from(ARTICLE_BASE)} 起测得，这里按本次的工作量（n 从 ${from(base)} 起，是原文的 ${scale.factor.toFixed(1)} 倍）折算`
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

/** One row per strategy: its finished run at this size (runs at another size are left out) and the article's figure scaled to it. */
export function cpuTotalsRows(runs: Partial<Record<StrategyId, CpuRun>>, base: number, native: Partial<Record<StrategyId, CpuRun>> = {}): TotalsRow[] {
  return cpuStrategies.map((strategy) => {
    const run = runs[strategy]
    return {
      name: strategyInfo[strategy].label,
      measured: run?.status === 'done' && run.params.base === base ? run.totalMs : undefined,
      native: native[strategy]?.totalMs,
      article: scaledArticleCpuTiming(strategy, base),
    }
  })
}

/** The rows a run in progress gets from its start: one per worker, or the main thread. */
export function plannedCpuLanes(strategy: StrategyId | null, workerCount: number, jobs: number): number {
  return strategy === 'workers' ? Math.min(workerCount, jobs) : 1
}
