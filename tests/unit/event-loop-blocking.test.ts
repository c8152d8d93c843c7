import { describe, expect, it } from 'vitest'
import { computeTask, computeTicks, eventLoopScenarios } from '@/lib/event-loop/scenarios'
import { finishTimes, simulateEventLoop, type EventLoopState } from '@/lib/event-loop/simulate'

const blocking = simulateEventLoop(eventLoopScenarios.blocking.config)
const yielding = simulateEventLoop(eventLoopScenarios.yielding.config)
const downloads = simulateEventLoop(eventLoopScenarios.downloads.config)
const computing = eventLoopScenarios.blocking.computeTask!
const others = eventLoopScenarios.blocking.config.tasks.map((task) => task.id).filter((id) => id !== computing)

/** The states from the computing task's start to its finish. */
function whileComputing(states: readonly EventLoopState[]): EventLoopState[] {
  const start = states.findIndex((state) => state.event === 'run' && state.task === computing)
  const end = states.findIndex((state) => state.event === 'finish' && state.task === computing)
  return states.slice(start, end + 1)
}

describe('event loop: a task that never yields', () => {
  it('every other task finishes at or after the computing task ends', () => {
    const finished = finishTimes(blocking)
    const end = finished.get(computing)!
    expect(end).toBeGreaterThan(0)
    for (const id of others) expect(finished.get(id)).toBeGreaterThanOrEqual(end)
  })

  it('the computing task holds the loop without a break: it is running in every state from its start to its end', () => {
    const states = whileComputing(blocking)
    expect(states.length).toBeGreaterThan(2)
    for (const state of states.slice(0, -1)) expect(state.running).toBe(computing)
    // Nothing moves to the ready list while it runs.
    for (const state of states) expect(state.ready).toEqual([])
  })

  it('shows each response arriving while it computes, left in the waiting list', () => {
    const arrivals = blocking.filter((state) => state.event === 'arrive')
    expect(arrivals.map((state) => state.task).sort()).toEqual([...others].sort())
    for (const state of arrivals) {
      const entry = state.waiting.find((waiting) => waiting.id === state.task)
      expect(entry?.readyAt).toBe(state.clock)
      expect(state.running).toBe(computing)
      expect(state.explanation).toContain(`任务 ${computing} 还在计算`)
    }
    // They reach the ready list only after it has finished, all at its finish time.
    const end = finishTimes(blocking).get(computing)!
    for (const id of others) {
      const back = blocking.find((state) => state.event === 'io-done' && state.task === id)
      expect(back?.clock).toBe(end)
    }
  })

  it('delays every download by most of the blocking time, against the same work split by yields', () => {
    const late = finishTimes(blocking)
    const early = finishTimes(yielding)
    for (const id of others) expect(late.get(id)! - early.get(id)!).toBeGreaterThanOrEqual(computeTicks / 2)
    // The same work in all: the run ends at the same time either way.
    expect(blocking.at(-1)!.clock).toBe(yielding.at(-1)!.clock)
  })
})

describe('event loop: yielding', () => {
  it('a bare yield puts the task at the end of the ready list, never in the waiting list', () => {
    const yields = yielding.filter((state) => state.event === 'yield')
    expect(yields).toHaveLength(computeTicks - 1)
    for (const state of yields) {
      expect(state.ready.at(-1)).toBe(computing)
      expect(state.waiting.map((entry) => entry.id)).not.toContain(computing)
      expect(state.running).toBeNull()
    }
  })

  it('lets every download finish before the computing task, within two ticks of the plain downloads', () => {
    const finished = finishTimes(yielding)
    const plain = finishTimes(downloads)
    for (const id of others) {
      expect(finished.get(id)).toBeLessThan(finished.get(computing)!)
      expect(finished.get(id)! - plain.get(id)!).toBeLessThanOrEqual(2)
    }
    expect(yielding.some((state) => state.event === 'arrive')).toBe(false)
  })

  it('computeTask splits the work into one-tick slices with a yield between each', () => {
    expect(computeTask('X', 3, { yields: true }).steps).toEqual([
      { kind: 'cpu', ticks: 1 },
      { kind: 'yield' },
      { kind: 'cpu', ticks: 1 },
      { kind: 'yield' },
      { kind: 'cpu', ticks: 1 },
    ])
    expect(computeTask('X', 3, { yields: false }).steps).toEqual([{ kind: 'cpu', ticks: 3 }])
  })

  it('the plain downloads never show an arrival during a run', () => {
    expect(downloads.some((state) => state.event === 'arrive' || state.event === 'yield')).toBe(false)
  })
})
