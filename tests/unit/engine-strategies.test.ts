// The strategies in fake time: every span and total is exact, so the arithmetic of the article
// (n × latency, ceil(n / N) × latency, …) is checked to the millisecond.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  frameWaitLimitMs,
  runStrategy,
  yieldForFrame,
  type AnyRunStrategyOptions,
  type CpuRunParams,
  type IoRunParams,
  type JobRunner,
  type Run,
  type RunEnvironment,
  type RunStrategyOptions,
  type Span,
  type WorkerJobMessage,
  type WorkerLike,
  type WorkloadKind,
} from '@/lib/engine'
import { WarmWorkerPool } from '@/lib/engine/warm-worker-pool'

const environment: RunEnvironment = { protocol: 'http/1.1', cores: 2, crossOriginIsolated: false, browser: 'test' }

/** A job runner whose job i takes delays(i) ms of fake time and honours abort. */
function timedRunner(delays: (job: number) => number) {
  const state = { pending: 0, calls: 0 }
  const runJob: JobRunner = (job, _lane, signal) => {
    state.calls++
    state.pending++
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer)
        state.pending--
        reject(signal.reason)
      }
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort)
        state.pending--
        resolve({ ok: true, detail: `job ${job}` })
      }, delays(job))
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }
  return { runJob, state }
}

const testIoParams: IoRunParams = {
  sites: 0,
  latencyMs: 0,
  jitterMs: 0,
  poolSize: 4,
  workers: 0,
  hosts: 1,
  seed: '',
  workerCount: 0,
  timeScale: 1,
  origins: [],
}
const testCpuParams: CpuRunParams = { base: 1000, jobs: 0, workerCount: 0 }

function baseOptions(overrides: Partial<Omit<RunStrategyOptions, 'workload' | 'params'>> & { workload?: WorkloadKind }): AnyRunStrategyOptions {
  const { workload = 'io', ...rest } = overrides
  const common = { strategy: 'sequential' as const, jobs: 0, now: () => Date.now(), environment: () => environment, id: 'test-run', ...rest }
  return workload === 'io' ? { ...common, workload, params: testIoParams } : { ...common, workload, params: testCpuParams }
}

async function runInFakeTime(options: AnyRunStrategyOptions): Promise<Run> {
  const pending = runStrategy(options)
  await vi.runAllTimersAsync()
  return pending
}

function bySpanJob(spans: readonly Span[]): Span[] {
  return [...spans].sort((a, b) => a.job - b.job)
}

const spanTimes = (spans: readonly Span[]) => bySpanJob(spans).map(({ job, lane, start, end }) => ({ job, lane, start, end }))

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('sequential', () => {
  it('takes n × latency, one job after another on lane 0', async () => {
    const { runJob } = timedRunner(() => 100)
    const run = await runInFakeTime(baseOptions({ strategy: 'sequential', jobs: 5, runJob }))
    expect(run.status).toBe('done')
    expect(run.totalMs).toBe(500)
    expect(run.maxInFlight).toBe(1)
    expect(spanTimes(run.spans)).toEqual([0, 1, 2, 3, 4].map((job) => ({ job, lane: 0, start: job * 100, end: job * 100 + 100 })))
    expect(run.spans.every((span) => span.ok && span.detail === `job ${span.job}`)).toBe(true)
    expect(run).toMatchObject({ id: 'test-run', workload: 'io', strategy: 'sequential', environment })
    expect(run.startedAt).toBe(new Date(0).toISOString())
  })
})

