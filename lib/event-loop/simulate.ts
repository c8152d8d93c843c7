// A step-by-step simulation of the article's simplified asyncio event loop, for the event-loop
// demo. Pure and deterministic: the demo steps through the returned states by index.
//
// Rules (with the translator's correction: a task that awaits goes to the WAITING list, not back to
// the ready list):
// - the loop takes the first task of the ready list and runs it until it awaits or finishes;
// - a task that awaits I/O moves to the waiting list; once its I/O has completed, the loop moves it
//   to the end of the ready list the next time it gets control;
// - a task that awaits something already done (asyncio.sleep(0)) goes straight to the end of the
//   ready list: it gives the loop a turn without waiting for anything;
// - tasks are never interrupted; a task that finishes leaves the loop. A response that arrives
//   while a task computes stays in the waiting list until that task gives control back.
import { integerRangeMessage } from '@/lib/format/integer-range-message'

/**
 * CPU work the task does while it runs, I/O it awaits, or a bare yield (`await asyncio.sleep(0)`).
 * Ticks are the simulated time unit.
 */
export type SimStep = { kind: 'cpu'; ticks: number } | { kind: 'io'; ticks: number } | { kind: 'yield' }

export interface SimTask {
  /** Short name shown in lists and explanations, e.g. "A". */
  id: string
  steps: readonly SimStep[]
}

export interface EventLoopConfig {
  tasks: readonly SimTask[]
}

/** `arrive`: a response came back while another task held the loop, so nobody could act on it. */
export type EventLoopEvent = 'start' | 'run' | 'await' | 'yield' | 'arrive' | 'io-done' | 'idle' | 'finish' | 'end'

export interface WaitingTask {
  id: string
  /** Clock value at which its I/O completes. */
  readyAt: number
}

export interface EventLoopState {
  /** Position in the states array. */
  index: number
  clock: number
  /** What just happened. */
  event: EventLoopEvent
  /** The task the event is about; null for start, idle and end. */
  task: string | null
  running: string | null
  ready: readonly string[]
  waiting: readonly WaitingTask[]
  done: readonly string[]
  /** One line of Chinese saying what just happened. */
  explanation: string
}

/** A download as the article's async example does it: prepare, await the response, process it. */
export function downloadTask(id: string, latency: number, cpuTicks = 1): SimTask {
  return {
    id,
    steps: [
      { kind: 'cpu', ticks: cpuTicks },
      { kind: 'io', ticks: latency },
      { kind: 'cpu', ticks: cpuTicks },
    ],
  }
}

/** Four downloads with different latencies, so responses come back in a different order. */
export const defaultEventLoopConfig: EventLoopConfig = {
  tasks: [downloadTask('A', 6), downloadTask('B', 3), downloadTask('C', 8), downloadTask('D', 4)],
}

export const eventLoopLimits = { tasks: 12, ticksPerStep: 1_000 } as const

function checkConfig({ tasks }: EventLoopConfig): void {
  if (tasks.length === 0 || tasks.length > eventLoopLimits.tasks) {
    throw new RangeError(`任务数必须是 1 到 ${eventLoopLimits.tasks} 个`)
  }
  const ids = new Set<string>()
  for (const task of tasks) {
    if (task.id === '' || ids.has(task.id)) throw new RangeError(`任务名必须非空且互不相同：“${task.id}”`)
    ids.add(task.id)
    if (task.steps.length === 0) throw new RangeError(`任务 ${task.id} 至少要有一个步骤`)
    for (const step of task.steps) {
      if (step.kind === 'yield') continue
      // CPU steps may take 0 ticks (a task that awaits at once); I/O always takes time.
      const min = step.kind === 'io' ? 1 : 0
      if (!Number.isInteger(step.ticks) || step.ticks < min || step.ticks > eventLoopLimits.ticksPerStep) {
        throw new RangeError(integerRangeMessage(`任务 ${task.id} 的步骤时长`, min, eventLoopLimits.ticksPerStep))
      }
    }
  }
}

