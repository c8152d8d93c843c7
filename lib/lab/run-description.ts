// How a run is named in lists, titles and exported images: its demo, strategy, time and settings.
import { strategyInfo } from '@/lib/engine/strategies'
import type { RuntimeId } from '@/lib/engine/run-model'
import type { Run } from '@/lib/engine/types'
import { formatDuration } from '@/lib/format/units'

const runtimeLabels: Readonly<Record<RuntimeId, string>> = { 'browser-js': '浏览器 JavaScript', pyodide: '浏览器 Python', 'native-python': '本机 Python' }

/** Where a run ran, as the history names it: "本机 Python" for the reader's own python3. */
export function runtimeLabel(run: Run): string {
  return runtimeLabels[run.runtime]
}

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
    if (run.strategy === 'pool' || run.strategy === 'py-threads') parts.push(`池大小 ${params.poolSize}`)
    if (run.strategy === 'workers') parts.push(`${params.workerCount} 个 Worker`)
    if (run.strategy === 'py-processes') parts.push(`${params.workerCount} 个${run.runtime === 'native-python' ? '进程' : '解释器'}`)
    if (run.strategy === 'py-asyncio' && run.runtime === 'native-python') parts.push(`连接上限 ${params.poolSize}`)
    if (params.hosts > 1) parts.push(`${params.hosts} 个主机名`)
    if (params.timeScale > 1) parts.push(`慢动作 ×${params.timeScale}`)
    if (params.seed) parts.push(`种子 ${params.seed}`)
    return parts.join(' · ')
  }
  const { params } = run
  const parts = [`基数 ${params.base.toLocaleString('en-US')}`, `${params.jobs} 个数`]
  if (run.strategy === 'workers') parts.push(`${params.workerCount} 个 Worker`)
  if (run.strategy === 'py-cpu-processes') parts.push(`${params.workerCount} 个${run.runtime === 'native-python' ? '进程' : '解释器'}`)
  return parts.join(' · ')
}

export function runTitle(run: Run): string {
  const where = run.runtime === 'browser-js' ? '' : ` · ${runtimeLabel(run)}`
  return `${run.workload === 'io' ? 'I/O 下载' : '计算密集'} · ${strategyInfo[run.strategy].label}${where} · ${formatDuration(run.totalMs)}`
}