describe('pool', () => {
  it('takes ceil(n / N) × latency with N slots', async () => {
    const { runJob } = timedRunner(() => 100)
    const run = await runInFakeTime(baseOptions({ strategy: 'pool', poolSize: 3, jobs: 7, runJob }))
    expect(run.totalMs).toBe(300)
    expect(run.maxInFlight).toBe(3)
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 100 },
      { job: 1, lane: 1, start: 0, end: 100 },
      { job: 2, lane: 2, start: 0, end: 100 },
      { job: 3, lane: 0, start: 100, end: 200 },
      { job: 4, lane: 1, start: 100, end: 200 },
      { job: 5, lane: 2, start: 100, end: 200 },
      { job: 6, lane: 0, start: 200, end: 300 },
    ])
  })

  it('lets a free slot pull the next job from the one queue', async () => {
    const delays = [30, 10, 10, 10]
    const { runJob } = timedRunner((job) => delays[job] ?? 0)
    const run = await runInFakeTime(baseOptions({ strategy: 'pool', poolSize: 2, jobs: 4, runJob }))
    expect(run.totalMs).toBe(30)
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 30 },
      { job: 1, lane: 1, start: 0, end: 10 },
      { job: 2, lane: 1, start: 10, end: 20 },
      { job: 3, lane: 1, start: 20, end: 30 },
    ])
  })

  it('never opens more slots than jobs', async () => {
    const { runJob } = timedRunner(() => 50)
    const run = await runInFakeTime(baseOptions({ strategy: 'pool', poolSize: 10, jobs: 2, runJob }))
    expect(run.maxInFlight).toBe(2)
    expect(run.totalMs).toBe(50)
  })
})

describe('async', () => {
  it('starts every job at once: the total is the slowest job', async () => {
    const delays = [40, 100, 70, 10]
    const { runJob } = timedRunner((job) => delays[job] ?? 0)
    const run = await runInFakeTime(baseOptions({ strategy: 'async', jobs: 4, runJob }))
    expect(run.totalMs).toBe(100)
    expect(run.maxInFlight).toBe(4)
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 40 },
      { job: 1, lane: 1, start: 0, end: 100 },
      { job: 2, lane: 2, start: 0, end: 70 },
      { job: 3, lane: 3, start: 0, end: 10 },
    ])
    // Spans arrive in completion order.
    expect(run.spans.map((span) => span.job)).toEqual([3, 0, 2, 1])
  })

  it('takes 1 × latency for 160 equal jobs (no connection cap in Node)', async () => {
    const { runJob } = timedRunner(() => 90)
    const run = await runInFakeTime(baseOptions({ strategy: 'async', jobs: 160, runJob }))
    expect(run.totalMs).toBe(90)
    expect(run.spans).toHaveLength(160)
    expect(new Set(run.spans.map((span) => span.lane)).size).toBe(160)
  })
})

