import { describe, expect, it } from 'vitest'
import {
  ARTICLE_BASE,
  MAX_N,
  closedFormSumOfSquares,
  cpuBaseLimits,
  cpuJobMessage,
  cpuJobRunner,
  cpuJobs,
  isCpuWorkerRequest,
  runCpuJob,
  sumOfSquares,
  validateCpuBase,
  workSizePresets,
} from '@/lib/workloads/cpu'

describe('sumOfSquares', () => {
  it('matches the closed form on small n, including the edges', () => {
    for (const n of [0, 1, 2, 3, 10, 1000, 12345]) {
      expect(sumOfSquares(n)).toBe(closedFormSumOfSquares(BigInt(n)).toString())
    }
  })

  it('is exact past 2^53 (the carry path)', () => {
    const n = ARTICLE_BASE + 19
    const exact = closedFormSumOfSquares(BigInt(n))
    expect(exact > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    expect(sumOfSquares(n)).toBe(exact.toString())
  })

  it('is exact at MAX_N, where the low part comes closest to 2^53', () => {
    expect(sumOfSquares(MAX_N)).toBe(closedFormSumOfSquares(BigInt(MAX_N)).toString())
  })

  it('is exact for every job of the article', () => {
    for (const { n } of cpuJobs(ARTICLE_BASE)) {
      expect(sumOfSquares(n)).toBe(closedFormSumOfSquares(BigInt(n)).toString())
    }
  })

  it('rejects n outside 0…MAX_N and non-integers', () => {
    for (const n of [-1, 1.5, MAX_N + 1, Number.NaN, Infinity]) {
      expect(() => sumOfSquares(n)).toThrow(RangeError)
    }
  })

  it('closed form: known values', () => {
    expect(closedFormSumOfSquares(4n)).toBe(14n) // 0 + 1 + 4 + 9
    expect(closedFormSumOfSquares(0n)).toBe(0n)
  })
})

describe('cpuJobs', () => {
  it('builds the article list: 20 consecutive numbers from the base', () => {
    const jobs = cpuJobs(ARTICLE_BASE)
    expect(jobs).toHaveLength(20)
    expect(jobs[0]).toEqual({ job: 0, n: 5_000_000 })
    expect(jobs[19]).toEqual({ job: 19, n: 5_000_019 })
  })

  it('takes a count and rejects bad ones', () => {
    expect(cpuJobs(1000, 3).map((j) => j.n)).toEqual([1000, 1001, 1002])
    expect(() => cpuJobs(1000, 0)).toThrow(/任务个数/)
    expect(() => cpuJobs(1, 20)).toThrow(/工作量基数/)
  })

  it('every preset is valid and the largest base stays within MAX_N', () => {
    for (const preset of workSizePresets) expect(validateCpuBase(preset.base)).toEqual({ ok: true, base: preset.base })
    expect(workSizePresets.find((p) => p.id === 'article')?.base).toBe(5_000_000)
    expect(cpuBaseLimits.max + 100).toBeLessThanOrEqual(MAX_N)
  })
})

describe('validateCpuBase', () => {
  it('accepts numbers and digit strings with separators', () => {
    expect(validateCpuBase(5_000_000)).toEqual({ ok: true, base: 5_000_000 })
    expect(validateCpuBase(' 5,000,000 ')).toEqual({ ok: true, base: 5_000_000 })
    expect(validateCpuBase('5_000_000')).toEqual({ ok: true, base: 5_000_000 })
  })

  it('rejects out-of-range and malformed input with a Chinese message naming the range', () => {
    for (const input of [999, 60_000_001, 1.5, '', 'abc', '1e6', '0x10', '-5000', Number.NaN]) {
      const result = validateCpuBase(input)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error).toBe('工作量基数必须是 1,000 到 60,000,000 之间的整数（原文用 5,000,000）')
    }
  })
})

describe('runCpuJob (the worker protocol)', () => {
  it('answers a job with the exact sum', () => {
    const reply = runCpuJob(3, 4)
    expect(reply).toEqual({ type: 'done', job: 3, ok: true, detail: 'Σ = 14', value: '14' })
  })

  it('answers a bad n with ok: false instead of throwing', () => {
    const reply = runCpuJob(1, -5)
    expect(reply.ok).toBe(false)
    expect(reply.detail).toMatch(/n 必须是 0 到 64,000,000 之间的整数/)
    expect(runCpuJob(2, 'x' as unknown as number).ok).toBe(false)
  })

  it('builds the engine’s job messages and main-thread runner', async () => {
    const jobs = cpuJobs(1000, 3)
    expect(cpuJobMessage(jobs)(2)).toEqual({ type: 'job', job: 2, n: 1002 })
    const outcome = await cpuJobRunner(jobs)(1, 0, new AbortController().signal)
    expect(outcome).toEqual({ ok: true, detail: `Σ = ${closedFormSumOfSquares(1001n)}`, value: String(closedFormSumOfSquares(1001n)) })
    expect((await cpuJobRunner(jobs)(7, 0, new AbortController().signal)).ok).toBe(false)
  })

  it('recognises requests', () => {
    expect(isCpuWorkerRequest({ type: 'job', job: 0, n: 10 })).toBe(true)
    expect(isCpuWorkerRequest({ type: 'other', job: 0, n: 10 })).toBe(false)
    expect(isCpuWorkerRequest(null)).toBe(false)
  })
})