/** Every state of one run, from "all tasks ready" to "all tasks done". Deterministic. */
export function simulateEventLoop(config: EventLoopConfig = defaultEventLoopConfig): EventLoopState[] {
  checkConfig(config)
  const stepsOf = new Map(config.tasks.map((task) => [task.id, task.steps]))
  /** Index of each task's next step. */
  const nextStep = new Map(config.tasks.map((task) => [task.id, 0]))

  let clock = 0
  let running: string | null = null
  const ready: string[] = config.tasks.map((task) => task.id)
  let waiting: WaitingTask[] = []
  const done: string[] = []
  const states: EventLoopState[] = []
  const emit = (event: EventLoopEvent, task: string | null, explanation: string): void => {
    states.push({
      index: states.length,
      clock,
      event,
      task,
      running,
      ready: [...ready],
      waiting: waiting.map((entry) => ({ ...entry })),
      done: [...done],
      explanation,
    })
  }

  emit('start', null, `事件循环启动：${ready.length} 个任务都在就绪列表里，按顺序等着运行`)

  while (ready.length > 0 || waiting.length > 0) {
    const id = ready.shift()
    if (id === undefined) {
      // Nothing can run: the loop sleeps until the earliest I/O completes.
      const wakeAt = Math.min(...waiting.map((entry) => entry.readyAt))
      const from = clock
      clock = wakeAt
      emit('idle', null, `就绪列表是空的：事件循环什么也不做，等 I/O，时钟从 t=${from} 走到 t=${wakeAt}`)
    } else {
      running = id
      let position = nextStep.get(id) ?? 0
      const how = position === 0 ? '让它开始运行' : '它从上次 await 的地方接着运行'
      emit('run', id, `事件循环从就绪列表取出任务 ${id}，${how}`)
      const steps = stepsOf.get(id) ?? []
      // Run CPU steps until the task awaits (an io step) or runs out of steps.
      let cpuTicks = 0
      let step = steps[position]
      while (step?.kind === 'cpu') {
        cpuTicks += step.ticks
        position++
        step = steps[position]
      }
      // Responses that come back while it computes: the loop cannot act on them until it has
      // control again, so they are shown arriving and left in the waiting list.
      const end = clock + cpuTicks
      const arrivals = waiting.filter((entry) => entry.readyAt > clock && entry.readyAt < end).sort((a, b) => a.readyAt - b.readyAt)
      for (const entry of arrivals) {
        clock = entry.readyAt
        emit(
          'arrive',
          entry.id,
          `t=${clock}：任务 ${entry.id} 的响应已经到了，可任务 ${id} 还在计算、没有 await，事件循环拿不回控制权，${entry.id} 只能留在等待列表里`,
        )
      }
      clock = end
      const ranFor = cpuTicks > 0 ? `运行 ${cpuTicks} 个时间单位后` : ''
      const held = arrivals.length > 0 ? `；这期间到达的 ${arrivals.length} 个响应都在等它` : ''
      running = null
      if (step === undefined) {
        done.push(id)
        emit('finish', id, `任务 ${id} ${ranFor}执行完毕，离开事件循环${held}`)
      } else if (step.kind === 'yield') {
        nextStep.set(id, position + 1)
        ready.push(id)
        emit('yield', id, `任务 ${id} ${ranFor}await asyncio.sleep(0)：不等任何东西，只是把控制权交还，自己排到就绪列表末尾${held}`)
      } else {
        nextStep.set(id, position + 1)
        waiting.push({ id, readyAt: clock + step.ticks })
        emit('await', id, `任务 ${id} ${ranFor}发起请求并 await：移入等待列表（t=${clock + step.ticks} 时响应到达）${held}`)
      }
    }
    // The loop has control again: every task whose I/O has completed goes to the end of the ready
    // list, earliest completion first (ties keep waiting-list order).
    const completed = waiting.filter((entry) => entry.readyAt <= clock).sort((a, b) => a.readyAt - b.readyAt)
    for (const entry of completed) {
      waiting = waiting.filter((other) => other !== entry)
      ready.push(entry.id)
      emit('io-done', entry.id, `任务 ${entry.id} 的响应已到达：从等待列表移回就绪列表末尾`)
    }
  }

  const totalIo = config.tasks.flatMap((task) => task.steps).reduce((sum, step) => (step.kind === 'io' ? sum + step.ticks : sum), 0)
  emit('end', null, `全部 ${done.length} 个任务完成，共用 ${clock} 个时间单位；各任务等待 I/O 的时间加起来是 ${totalIo}，等待是重叠进行的`)
  return states
}

/** The clock at which each task finished, from a run's states. */
export function finishTimes(states: readonly EventLoopState[]): Map<string, number> {
  const times = new Map<string, number>()
  for (const state of states) if (state.event === 'finish' && state.task !== null) times.set(state.task, state.clock)
  return times
}
