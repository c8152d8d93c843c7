import { describe, expect, it } from 'vitest'
import { defaultEventLoopConfig, downloadTask, simulateEventLoop, type EventLoopConfig, type EventLoopState } from '@/lib/event-loop/simulate'

const states = simulateEventLoop()
const ids = defaultEventLoopConfig.tasks.map((task) => task.id)

function unfinished(state: EventLoopState): string[] {
  return ids.filter((id) => !state.done.includes(id))
}

describe('simulateEventLoop (default config)', () => {
  it('starts with every task ready, nothing running or waiting, at t=0', () => {
    expect(states[0]).toMatchObject({ index: 0, clock: 0, event: 'start', running: null, ready: ids, waiting: [], done: [] })
    expect(states[0]?.explanation).toMatch(/事件循环启动/)
  })

  it('the first step runs task A, taken from the front of the ready list', () => {
    expect(states[1]).toMatchObject({ event: 'run', task: 'A', running: 'A', ready: ['B', 'C', 'D'] })
  })

  it('a task that awaited is in the waiting list and not in the ready list', () => {
    const awaits = states.filter((state) => state.event === 'await')
    expect(awaits).toHaveLength(ids.length)
    for (const state of awaits) {
      const task = state.task ?? ''
      expect(state.waiting.map((entry) => entry.id)).toContain(task)
      expect(state.ready).not.toContain(task)
      expect(state.running).toBeNull()
      expect(state.explanation).toContain(`任务 ${task}`)
      expect(state.explanation).toMatch(/发起请求并 await：移入等待列表/)
    }
  })

  it('a task leaves the waiting list only when its I/O has completed', () => {
    for (const state of states.filter((s) => s.event === 'io-done')) {
      const before = states[state.index - 1]
      const entry = before?.waiting.find((w) => w.id === state.task)
      expect(entry).toBeDefined()
      expect(entry?.readyAt).toBeLessThanOrEqual(state.clock)
      expect(state.ready.at(-1)).toBe(state.task)
    }
  })

  it('ready, waiting and running always partition the unfinished tasks', () => {
    for (const state of states) {
      const placed = [...state.ready, ...state.waiting.map((entry) => entry.id), ...(state.running ? [state.running] : [])]
      expect(placed.sort()).toEqual(unfinished(state).sort())
    }
  })

  it('at most one task runs at a time, and the clock never goes back', () => {
    for (let i = 1; i < states.length; i++) {
      expect(states[i]!.clock).toBeGreaterThanOrEqual(states[i - 1]!.clock)
      expect(states[i]!.index).toBe(i)
    }
  })

  it('ends with every task done and nothing left', () => {
    const last = states.at(-1)
    expect(last).toMatchObject({ event: 'end', running: null, ready: [], waiting: [] })
    expect([...(last?.done ?? [])].sort()).toEqual([...ids].sort())
    expect(last?.explanation).toMatch(/全部 4 个任务完成/)
  })

  it('overlaps the waits: total time ≈ the longest latency plus the CPU slices, far below the sum', () => {
    const total = states.at(-1)!.clock
    const latencies = defaultEventLoopConfig.tasks.flatMap((t) => t.steps.filter((s) => s.kind === 'io').map((s) => s.ticks))
    const cpu = defaultEventLoopConfig.tasks.flatMap((t) => t.steps.filter((s) => s.kind === 'cpu').map((s) => s.ticks))
    const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(Math.max(...latencies))
    expect(total).toBeLessThanOrEqual(Math.max(...latencies) + sumOf(cpu))
    expect(total).toBeLessThan(sumOf(latencies) / 1.5)
    expect(total).toBe(12)
  })

  it('is deterministic and does not share state between calls', () => {
    const again = simulateEventLoop(defaultEventLoopConfig)
    expect(again).toEqual(states)
    ;(again[0]!.ready as string[]).push('X')
    expect(simulateEventLoop()[0]!.ready).toEqual(ids)
  })

  it('every state explains itself in one line', () => {
    for (const state of states) {
      expect(state.explanation.length).toBeGreaterThan(5)
      expect(state.explanation).not.toContain('\n')
    }
  })
})

describe('simulateEventLoop (other configs)', () => {
  it('idles when everyone is waiting, jumping the clock to the first completion', () => {
    const states = simulateEventLoop({ tasks: [downloadTask('X', 10, 0)] })
    expect(states.map((s) => s.event)).toEqual(['start', 'run', 'await', 'idle', 'io-done', 'run', 'finish', 'end'])
    expect(states[3]).toMatchObject({ clock: 10, ready: [], waiting: [{ id: 'X', readyAt: 10 }] })
    expect(states[3]?.explanation).toMatch(/t=0 走到 t=10/)
  })

  it('a long CPU task delays everyone: tasks are never interrupted', () => {
    const config: EventLoopConfig = {
      tasks: [downloadTask('A', 1), { id: 'Busy', steps: [{ kind: 'cpu', ticks: 20 }] }],
    }
    const states = simulateEventLoop(config)
    const aBack = states.find((s) => s.event === 'io-done' && s.task === 'A')
    // A's response arrived at t=2, but the loop only sees it once Busy gives control back.
    expect(aBack?.clock).toBe(21)
    expect(states.at(-1)?.clock).toBe(22)
  })

  it('rejects bad configs in Chinese', () => {
    expect(() => simulateEventLoop({ tasks: [] })).toThrow(/任务数/)
    expect(() => simulateEventLoop({ tasks: [downloadTask('A', 1), downloadTask('A', 2)] })).toThrow(/互不相同/)
    expect(() => simulateEventLoop({ tasks: [downloadTask('A', 0)] })).toThrow(/步骤时长/)
    expect(() => simulateEventLoop({ tasks: [{ id: 'A', steps: [] }] })).toThrow(/至少要有一个步骤/)
  })
})
