// The article's CPU-bound workload: for each n, the sum of i*i for 0 <= i < n, computed by brute
// force so that it really costs CPU time (the closed form is for checking, never for timing).
// Runs unchanged on the main thread, in a Web Worker (cpu.worker.ts) and in Node (unit tests).
import type { JobRunner } from '../engine/strategy-options'
import { isWorkerJobMessage, type WorkerDoneMessage, type WorkerJobMessage, type WorkerWarmUpMessage } from '../engine/worker-protocol'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

/** The article sums 20 numbers, 5,000,000 + x for x = 0…19. */
export const ARTICLE_BASE = 5_000_000
export const ARTICLE_JOB_COUNT = 20

/** Below 2^26 = 67,108,864, each i*i and the low part plus one more square stay under 2^53. */
export const MAX_N = 64_000_000

export const cpuBaseLimits = { min: 1_000, max: 60_000_000 } as const
export const cpuJobCountLimits = { min: 1, max: 100 } as const

// Low part of the running sum; whenever it reaches 2^52 we move 2^52 into the high counter, so the
// low part stays below 2^52 + MAX_N^2 < 2^53 and every addition is exact.
const CARRY = 2 ** 52
const CARRY_BIG = BigInt(CARRY)

/** Why n is unusable, in Chinese, or null when it is fine. */
function describeBadN(n: number): string | null {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_N) {
    return integerRangeMessage('n', 0, MAX_N, { received: n })
  }
  return null
}

/**
 * Sum of i*i for 0 <= i < n, exact, as a decimal string (the sums pass 2^53 and BigInt does not
 * survive every display path). Two plain Numbers in the loop keep it fast in V8; BigInt only
 * combines them at the end. Throws a RangeError for n outside 0…MAX_N.
 */
export function sumOfSquares(n: number): string {
  const problem = describeBadN(n)
  if (problem !== null) throw new RangeError(problem)
  return sumOfSquaresBetween(0, n)
}

/** Sum of i*i for from <= i < to (0 <= from <= to <= MAX_N, not checked here). */
function sumOfSquaresBetween(from: number, to: number): string {
  let low = 0
  let carries = 0
  for (let i = from; i < to; i++) {
    low += i * i
    if (low >= CARRY) {
      low -= CARRY
      carries++
    }
  }
  return (BigInt(carries) * CARRY_BIG + BigInt(low)).toString()
}

/**
 * Gets the loop compiled by V8's optimising tier, the same way every time, before the first timed
 * job; the main thread and every pooled worker run it.
 *
 * First a short run at the top of the range: every square is a double and the carry branch is
 * taken within a few steps, so the type feedback V8 optimises from is already that of the real
 * jobs, and the code after the loop has run once. Without it, V8 optimises the loop in the middle
 * of the first call, while the squares are still small integers, and re-optimises as they grow;
 * which code it ends up with then depended on timing. Measured in Chromium here (same build, fresh
 * page loads, `.bench` probe in the note of issue 5): the demo's sequential run took 1.4 s on
 * some loads and 1.9–2.2 s on others, while the same loop pasted into the same page took 1.4 s.
 * Then 20 calls of 1,000,000, so the whole function, not only its loop, is optimised: a cold
 * worker's first 60,000,000 job otherwise took 339 ms and the next ones 122 ms, against 73–75 ms.
 */
export function warmUpCpuLoop(): void {
  sumOfSquaresBetween(MAX_N - 1_000, MAX_N)
  for (let round = 0; round < 20; round++) sumOfSquares(1_000_000)
}

/** n(n−1)(2n−1)/6: the same sum without the loop. For tests only. */
export function closedFormSumOfSquares(n: bigint): bigint {
  return (n * (n - 1n) * (2n * n - 1n)) / 6n
}

export interface CpuJob {
  /** 0-based position in the list, as in Span.job. */
  job: number
  n: number
}

/** The article's job list: count numbers starting at base. */
export function cpuJobs(base: number = ARTICLE_BASE, count: number = ARTICLE_JOB_COUNT): CpuJob[] {
  const baseCheck = validateCpuBase(base)
  if (!baseCheck.ok) throw new RangeError(baseCheck.error)
  if (!Number.isInteger(count) || count < cpuJobCountLimits.min || count > cpuJobCountLimits.max) {
    throw new RangeError(integerRangeMessage('任务个数', cpuJobCountLimits.min, cpuJobCountLimits.max, { received: count }))
  }
  return Array.from({ length: count }, (_, job) => ({ job, n: base + job }))
}