describe('async-yield', () => {
  it('is sequential in time when the yield itself costs nothing', async () => {
    const { runJob } = timedRunner(() => 100)
    const yieldToEventLoop = vi.fn(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
    const run = await runInFakeTime(baseOptions({ strategy: 'async-yield', jobs: 4, runJob, yieldToEventLoop }))
    expect(run.totalMs).toBe(400)
    expect(run.maxInFlight).toBe(1)
    expect(spanTimes(run.spans)).toEqual([0, 1, 2, 3].map((job) => ({ job, lane: 0, start: job * 100, end: job * 100 + 100 })))
    expect(yieldToEventLoop).toHaveBeenCalledTimes(3)
  })

  it('lets queued tasks run between blocking jobs, unlike sequential (real timers)', async () => {
    vi.useRealTimers()
    const blockFor = (ms: number) => {
      const until = performance.now() + ms
      while (performance.now() < until) {
        // A CPU-bound job: nothing else runs meanwhile.
      }
    }
    const timerFiredDuringRun = async (strategy: 'sequential' | 'async-yield') => {
      let fired = false
      setTimeout(() => {
        fired = true
      }, 0)
      let firedBeforeLastJob = false
      const runJob: JobRunner = async (job) => {
        if (job === 9) firedBeforeLastJob = fired
        blockFor(2)
        return { ok: true, detail: '' }
      }
      const run = await runStrategy(baseOptions({ strategy, jobs: 10, runJob, now: () => performance.now() }))
      expect(run.status).toBe('done')
      return firedBeforeLastJob
    }
    expect(await timerFiredDuringRun('sequential')).toBe(false)
    expect(await timerFiredDuringRun('async-yield')).toBe(true)
  })
})

describe('yieldForFrame (the async + yield default)', () => {
  let frameCallbacks: FrameRequestCallback[]
  let visibility: DocumentVisibilityState

  beforeEach(() => {
    frameCallbacks = []
    visibility = 'visible'
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frameCallbacks.push(callback))
    vi.stubGlobal('cancelAnimationFrame', (handle: number) => {
      frameCallbacks[handle - 1] = () => undefined
    })
    vi.stubGlobal('document', {
      get visibilityState() {
        return visibility
      },
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  function settled(promise: Promise<void>): () => boolean {
    let done = false
    void promise.then(() => {
      done = true
    })
    return () => done
  }

  it('resumes only after the next frame has run, in a task of its own', async () => {
    const isDone = settled(yieldForFrame())
    await vi.advanceTimersByTimeAsync(frameWaitLimitMs - 1)
    expect(isDone()).toBe(false)
    expect(frameCallbacks).toHaveLength(1)
    frameCallbacks[0]!(performance.now())
    // Not inside the frame's own task: the frame is drawn first.
    await Promise.resolve()
    expect(isDone()).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(isDone()).toBe(true)
  })

  it('stops waiting when no frame comes (the tab was hidden mid-run)', async () => {
    const isDone = settled(yieldForFrame())
    await vi.advanceTimersByTimeAsync(frameWaitLimitMs)
    expect(isDone()).toBe(true)
    expect(frameCallbacks).toHaveLength(1)
  })

  it('does not wait for frames in a hidden tab', async () => {
    visibility = 'hidden'
    vi.useRealTimers()
    const started = performance.now()
    await yieldForFrame()
    expect(frameCallbacks).toHaveLength(0)
    expect(performance.now() - started).toBeLessThan(frameWaitLimitMs)
  })

  it('is what async-yield uses between jobs unless told otherwise', async () => {
    const { runJob } = timedRunner(() => 50)
    const pending = runStrategy(baseOptions({ strategy: 'async-yield', jobs: 3, runJob }))
    await vi.advanceTimersByTimeAsync(50)
    // Job 0 is done; job 1 waits for a frame.
    expect(frameCallbacks).toHaveLength(1)
    frameCallbacks[0]!(performance.now())
    await vi.advanceTimersByTimeAsync(50)
    expect(frameCallbacks).toHaveLength(2)
    frameCallbacks[1]!(performance.now())
    await vi.runAllTimersAsync()
    const run = await pending
    expect(run.status).toBe('done')
    expect(run.spans).toHaveLength(3)
  })
})

interface FakeWorker extends WorkerLike {
  terminated: boolean
  received: unknown[]
  /** Listeners attached now (the engine must detach its own when a run ends). */
  listenerCount: () => number
}

/** How long a fake worker takes to answer a warm-up message with ready. */
const fakeStartupMs = 30

/**
 * The parts every fake worker shares: listeners, received messages, and timers that stop when it
 * is terminated. `onMessage` says what the worker does with each message it is posted.
 */
function fakeWorkerShell(onMessage: (message: unknown, shell: FakeWorkerShell) => void): FakeWorker {
  const messageListeners: Array<(event: { data: unknown }) => void> = []
  const errorListeners: Array<(event: { message?: string }) => void> = []
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const shell: FakeWorkerShell = {
    later(ms, task) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        if (!worker.terminated) task()
      }, ms)
      timers.add(timer)
    },
    answer: (data) => {
      for (const listener of [...messageListeners]) listener({ data })
    },
    fail: (message) => {
      for (const listener of [...errorListeners]) listener({ message })
    },
  }
  const worker: FakeWorker = {
    terminated: false,
    received: [],
    listenerCount: () => messageListeners.length + errorListeners.length,
    postMessage(message: unknown) {
      worker.received.push(message)
      onMessage(message, shell)
    },
    terminate() {
      worker.terminated = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
    addEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      if (type === 'message') messageListeners.push(listener as (event: { data: unknown }) => void)
      else errorListeners.push(listener as (event: { message?: string }) => void)
    },
    removeEventListener(type: 'message' | 'error', listener: (event: never) => void) {
      const listeners: unknown[] = type === 'message' ? messageListeners : errorListeners
      const index = listeners.indexOf(listener)
      if (index >= 0) listeners.splice(index, 1)
    },
  }
  return worker
}

interface FakeWorkerShell {
  /** Runs task after ms of fake time, unless the worker has been terminated by then. */
  later(ms: number, task: () => void): void
  /** Delivers a message to the page. */
  answer(data: unknown): void
  /** Raises an uncaught error in the worker. */
  fail(message: string): void
}

/** A fake worker that answers job i after delays(i) ms of fake time, like io.worker.ts would. */
function fakeWorkerFactory(delays: (job: number) => number, options: { failOnJob?: number; wrongJobId?: boolean } = {}) {
  const created: FakeWorker[] = []
  const createWorker = (): WorkerLike => {
    const worker = fakeWorkerShell((message, { later, answer, fail }) => {
      if ((message as { type?: string }).type === 'warm-up') {
        later(fakeStartupMs, () => answer({ type: 'ready' }))
        return
      }
      const { job } = message as WorkerJobMessage
      later(delays(job), () => {
        if (job === options.failOnJob) {
          fail('boom')
          return
        }
        if (options.wrongJobId) answer({ type: 'done', job: job + 1000, ok: true, detail: 'stray' })
        answer({ type: 'done', job, ok: job !== 2, detail: `worker job ${job}` })
      })
    })
    created.push(worker)
    return worker
  }
  return { createWorker, created }
}

describe('workers', () => {
  it('takes ceil(n / W) × latency with W workers, each taking the next job when done', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 100)
    const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
    const run = await runInFakeTime(baseOptions({ strategy: 'workers', workload: 'cpu', jobs: 5, workers: { createWorker, jobMessage, size: 2 } }))
    expect(run.status).toBe('done')
    expect(run.totalMs).toBe(300)
    expect(run.maxInFlight).toBe(2)
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 100 },
      { job: 1, lane: 1, start: 0, end: 100 },
      { job: 2, lane: 0, start: 100, end: 200 },
      { job: 3, lane: 1, start: 100, end: 200 },
      { job: 4, lane: 0, start: 200, end: 300 },
    ])
    // The worker's ok/detail become the span's.
    expect(bySpanJob(run.spans).map((span) => span.ok)).toEqual([true, true, false, true, true])
    expect(run.spans.find((span) => span.job === 4)?.detail).toBe('worker job 4')
    expect(created).toHaveLength(2)
    expect(created.every((worker) => worker.terminated)).toBe(true)
    expect(created[0]?.received).toEqual([
      { type: 'job', job: 0 },
      { type: 'job', job: 2 },
      { type: 'job', job: 4 },
    ])
  })

  it('defaults to navigator.hardwareConcurrency workers, never more than jobs', async () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 3, userAgent: 'test' })
    try {
      const { createWorker, created } = fakeWorkerFactory(() => 10)
      const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
      const run = await runInFakeTime(baseOptions({ strategy: 'workers', jobs: 9, workers: { createWorker, jobMessage } }))
      expect(created).toHaveLength(3)
      expect(run.totalMs).toBe(30)
      const few = fakeWorkerFactory(() => 10)
      await runInFakeTime(baseOptions({ strategy: 'workers', jobs: 2, workers: { createWorker: few.createWorker, jobMessage } }))
      expect(few.created).toHaveLength(2)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('ignores answers for a job the worker does not hold', async () => {
    const { createWorker } = fakeWorkerFactory(() => 10, { wrongJobId: true })
    const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
    const run = await runInFakeTime(baseOptions({ strategy: 'workers', jobs: 3, workers: { createWorker, jobMessage, size: 1 } }))
    expect(run.spans.map((span) => span.job)).toEqual([0, 1, 2])
    expect(run.totalMs).toBe(30)
  })

  it('ends with status error when a worker throws, and terminates every worker', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 10, { failOnJob: 3 })
    const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
    const run = await runInFakeTime(baseOptions({ strategy: 'workers', jobs: 8, workers: { createWorker, jobMessage, size: 2 } }))
    expect(run.status).toBe('error')
    expect(run.error).toContain('boom')
    expect(created.every((worker) => worker.terminated)).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ends with status error when a worker cannot be created', async () => {
    const run = await runInFakeTime(
      baseOptions({
        strategy: 'workers',
        jobs: 2,
        workers: {
          createWorker: () => {
            throw new Error('SecurityError')
          },
          jobMessage: (job) => ({ type: 'job', job }),
        },
      }),
    )
    expect(run.status).toBe('error')
    expect(run.error).toBe('SecurityError')
  })
})

