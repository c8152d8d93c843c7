// Browser-only: the CPU worker as a bundled module worker. Apart from cpu.ts, which the worker
// itself imports, so the worker never references its own entry.
import type { WorkerLike } from '../engine/worker-protocol'

export function createCpuWorker(): Worker {
  return new Worker(new URL('./cpu.worker.ts', import.meta.url), { type: 'module', name: 'cpu' })
}

// A real Worker must satisfy the engine's WorkerLike; this line fails to compile if it stops.
export const cpuWorkerFactory: () => WorkerLike = createCpuWorker