export type WorkSizePresetId = 'small' | 'article' | 'large' | 'xlarge'

export interface WorkSizePreset {
  id: WorkSizePresetId
  /** Button text. */
  label: string
  base: number
}

/**
 * The work-size knob. 原文 is the article's size; V8 does it in about 0.1 s where CPython took
 * seconds, so 大 exists to make the main-thread freeze unmistakable on a projector.
 */
export const workSizePresets: readonly WorkSizePreset[] = [
  { id: 'small', label: '小', base: 1_000_000 },
  { id: 'article', label: '原文', base: ARTICLE_BASE },
  { id: 'large', label: '大', base: 20_000_000 },
  { id: 'xlarge', label: '特大', base: 60_000_000 },
]

/**
 * The demo's default: V8 runs the article's size in about 0.1 s, too short to feel the freeze.
 * 特大 takes one to a few seconds on one core: long enough to see the page stop, and for the
 * workers' start-up (a new isolate each, compiled from cold) to be paid back.
 */
export const defaultWorkSize: WorkSizePresetId = 'xlarge'

/**
 * Built when first needed, not at import: the first number formatted with a locale sets up ICU's
 * formatter, about 30 ms on this machine, which the lab's load and every worker's start-up would
 * otherwise pay for a message almost nobody sees (CPU profile of /lab at 4x slowdown: 118 ms).
 */
function cpuBaseMessage(): string {
  return integerRangeMessage('工作量基数', cpuBaseLimits.min, cpuBaseLimits.max, { note: `（原文用 ${groupDigits(ARTICLE_BASE)}）` })
}

export type CpuBaseResult = { ok: true; base: number } | { ok: false; error: string }

/**
 * Checks a user-supplied base (a number, or text from an input such as "5,000,000" or
 * "5_000_000"). Never throws; the error says in Chinese what is allowed.
 */
export function validateCpuBase(input: number | string): CpuBaseResult {
  let base: number
  if (typeof input === 'number') {
    base = input
  } else {
    const digits = input.trim().replace(/[,_\s]/g, '')
    // Digits only: Number() would also accept "1e6", "0x10" and "".
    if (!/^\d{1,9}$/.test(digits)) return { ok: false, error: cpuBaseMessage() }
    base = Number(digits)
  }
  if (!Number.isInteger(base) || base < cpuBaseLimits.min || base > cpuBaseLimits.max) {
    return { ok: false, error: cpuBaseMessage() }
  }
  return { ok: true, base }
}

// ---- Messages between the main thread and cpu.worker.ts (the engine's worker protocol) ----

export interface CpuWorkerRequest extends WorkerJobMessage {
  n: number
}

export type CpuWorkerReply = WorkerDoneMessage & ({ ok: true; /** The exact sum, decimal. */ value: string } | { ok: false })

/**
 * One job as every strategy runs it (main thread or worker), so the detail text is the same
 * everywhere. A bad n becomes ok: false rather than an exception crossing postMessage.
 */
export function runCpuJob(job: number, n: number): CpuWorkerReply {
  const problem = describeBadN(n)
  if (problem !== null) return { type: 'done', job, ok: false, detail: problem }
  const sum = sumOfSquares(n)
  return { type: 'done', job, ok: true, detail: `Σ = ${sum}`, value: sum }
}

/** Recognises a job request. n is not checked here: runCpuJob answers a bad n with ok: false. */
export function isCpuWorkerRequest(value: unknown): value is CpuWorkerRequest {
  return isWorkerJobMessage(value)
}

/** What the demo's WarmWorkerPool sends each new worker (cpu.worker.ts answers ready). */
export const cpuWarmUpMessage: WorkerWarmUpMessage = { type: 'warm-up' }

/** The engine's `workers.jobMessage` for these jobs. */
export function cpuJobMessage(jobs: readonly CpuJob[]): (job: number) => CpuWorkerRequest {
  return (job) => ({ type: 'job', job, n: jobs[job]?.n ?? Number.NaN })
}

/**
 * The engine's `runJob` for the main-thread strategies (sequential, async, async-yield): the sum
 * runs synchronously and blocks the page for its whole duration, which is what the demo shows.
 */
export function cpuJobRunner(jobs: readonly CpuJob[]): JobRunner {
  return async (job) => {
    const reply = runCpuJob(job, jobs[job]?.n ?? Number.NaN)
    return reply.ok ? { ok: true, detail: reply.detail, value: reply.value } : { ok: false, detail: reply.detail }
  }
}

function groupDigits(value: number): string {
  return value.toLocaleString('en-US')
}