/**
 * A fake CPU worker: runs the jobs in its inbox one after another (as cpu.worker.ts does, one
 * message to completion), stamps them with its own clock, and the page reads each answer
 * `readDelayMs` late, as a page busy drawing would.
 */
function serialWorkerFactory(jobMs: number, readDelayMs: number) {
  const created: FakeWorker[] = []
  const epochNow = () => performance.timeOrigin + performance.now()
  const createWorker = (): WorkerLike => {
    const inbox: number[] = []
    let busy = false
    const runNext = (shell: FakeWorkerShell) => {
      const job = inbox.shift()
      if (job === undefined) {
        busy = false
        return
      }
      busy = true
      const startedAtEpochMs = epochNow()
      shell.later(jobMs, () => {
        const done = { type: 'done', job, ok: true, detail: `worker job ${job}`, startedAtEpochMs, finishedAtEpochMs: epochNow() }
        shell.later(readDelayMs, () => shell.answer(done))
        runNext(shell)
      })
    }
    const worker = fakeWorkerShell((message, shell) => {
      inbox.push((message as WorkerJobMessage).job)
      if (!busy) runNext(shell)
    })
    created.push(worker)
    return worker
  }
  return { createWorker, created }
}

describe('workers with a queued job each (queuedPerWorker)', () => {
  const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
  // The real clock (no `now` option), so the workers' epoch stamps are used; faked by vitest.
  const realClockOptions = (overrides: Partial<RunStrategyOptions>) => {
    const options = baseOptions(overrides)
    delete options.now
    return options
  }

  it('without a queue, each job waits for the page to read the previous answer', async () => {
    const { createWorker } = serialWorkerFactory(100, 20)
    const run = await runInFakeTime(realClockOptions({ strategy: 'workers', workload: 'cpu', jobs: 3, workers: { createWorker, jobMessage, size: 1 } }))
    expect(run.totalMs).toBe(3 * 120)
    // The spans come from the worker's clock: the 20 ms the answers waited are gaps, not work.
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 100 },
      { job: 1, lane: 0, start: 120, end: 220 },
      { job: 2, lane: 0, start: 240, end: 340 },
    ])
  })

  it('with one job queued, the worker goes straight on and only the last answer waits', async () => {
    const { createWorker, created } = serialWorkerFactory(100, 20)
    const run = await runInFakeTime(
      realClockOptions({ strategy: 'workers', workload: 'cpu', jobs: 3, workers: { createWorker, jobMessage, size: 1, queuedPerWorker: 1 } }),
    )
    expect(run.status).toBe('done')
    expect(run.totalMs).toBe(3 * 100 + 20)
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 100 },
      { job: 1, lane: 0, start: 100, end: 200 },
      { job: 2, lane: 0, start: 200, end: 300 },
    ])
    // A queued job is not running: the worker only ever ran one at a time.
    expect(run.maxInFlight).toBe(1)
    expect(created[0]?.received).toEqual([0, 1, 2].map((job) => ({ type: 'job', job })))
  })

  it('shares the jobs between workers, two in each inbox at most', async () => {
    const { createWorker, created } = serialWorkerFactory(100, 5)
    const run = await runInFakeTime(
      realClockOptions({ strategy: 'workers', workload: 'cpu', jobs: 6, workers: { createWorker, jobMessage, size: 2, queuedPerWorker: 1 } }),
    )
    // The last job is held back until a worker is free (it then waits one answer's delay), so
    // that a slower worker cannot end up holding two.
    expect(run.totalMs).toBe(3 * 100 + 5 + 5)
    expect(spanTimes(run.spans).find((span) => span.job === 5)).toEqual({ job: 5, lane: 1, start: 205, end: 305 })
    expect(run.maxInFlight).toBe(2)
    expect(created.map((worker) => worker.received.map((message) => (message as WorkerJobMessage).job))).toEqual([
      [0, 2, 4],
      [1, 3, 5],
    ])
  })

  it('gives the last jobs to the worker that is free first, not to the one with a queue', async () => {
    // Worker 0 is slow (300 ms a job), worker 1 fast (100 ms); answers arrive 5 ms late.
    const slow = serialWorkerFactory(300, 5)
    const fast = serialWorkerFactory(100, 5)
    let created = 0
    const createWorker = () => (created++ === 0 ? slow.createWorker() : fast.createWorker())
    const run = await runInFakeTime(
      realClockOptions({ strategy: 'workers', workload: 'cpu', jobs: 3, workers: { createWorker, jobMessage, size: 2, queuedPerWorker: 1 } }),
    )
    const jobsOf = (worker: FakeWorker | undefined) => worker?.received.map((message) => (message as WorkerJobMessage).job)
    // With fewer jobs left than workers nothing is queued: job 2 waits for the first free worker
    // (the fast one, at 105 ms) instead of queueing behind job 0 on the slow one until 600 ms.
    expect(jobsOf(slow.created[0])).toEqual([0])
    expect(jobsOf(fast.created[0])).toEqual([1, 2])
    expect(run.totalMs).toBe(300 + 5)
  })

  it('on cancel, terminates workers that still hold queued jobs and records only the started ones', async () => {
    const { createWorker, created } = serialWorkerFactory(100, 5)
    const pool = new WarmWorkerPool({ createWorker, warmUpMessage: { type: 'noop' } })
    const controller = new AbortController()
    const pending = runStrategy(
      realClockOptions({
        strategy: 'workers',
        workload: 'cpu',
        jobs: 4,
        signal: controller.signal,
        workers: { createWorker, source: pool, jobMessage, size: 1, queuedPerWorker: 1 },
      }),
    )
    await vi.advanceTimersByTimeAsync(150)
    controller.abort()
    const run = await pending
    expect(run.status).toBe('cancelled')
    expect(created[0]?.terminated).toBe(true)
    expect(pool.idleCount).toBe(0)
    // Job 0 finished; job 1 was running and is cut off; jobs 2 and 3 never started.
    expect(bySpanJob(run.spans).map(({ job, ok }) => ({ job, ok }))).toEqual([
      { job: 0, ok: true },
      { job: 1, ok: false },
    ])
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('workers from a warm pool', () => {
  const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
  const warmUpMessage = { type: 'warm-up' }

  it('starts workers ahead and reports each start-up', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 100)
    const startups: number[] = []
    const pool = new WarmWorkerPool({ createWorker, warmUpMessage, onReady: (ms) => startups.push(ms), now: () => performance.now() })
    pool.prewarm(2)
    expect(created).toHaveLength(2)
    expect(created.map((worker) => worker.received)).toEqual([[warmUpMessage], [warmUpMessage]])
    await vi.advanceTimersByTimeAsync(fakeStartupMs)
    expect(startups).toEqual([fakeStartupMs, fakeStartupMs])
    // The pool's own ready listener is gone once the worker is ready.
    expect(created.map((worker) => worker.listenerCount())).toEqual([0, 0])
    pool.prewarm(1)
    expect(pool.idleCount).toBe(1)
    expect(created.map((worker) => worker.terminated)).toEqual([false, true])
  })

  it("takes the worker's own ready time when it gives one, not the message's arrival", () => {
    let clock = 1_000
    const listeners: Array<(event: { data: unknown }) => void> = []
    const worker: WorkerLike = {
      postMessage: () => {},
      terminate: () => {},
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'message') listeners.push(listener as (event: { data: unknown }) => void)
      },
    }
    const startups: number[] = []
    const pool = new WarmWorkerPool({ createWorker: () => worker, warmUpMessage, now: () => clock, onReady: (ms) => startups.push(ms) })
    pool.prewarm(1)
    // Ready 180 ms after creation, but the page was busy and read the message 900 ms later.
    clock = 2_080
    for (const listener of listeners) listener({ data: { type: 'ready', readyAtEpochMs: 1_180 } })
    expect(startups).toEqual([180])
  })

  it('runs on the warm workers, gives them back after a finished run and reuses them', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 100)
    const pool = new WarmWorkerPool({ createWorker, warmUpMessage, now: () => performance.now() })
    pool.prewarm(2)
    await vi.advanceTimersByTimeAsync(fakeStartupMs)
    for (let round = 0; round < 2; round++) {
      const run = await runInFakeTime(
        baseOptions({ strategy: 'workers', workload: 'cpu', jobs: 5, workers: { createWorker, source: pool, jobMessage, size: 2 } }),
      )
      expect(run.status).toBe('done')
      // The start-up was paid before the run: ceil(5 / 2) × 100 ms.
      expect(run.totalMs).toBe(300)
      expect(pool.idleCount).toBe(2)
    }
    expect(created).toHaveLength(2)
    expect(created.some((worker) => worker.terminated)).toBe(false)
    // The engine detached its listeners from the workers it gave back.
    expect(created.map((worker) => worker.listenerCount())).toEqual([0, 0])
    expect(created[0]?.received).toEqual([warmUpMessage, ...[0, 2, 4, 0, 2, 4].map((job) => ({ type: 'job', job }))])
  })

  it('terminates the workers of a cancelled run, and prewarm replaces them', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 100)
    const pool = new WarmWorkerPool({ createWorker, warmUpMessage })
    pool.prewarm(2)
    await vi.advanceTimersByTimeAsync(fakeStartupMs)
    const stop = new AbortController()
    const pending = runStrategy(
      baseOptions({ strategy: 'workers', jobs: 10, signal: stop.signal, workers: { createWorker, source: pool, jobMessage, size: 2 } }),
    )
    await vi.advanceTimersByTimeAsync(50)
    stop.abort()
    const run = await pending
    expect(run.status).toBe('cancelled')
    expect(created.map((worker) => worker.terminated)).toEqual([true, true])
    expect(pool.idleCount).toBe(0)
    pool.prewarm(2)
    expect(created).toHaveLength(4)
    expect(created.slice(2).map((worker) => worker.terminated)).toEqual([false, false])
  })

  it('a worker error terminates the workers instead of giving them back', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 10, { failOnJob: 3 })
    const pool = new WarmWorkerPool({ createWorker, warmUpMessage })
    pool.prewarm(2)
    const run = await runInFakeTime(baseOptions({ strategy: 'workers', jobs: 8, workers: { createWorker, source: pool, jobMessage, size: 2 } }))
    expect(run.status).toBe('error')
    expect(created.every((worker) => worker.terminated)).toBe(true)
    expect(pool.idleCount).toBe(0)
  })

  it('after dispose, idle workers are gone and a run ends with a clear error', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 10)
    const pool = new WarmWorkerPool({ createWorker, warmUpMessage })
    pool.prewarm(2)
    pool.dispose()
    expect(created.every((worker) => worker.terminated)).toBe(true)
    pool.prewarm(2)
    expect(created).toHaveLength(2)
    const run = await runInFakeTime(baseOptions({ strategy: 'workers', jobs: 2, workers: { createWorker, source: pool, jobMessage, size: 2 } }))
    expect(run.status).toBe('error')
    expect(run.error).toBe('Worker 池已关闭')
  })
})

