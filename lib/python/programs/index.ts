// Every Python listing a chapter can run, by the id <Demo id="python" program="…" /> names.
import { cpuProcesses } from './cpu-processes'
import { cpuSequential } from './cpu-sequential'
import { ioAsyncio } from './io-asyncio'
import { ioMultiprocessing } from './io-multiprocessing'
import { ioSynchronous } from './io-synchronous'
import { ioThreading } from './io-threading'
import type { PythonStrategyId } from '@/lib/engine/run-model'
import type { PythonProgram } from './program'

export const pythonPrograms = {
  'io-synchronous': ioSynchronous,
  'io-threading': ioThreading,
  'io-asyncio': ioAsyncio,
  'io-multiprocessing': ioMultiprocessing,
  'cpu-sequential': cpuSequential,
  'cpu-processes': cpuProcesses,
} as const satisfies Record<string, PythonProgram>

export type PythonProgramId = keyof typeof pythonPrograms

/** The listing that runs a Python strategy (each strategy is one of the article's programs). */
export function pythonProgramFor(strategy: PythonStrategyId): PythonProgramId {
  const found = (Object.keys(pythonPrograms) as PythonProgramId[]).find((id) => pythonPrograms[id].strategy === strategy)
  if (!found) throw new Error(`no Python program runs ${strategy}`)
  return found
}
