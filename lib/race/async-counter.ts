// The race that needs no threads: async tasks on one thread still lose updates when an `await`
// sits between reading a shared counter and writing it back. The fix is a lock around the whole
// read-await-write, the browser's equivalent of asyncio.Lock.
import { integerRangeMessage } from '@/lib/format/integer-range-message'

export interface AsyncCounterRaceOptions {
  tasks: number
  incrementsPerTask: number
  /** true: each read-await-write runs under a lock, so no update is lost. */
  fixed: boolean
  /** The await between read and write: 0 = a microtask, > 0 = setTimeout of that many ms. */
  delay?: number
  /** At most this many log entries are kept (the log is for display). */
  logLimit?: number
}

export type CounterAction = 'read' | 'write' | 'lock' | 'unlock'

export interface CounterLogEntry {
  /** Task name: A, B, C… */
  task: string
  action: CounterAction
  /** Counter value read or written; for lock/unlock, the counter at that moment. */
  value: number
  text: string
}

export interface AsyncCounterRaceResult {
  expected: number
  actual: number
  lost: number
  log: CounterLogEntry[]
  /** More happened than the log kept. */
  logTruncated: boolean
}

export const asyncRaceDefaults = { tasks: 4, incrementsPerTask: 10, delay: 0 } as const

export const asyncRaceLimits = {
  tasks: { min: 1, max: 26 },
  incrementsPerTask: { min: 1, max: 10_000 },
  delay: { min: 0, max: 1_000 },
} as const

export interface AsyncLock {
  /** Runs `critical` once every earlier caller's critical section has finished. */
  runExclusive<T>(critical: () => Promise<T>): Promise<T>
}

/** A FIFO async mutex: each caller chains onto the previous caller's promise. */
export function createAsyncLock(): AsyncLock {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    runExclusive<T>(critical: () => Promise<T>): Promise<T> {
      const result = tail.then(critical)
      // The next caller waits for this one whether it succeeds or fails.
      tail = result.catch(() => undefined)
      return result
    },
  }
}

function checkRange(value: number, { min, max }: { min: number; max: number }, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(integerRangeMessage(what, min, max))
  }
}

const describeAction: Record<CounterAction, (task: string, value: number) => string> = {
  read: (task, value) => `任务 ${task} 读到 counter = ${value}，然后 await`,
  write: (task, value) => `任务 ${task} 写回 counter = ${value}`,
  lock: (task, value) => `任务 ${task} 拿到锁（counter = ${value}）`,
  unlock: (task, value) => `任务 ${task} 释放锁（counter = ${value}）`,
}

/**
 * Starts `tasks` async tasks at once; each adds 1 to a shared counter `incrementsPerTask` times as
 * `const v = counter; await tick; counter = v + 1`. Unfixed, the tasks interleave at the await and
 * overwrite each other (with delay 0 every round loses all but one update); fixed, never.
 */
export async function runAsyncCounterRace(options: AsyncCounterRaceOptions): Promise<AsyncCounterRaceResult> {
  const { tasks, incrementsPerTask, fixed, delay = 0, logLimit = 24 } = options
  checkRange(tasks, asyncRaceLimits.tasks, '任务数')
  checkRange(incrementsPerTask, asyncRaceLimits.incrementsPerTask, '每个任务的累加次数')
  checkRange(delay, asyncRaceLimits.delay, '延迟毫秒数')

  const tick = (): Promise<void> => (delay === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, delay)))
  const log: CounterLogEntry[] = []
  let logTruncated = false
  const record = (task: string, action: CounterAction, value: number): void => {
    if (log.length < logLimit) log.push({ task, action, value, text: describeAction[action](task, value) })
    else logTruncated = true
  }

  let counter = 0
  const increment = async (task: string): Promise<void> => {
    const value = counter
    record(task, 'read', value)
    await tick()
    counter = value + 1
    record(task, 'write', counter)
  }
  const lock = createAsyncLock()
  const lockedIncrement = (task: string): Promise<void> =>
    lock.runExclusive(async () => {
      record(task, 'lock', counter)
      await increment(task)
      record(task, 'unlock', counter)
    })

  const runTask = async (task: string): Promise<void> => {
    for (let i = 0; i < incrementsPerTask; i++) await (fixed ? lockedIncrement(task) : increment(task))
  }
  const names = Array.from({ length: tasks }, (_, i) => String.fromCharCode(65 + i))
  await Promise.all(names.map(runTask))

  const expected = tasks * incrementsPerTask
  return { expected, actual: counter, lost: expected - counter, log, logTruncated }
}