describe('cancellation', () => {
  it('sequential: stops mid-run with the spans so far and nothing pending', async () => {
    const { runJob, state } = timedRunner(() => 100)
    const stop = new AbortController()
    const pending = runStrategy(baseOptions({ strategy: 'sequential', jobs: 10, runJob, signal: stop.signal }))
    await vi.advanceTimersByTimeAsync(250)
    stop.abort()
    const run = await pending
    expect(run.status).toBe('cancelled')
    expect(run.totalMs).toBe(250)
    expect(spanTimes(run.spans)).toEqual([
      { job: 0, lane: 0, start: 0, end: 100 },
      { job: 1, lane: 0, start: 100, end: 200 },
      { job: 2, lane: 0, start: 200, end: 250 },
    ])
    expect(run.spans[2]).toMatchObject({ ok: false, detail: '已取消' })
    expect(state.pending).toBe(0)
    expect(state.calls).toBe(3)
    // Nothing starts after the cancel.
    await vi.runAllTimersAsync()
    expect(state.calls).toBe(3)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('async and pool: aborts every in-flight job', async () => {
    for (const strategy of ['async', 'pool'] as const) {
      const { runJob, state } = timedRunner(() => 100)
      const stop = new AbortController()
      const pending = runStrategy(baseOptions({ strategy, poolSize: 4, jobs: 20, runJob, signal: stop.signal }))
      // Mid-run for both: async would finish at 100 ms, pool (5 waves) at 500 ms.
      await vi.advanceTimersByTimeAsync(50)
      stop.abort()
      const run = await pending
      expect(run.status).toBe('cancelled')
      expect(state.pending).toBe(0)
      expect(vi.getTimerCount()).toBe(0)
      expect(run.spans.filter((span) => !span.ok)).toHaveLength(strategy === 'async' ? 20 : 4)
    }
  })

  it('workers: terminates every worker at once', async () => {
    const { createWorker, created } = fakeWorkerFactory(() => 100)
    const stop = new AbortController()
    const jobMessage = (job: number): WorkerJobMessage => ({ type: 'job', job })
    const pending = runStrategy(baseOptions({ strategy: 'workers', jobs: 10, signal: stop.signal, workers: { createWorker, jobMessage, size: 3 } }))
    await vi.advanceTimersByTimeAsync(120)
    stop.abort()
    const run = await pending
    expect(run.status).toBe('cancelled')
    expect(run.totalMs).toBe(120)
    expect(created).toHaveLength(3)
    expect(created.every((worker) => worker.terminated)).toBe(true)
    expect(run.spans.filter((span) => span.detail.startsWith('worker job'))).toHaveLength(3)
    expect(run.spans.filter((span) => span.detail === '已取消')).toHaveLength(3)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('an already aborted signal runs nothing', async () => {
    const { runJob, state } = timedRunner(() => 100)
    const run = await runStrategy(baseOptions({ strategy: 'pool', jobs: 5, runJob, signal: AbortSignal.abort() }))
    expect(run.status).toBe('cancelled')
    expect(run.spans).toEqual([])
    expect(state.calls).toBe(0)
  })

  it('a runner that ignores the signal does not hold the run up', async () => {
    const runJob: JobRunner = () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, detail: 'late' }), 1000))
    const stop = new AbortController()
    const onSpan = vi.fn()
    const pending = runStrategy(baseOptions({ strategy: 'async', jobs: 2, runJob, signal: stop.signal, onSpan }))
    await vi.advanceTimersByTimeAsync(10)
    stop.abort()
    const run = await pending
    expect(run.totalMs).toBe(10)
    await vi.runAllTimersAsync()
    // Late finishers after the end are not recorded.
    expect(onSpan).toHaveBeenCalledTimes(2)
    expect(run.spans.every((span) => span.detail === '已取消')).toBe(true)
  })
})

