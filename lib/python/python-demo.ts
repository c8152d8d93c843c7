// The Python runner's logic, React-free: what a run records about itself, the model's
// prediction for an I/O listing, and how many jobs and timeline rows to expect.
import { laneCount } from '@/lib/engine/analysis'
import { predictIoTotalFor } from '@/lib/engine/model'
import type { Span } from '@/lib/engine/types'
import type { PythonProgram } from './programs/program'
import { effectiveLatency, readCpuSize, readSites } from './program-knobs'
import type { PythonRunParams } from './run-program'

/** What the run records, read from the listing that ran and the spans it made. */
export function pythonRunParams(program: PythonProgram, source: string, cores: number, origin: string): PythonRunParams {
  const pooled = program.strategy === 'py-processes' || program.strategy === 'py-cpu-processes'
  const workerCount = (spans: readonly Span[]) => (pooled ? Math.max(laneCount(spans), cores) : 1)
  if (program.workload === 'cpu') {
    return { workload: 'cpu', params: (spans) => ({ base: readCpuSize(source)?.base ?? 0, jobs: spans.length, workerCount: workerCount(spans) }) }
  }
  const { latencyMs, jitterMs } = effectiveLatency(source)
  return {
    workload: 'io',
    params: (spans) => ({
      sites: spans.length,
      latencyMs,
      jitterMs,
      poolSize: program.strategy === 'py-threads' ? 5 : 1,
      workers: pooled ? workerCount(spans) : 0,
      hosts: 1,
      seed: '',
      workerCount: workerCount(spans),
      timeScale: 1,
      origins: [origin],
    }),
  }
}

/** How many jobs the listing will run, if its text says. */
export function expectedJobs(program: PythonProgram, source: string): number {
  return (program.workload === 'cpu' ? readCpuSize(source)?.jobs : readSites(source)) ?? 0
}

/** The model's total for an I/O listing (null for CPU programs and for listings it cannot read). */
export function predictPythonIo(program: PythonProgram, source: string, protocol: string | null, cores: number): number | null {
  const jobs = readSites(source)
  if (program.workload !== 'io' || jobs === null) return null
  return predictIoTotalFor(program.strategy, { jobs, latencyMs: effectiveLatency(source).latencyMs, poolSize: 5, workerCount: cores, protocol, hostCount: 1 })
}

/** Timeline rows from the start of a run, so the chart does not grow row by row. */
export function plannedPythonLanes(program: PythonProgram, source: string, cores: number): number {
  if (program.strategy === 'py-asyncio') return Math.max(1, expectedJobs(program, source))
  if (program.strategy === 'py-processes' || program.strategy === 'py-cpu-processes') return cores
  return 1
}
