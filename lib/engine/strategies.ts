// Each strategy described once: its label, its counterpart in the article, its colour, and the
// workloads it serves. Demos, the lab, its links, charts and export all read this.
import { strategyIds, type StrategyId, type WorkloadKind } from './run-model'

export interface StrategyInfo {
  label: string
  /** The article's Python counterpart. */
  python: string
  /** Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
  color: string
  /** The workloads whose demos offer it, in the order their cards appear. */
  workloads: readonly WorkloadKind[]
}

export const strategyInfo: Readonly<Record<StrategyId, StrategyInfo>> = {
  sequential: { label: '顺序', python: '同步版本', color: '#0072B2', workloads: ['io', 'cpu'] },
  pool: { label: '并发池', python: 'ThreadPoolExecutor', color: '#E69F00', workloads: ['io'] },
  async: { label: 'Promise.all', python: 'asyncio.gather', color: '#009E73', workloads: ['io', 'cpu'] },
  'async-yield': { label: 'async + 让出', python: '协作式让出', color: '#56B4E9', workloads: ['cpu'] },
  workers: { label: 'Web Worker 池', python: 'multiprocessing.Pool', color: '#CC79A7', workloads: ['io', 'cpu'] },
}

/** The strategies a workload's demo offers, in card order. */
export function strategiesFor(workload: WorkloadKind): readonly StrategyId[] {
  return strategyIds.filter((id) => strategyInfo[id].workloads.includes(workload))
}