describe('callbacks and failures', () => {
  it('calls onStart and onSpan once per job, in order of events', async () => {
    const { runJob } = timedRunner(() => 10)
    const events: string[] = []
    await runInFakeTime(
      baseOptions({
        strategy: 'pool',
        poolSize: 2,
        jobs: 3,
        runJob,
        onStart: (job, lane, start) => events.push(`start ${job}@${lane}:${start}`),
        onSpan: (span) => events.push(`end ${span.job}:${span.end}`),
      }),
    )
    expect(events).toEqual(['start 0@0:0', 'start 1@1:0', 'end 0:10', 'start 2@0:10', 'end 1:10', 'end 2:20'])
  })

  it('records a throwing job as a failed span and still finishes the run', async () => {
    const runJob: JobRunner = async (job) => {
      if (job === 1) throw new Error('connection refused')
      return { ok: true, detail: 'fine' }
    }
    const run = await runInFakeTime(baseOptions({ strategy: 'sequential', jobs: 3, runJob }))
    expect(run.status).toBe('done')
    expect(bySpanJob(run.spans).map((span) => [span.ok, span.detail])).toEqual([
      [true, 'fine'],
      [false, 'connection refused'],
      [true, 'fine'],
    ])
  })

  it('reports a missing job runner as an error, not a throw', async () => {
    const run = await runStrategy(baseOptions({ strategy: 'pool', jobs: 3 }))
    expect(run.status).toBe('error')
    expect(run.error).toContain('runJob')
  })

  it('finishes an empty run at once', async () => {
    const { runJob } = timedRunner(() => 10)
    for (const strategy of ['sequential', 'pool', 'async', 'async-yield'] as const) {
      const run = await runStrategy(baseOptions({ strategy, jobs: 0, runJob }))
      expect(run).toMatchObject({ status: 'done', totalMs: 0, spans: [], maxInFlight: 0 })
    }
  })
})
