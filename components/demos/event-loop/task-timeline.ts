// Turns the simulator's states into one row of segments per task, for the timeline under the
// step-through view. Pure: derived once from the whole run.
import type { EventLoopState } from '@/lib/event-loop/simulate'

/** queued: in the ready list, waiting for its turn; running: has the loop; waiting: awaits I/O. */
export type SegmentKind = 'queued' | 'running' | 'waiting'

export interface TaskSegment {
  kind: SegmentKind
  start: number
  end: number
}

export interface TaskTimeline {
  tasks: string[]
  segments: Map<string, TaskSegment[]>
  /** Clock at the end: the whole run's wall time. */
  totalTime: number
  /** Sum of every I/O wait: what the run would spend waiting if nothing overlapped. */
  waitSum: number
  runSum: number
  longestWait: { task: string; ticks: number }
}

export function buildTaskTimeline(states: readonly EventLoopState[]): TaskTimeline {
  const first = states[0]
  const last = states[states.length - 1]
  if (!first || !last) throw new RangeError('没有可画的状态')
  const tasks = [...first.ready, ...(first.running ? [first.running] : [])]
  const segments = new Map<string, TaskSegment[]>(tasks.map((task) => [task, []]))
  const add = (task: string, kind: SegmentKind, start: number, end: number): void => {
    if (end > start) segments.get(task)?.push({ kind, start, end })
  }

  const queuedSince = new Map<string, number>(tasks.map((task) => [task, first.clock]))
  const runningSince = new Map<string, number>()
  const ioReadyAt = new Map<string, number>()
  let waitSum = 0
  let runSum = 0
  let longestWait = { task: tasks[0] ?? '', ticks: 0 }

  for (const state of states) {
    const task = state.task
    if (task === null) continue
    if (state.event === 'run') {
      add(task, 'queued', queuedSince.get(task) ?? state.clock, state.clock)
      queuedSince.delete(task)
      runningSince.set(task, state.clock)
    } else if (state.event === 'await' || state.event === 'finish' || state.event === 'yield') {
      const since = runningSince.get(task) ?? state.clock
      add(task, 'running', since, state.clock)
      runSum += state.clock - since
      if (state.event === 'await') {
        const readyAt = state.waiting.find((entry) => entry.id === task)?.readyAt ?? state.clock
        ioReadyAt.set(task, readyAt)
        add(task, 'waiting', state.clock, readyAt)
        const ticks = readyAt - state.clock
        waitSum += ticks
        if (ticks > longestWait.ticks) longestWait = { task, ticks }
      }
      // A bare yield puts the task straight back in the ready list: it queues from now.
      if (state.event === 'yield') queuedSince.set(task, state.clock)
    } else if (state.event === 'io-done') {
      // The I/O may have completed while another task held the loop: the task queued since then.
      queuedSince.set(task, ioReadyAt.get(task) ?? state.clock)
    }
  }
  return { tasks, segments, totalTime: last.clock, waitSum, runSum, longestWait }
}
