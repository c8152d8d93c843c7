import type { StrategyId } from '@/lib/engine/types'

export interface StrategyInfo {
  label: string
  /** The article's Python counterpart. */
  python: string
  /** Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
  color: string
}

export const strategyInfo: Record<StrategyId, StrategyInfo> = {
  sequential: { label: '顺序', python: '同步版本', color: '#0072B2' },
  pool: { label: '并发池', python: 'ThreadPoolExecutor', color: '#E69F00' },
  async: { label: 'Promise.all', python: 'asyncio.gather', color: '#009E73' },
  'async-yield': { label: 'async + 让出', python: '协作式让出', color: '#56B4E9' },
  workers: { label: 'Web Worker 池', python: 'multiprocessing.Pool', color: '#CC79A7' },
}
