// Each strategy described once: its label, its counterpart in the article, its colour, and the
// workloads it serves. Demos, the lab, its links, charts and export all read this.
import { strategyIds, type StrategyId, type WorkloadKind } from './run-model'

/** The language a strategy's program is written in. */
export type StrategyLanguage = 'javascript' | 'python'

export interface StrategyInfo {
  label: string
  /** The article's Python counterpart. */
  python: string
  /** Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
  color: string
  /** The workloads whose demos offer it, in the order their cards appear. */
  workloads: readonly WorkloadKind[]
  language: StrategyLanguage
  /** For a Python program: the browser JavaScript strategy that stands for it, to compare side by side. */
  javascriptCounterpart?: StrategyId
}

export const strategyInfo: Readonly<Record<StrategyId, StrategyInfo>> = {
  sequential: { label: '顺序', python: '同步版本', color: '#0072B2', workloads: ['io', 'cpu'], language: 'javascript' },
  pool: { label: '并发池', python: 'ThreadPoolExecutor', color: '#E69F00', workloads: ['io'], language: 'javascript' },
  async: { label: 'Promise.all', python: 'asyncio.gather', color: '#009E73', workloads: ['io', 'cpu'], language: 'javascript' },
  'async-yield': { label: 'async + 让出', python: '协作式让出', color: '#56B4E9', workloads: ['cpu'], language: 'javascript' },
  workers: { label: 'Web Worker 池', python: 'multiprocessing.Pool', color: '#CC79A7', workloads: ['io', 'cpu'], language: 'javascript' },
  'py-sequential': {
    label: 'Python 同步',
    python: '同步版本（requests）',
    color: '#0072B2',
    workloads: ['io'],
    language: 'python',
    javascriptCounterpart: 'sequential',
  },
  'py-threads': {
    label: 'Python 线程池',
    python: 'ThreadPoolExecutor',
    color: '#E69F00',
    workloads: ['io'],
    language: 'python',
    javascriptCounterpart: 'pool',
  },
  'py-asyncio': { label: 'Python asyncio', python: 'asyncio.gather', color: '#009E73', workloads: ['io'], language: 'python', javascriptCounterpart: 'async' },
  'py-processes': {
    label: 'Python 进程池',
    python: 'multiprocessing.Pool',
    color: '#CC79A7',
    workloads: ['io'],
    language: 'python',
    javascriptCounterpart: 'workers',
  },
  'py-cpu': { label: 'Python 单解释器', python: '同步版本', color: '#0072B2', workloads: ['cpu'], language: 'python', javascriptCounterpart: 'sequential' },
  'py-cpu-processes': {
    label: 'Python 多解释器',
    python: 'multiprocessing.Pool',
    color: '#CC79A7',
    workloads: ['cpu'],
    language: 'python',
    javascriptCounterpart: 'workers',
  },
}

/** The strategies a workload's demo offers in one language, in card order. */
export function strategiesFor(workload: WorkloadKind, language: StrategyLanguage = 'javascript'): readonly StrategyId[] {
  return strategyIds.filter((id) => strategyInfo[id].workloads.includes(workload) && strategyInfo[id].language === language)
}
