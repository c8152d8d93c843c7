import { describe, expect, it } from 'vitest'
import { createAsyncLock, runAsyncCounterRace } from '@/lib/race/async-counter'

describe('runAsyncCounterRace', () => {
  it('unfixed: every round keeps only one of the tasks’ updates, the same way every run', async () => {
    const first = await runAsyncCounterRace({ tasks: 4, incrementsPerTask: 10, fixed: false })
    expect(first).toMatchObject({ expected: 40, actual: 10, lost: 30 })
    const second = await runAsyncCounterRace({ tasks: 4, incrementsPerTask: 10, fixed: false })
    expect(second).toEqual(first)
  })

  it('unfixed: the log shows every task reading the same value before anyone writes', async () => {
    const { log } = await runAsyncCounterRace({ tasks: 3, incrementsPerTask: 2, fixed: false })
    expect(log.slice(0, 6).map((entry) => [entry.task, entry.action, entry.value])).toEqual([
      ['A', 'read', 0],
      ['B', 'read', 0],
      ['C', 'read', 0],
      ['A', 'write', 1],
      ['B', 'write', 1],
      ['C', 'write', 1],
    ])
    expect(log[0]?.text).toBe('任务 A 读到 counter = 0，然后 await')
  })

  it('unfixed with a timer delay loses too', async () => {
    const result = await runAsyncCounterRace({ tasks: 3, incrementsPerTask: 3, fixed: false, delay: 1 })
    expect(result).toMatchObject({ expected: 9, actual: 3, lost: 6 })
  })

  it('fixed: the lock makes it exact, with microtask or timer delays', async () => {
    expect(await runAsyncCounterRace({ tasks: 5, incrementsPerTask: 50, fixed: true })).toMatchObject({
      expected: 250,
      actual: 250,
      lost: 0,
    })
    expect(await runAsyncCounterRace({ tasks: 3, incrementsPerTask: 3, fixed: true, delay: 1 })).toMatchObject({
      expected: 9,
      actual: 9,
      lost: 0,
    })
  })

  it('fixed: the log shows one task at a time between lock and unlock', async () => {
    const { log } = await runAsyncCounterRace({ tasks: 2, incrementsPerTask: 2, fixed: true, logLimit: 100 })
    expect(log).toHaveLength(16)
    for (let i = 0; i < log.length; i += 4) {
      const group = log.slice(i, i + 4)
      expect(group.map((entry) => entry.action)).toEqual(['lock', 'read', 'write', 'unlock'])
      expect(new Set(group.map((entry) => entry.task)).size).toBe(1)
    }
  })

  it('keeps the log short and says so', async () => {
    const result = await runAsyncCounterRace({ tasks: 4, incrementsPerTask: 100, fixed: false, logLimit: 10 })
    expect(result.log).toHaveLength(10)
    expect(result.logTruncated).toBe(true)
  })

  it('rejects bad sizes in Chinese', async () => {
    await expect(runAsyncCounterRace({ tasks: 0, incrementsPerTask: 1, fixed: false })).rejects.toThrow(/任务数/)
    await expect(runAsyncCounterRace({ tasks: 2, incrementsPerTask: 1.5, fixed: false })).rejects.toThrow(/累加次数/)
    await expect(runAsyncCounterRace({ tasks: 2, incrementsPerTask: 1, fixed: false, delay: -1 })).rejects.toThrow(/延迟/)
  })
})

describe('createAsyncLock', () => {
  it('runs critical sections one at a time, in call order, even after a failure', async () => {
    const lock = createAsyncLock()
    const order: string[] = []
    const section = (name: string, fail = false) =>
      lock.runExclusive(async () => {
        order.push(`${name}+`)
        await new Promise((resolve) => setTimeout(resolve, 1))
        order.push(`${name}-`)
        if (fail) throw new Error(name)
        return name
      })
    const results = await Promise.allSettled([section('a'), section('b', true), section('c')])
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })
})
