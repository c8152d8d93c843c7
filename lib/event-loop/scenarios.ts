// The event-loop demo's scenarios: the article's four downloads, the same downloads beside a task
// that computes without ever awaiting (the io-asyncio chapter's "a task that never yields"), and
// that task again with the same work split by bare yields, to show the cure.
import { defaultEventLoopConfig, type EventLoopConfig, type SimStep } from './simulate'

export const eventLoopScenarioIds = ['downloads', 'blocking', 'yielding'] as const
export type EventLoopScenarioId = (typeof eventLoopScenarioIds)[number]

export interface EventLoopScenario {
  id: EventLoopScenarioId
  /** Button text. */
  label: string
  /** One sentence under the buttons: what this scenario's tasks do. */
  description: string
  config: EventLoopConfig
  /** The task that computes, for the comparison of finish times; absent in the plain downloads. */
  computeTask?: string
}

/** How long the computing task computes in all: long enough to outlast every download's wait. */
export const computeTicks = 10

/** The computing task: `ticks` of CPU in one go, or split into one-tick slices with a yield between. */
export function computeTask(id: string, ticks: number, { yields }: { yields: boolean }): { id: string; steps: SimStep[] } {
  if (!yields) return { id, steps: [{ kind: 'cpu', ticks }] }
  const steps: SimStep[] = []
  for (let slice = 0; slice < ticks; slice++) {
    if (slice > 0) steps.push({ kind: 'yield' })
    steps.push({ kind: 'cpu', ticks: 1 })
  }
  return { id, steps }
}

// The four downloads start first and all await before E takes the loop, so every response
// arrives while E computes.
const downloads = defaultEventLoopConfig.tasks
const computing = 'E'

export const eventLoopScenarios: Record<EventLoopScenarioId, EventLoopScenario> = {
  downloads: {
    id: 'downloads',
    label: '四个下载',
    description: '四个任务各下载一个网页：先做一点准备，await 响应，再处理一下响应。',
    config: defaultEventLoopConfig,
  },
  blocking: {
    id: 'blocking',
    label: '加一个不让出的任务',
    description: `同样四个下载，再加一个任务 ${computing}：一口气计算 ${computeTicks} 个时间单位，中间一次也不 await。`,
    config: { tasks: [...downloads, computeTask(computing, computeTicks, { yields: false })] },
    computeTask: computing,
  },
  yielding: {
    id: 'yielding',
    label: '让它分段让出',
    description: `任务 ${computing} 的计算量不变，但每算 1 个时间单位就 await asyncio.sleep(0) 一次，把控制权交还给事件循环。`,
    config: { tasks: [...downloads, computeTask(computing, computeTicks, { yields: true })] },
    computeTask: computing,
  },
}

export function isEventLoopScenarioId(value: string | undefined): value is EventLoopScenarioId {
  return (eventLoopScenarioIds as readonly string[]).includes(value ?? '')
}
