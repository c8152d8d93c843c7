// The JavaScript run a Python run is compared with: its counterpart strategy's newest finished
// run of the same size (the same number of downloads and latency, or the same CPU work).
import { strategyInfo } from '@/lib/engine/strategies'
import type { Run } from '@/lib/engine/types'
import type { PythonProgram } from './programs/program'
import { effectiveLatency, readCpuSize, readSites } from './program-knobs'

export function counterpartRunFor(program: PythonProgram, source: string, runs: readonly Run[]): Run | undefined {
  const strategy = strategyInfo[program.strategy].javascriptCounterpart
  if (!strategy) return undefined
  if (program.workload === 'io') {
    const sites = readSites(source)
    const { latencyMs } = effectiveLatency(source)
    return runs.find(
      (run) => run.strategy === strategy && run.status === 'done' && run.workload === 'io' && run.params.sites === sites && run.params.latencyMs === latencyMs,
    )
  }
  const size = readCpuSize(source)
  return runs.find(
    (run) => run.strategy === strategy && run.status === 'done' && run.workload === 'cpu' && run.params.base === size?.base && run.params.jobs === size?.jobs,
  )
}
