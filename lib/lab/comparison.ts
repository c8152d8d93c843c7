// Two runs side by side: which was faster, by how much, and one time axis for both timelines.
import type { Run } from '@/lib/engine/types'
import { formatDuration, formatRatio } from '@/lib/format/units'

export interface RunComparison {
  /** Both timelines share this axis, so equal lengths mean equal times. */
  axisMs: number
  faster: Run
  slower: Run
  /** slower / faster. */
  ratio: number
  differenceMs: number
  /** One sentence for the reader, in Chinese. */
  summary: string
}

export function compareRuns(first: Run, second: Run, name: (run: Run) => string): RunComparison {
  const [faster, slower] = first.totalMs <= second.totalMs ? [first, second] : [second, first]
  const ratio = faster.totalMs > 0 ? slower.totalMs / faster.totalMs : Number.POSITIVE_INFINITY
  const differenceMs = slower.totalMs - faster.totalMs
  const summary =
    differenceMs === 0
      ? `两次运行用时相同（${formatDuration(faster.totalMs)}）。`
      : `${name(faster)} 更快：${formatDuration(faster.totalMs)}，比 ${name(slower)} 的 ${formatDuration(slower.totalMs)} 少 ${formatDuration(differenceMs)}，后者是前者的 ${formatRatio(ratio)}。`
  return { axisMs: Math.max(first.totalMs, second.totalMs, 1), faster, slower, ratio, differenceMs, summary }
}
