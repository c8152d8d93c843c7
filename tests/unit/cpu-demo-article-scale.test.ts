import { describe, expect, it } from 'vitest'
import { articleCpuCounterpart, articleCpuScale, articleCpuTimings, cpuTotalsCaption, cpuTotalsRows, scaledArticleCpuTiming } from '@/lib/demos/cpu-demo'
import type { CpuRun } from '@/lib/engine/types'
import { ARTICLE_BASE, cpuJobs } from '@/lib/workloads/cpu'

/** The loop's steps for 20 numbers from base, counted the slow way. */
function steps(base: number): number {
  return cpuJobs(base, 20).reduce((sum, job) => sum + job.n, 0)
}

function run(base: number, totalMs: number): CpuRun {
  return { strategy: 'sequential', status: 'done', totalMs, params: { base, jobs: 20, workerCount: 2 } } as unknown as CpuRun
}

describe('the article’s CPU figures beside a run of another size', () => {
  it('at the article’s size: no scaling, labelled as the same size', () => {
    expect(articleCpuScale(ARTICLE_BASE)).toEqual({ factor: 1, sameSize: true, label: '原文 Python（同一规模）' })
    expect(scaledArticleCpuTiming('sequential', ARTICLE_BASE)).toBe(7_800)
    expect(articleCpuCounterpart('sequential', ARTICLE_BASE)).toBe('同步版本 7.8 秒')
    expect(cpuTotalsCaption(ARTICLE_BASE)).toContain('同一规模')
  })

  it('at 60,000,000: scaled by the ratio of the loop’s steps, Σ(base + i) / Σ(5,000,000 + i)', () => {
    const scale = articleCpuScale(60_000_000)
    expect(scale.factor).toBeCloseTo(steps(60_000_000) / steps(5_000_000), 12)
    expect(scale.factor).toBeCloseTo(1_200_000_190 / 100_000_190, 12)
    expect(scale.sameSize).toBe(false)
    expect(scale.label).toBe('原文 Python（按本次规模折算）')
    // 7.8 s × 11.99998 ≈ 93.6 s: the article's loop at this run's work.
    expect(scaledArticleCpuTiming('sequential', 60_000_000)).toBeCloseTo((7_800 * 1_200_000_190) / 100_000_190, 6)
    expect(scaledArticleCpuTiming('sequential', 60_000_000)).toBeCloseTo(93_600, -1)
    expect(articleCpuCounterpart('workers', 60_000_000)).toBe('多进程版本，折算约 30.0 秒')
    expect(cpuTotalsCaption(60_000_000)).toMatch(/n 从 60,000,000 起，是原文的 12\.0 倍/)
  })

  it('below the article’s size the bars shrink, and strategies the article lacks stay without one', () => {
    expect(scaledArticleCpuTiming('sequential', 1_000_000)!).toBeLessThan(articleCpuTimings.sequential!)
    expect(scaledArticleCpuTiming('async-yield', 60_000_000)).toBeUndefined()
    expect(articleCpuCounterpart('async-yield', 60_000_000)).toBe('原文没有这一版')
  })

  it('totals rows: measured bars only from runs at the size shown, article bars scaled to it', () => {
    const rows = cpuTotalsRows({ sequential: run(60_000_000, 1_400) }, 60_000_000)
    const sequential = rows.find((row) => row.name === '顺序')!
    expect(sequential.measured).toBe(1_400)
    expect(sequential.article).toBeCloseTo(93_600, -1)
    // A run at another size is not set beside bars scaled to this one.
    const atArticleSize = cpuTotalsRows({ sequential: run(60_000_000, 1_400) }, ARTICLE_BASE)
    expect(atArticleSize.find((row) => row.name === '顺序')).toMatchObject({ measured: undefined, article: 7_800 })
  })
})
