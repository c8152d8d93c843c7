// How a run is named in lists, titles and exported images: its demo, strategy, time and settings.
import { strategyInfo } from '@/lib/engine/strategies'
import type { Run } from '@/lib/engine/types'
import { formatDuration } from '@/lib/format/units'

/** One line describing a run's settings. */
export function describeRunSettings(run: Run): string {
  const settings = describeWorkloadSettings(run)
  return run.runtime === 'pyodide' ? `浏览器里的 Python（${run.runtimeVersion ?? 'Pyodide'}）· ${settings}` : settings
}

function describeWorkloadSettings(run: Run): string {
  if (run.workload === 'io') {
    const { params } = run
    const parts = [`${params.sites} 个网站`, `延迟 ${params.latencyMs} 毫秒`]
    if (params.jitterMs) parts.push(`抖动 ${params.jitterMs} 毫秒`)
    if (run.strategy === 'pool') parts.push(`池大小 ${params.poolSize}`)
    if (run.strategy === 'workers') parts.push(`${params.workerCount} 个 Worker`)
    if (run.strategy === 'py-processes') parts.push(`${params.workerCount} 个解释器`)
    if (params.hosts > 1) parts.push(`${params.hosts} 个主机名`)
    if (params.timeScale > 1) parts.push(`慢动作 ×${params.timeScale}`)
    if (params.seed) parts.push(`种子 ${params.seed}`)
    return parts.join(' · ')
  }
  const { params } = run
  const parts = [`基数 ${params.base.toLocaleString('en-US')}`, `${params.jobs} 个数`]
  if (run.strategy === 'workers') parts.push(`${params.workerCount} 个 Worker`)
  if (run.strategy === 'py-cpu-processes') parts.push(`${params.workerCount} 个解释器`)
  return parts.join(' · ')
}

export function runTitle(run: Run): string {
  return `${run.workload === 'io' ? 'I/O 下载' : '计算密集'} · ${strategyInfo[run.strategy].label} · ${formatDuration(run.totalMs)}`
}
