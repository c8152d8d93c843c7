// Browser-only: the race worker as a bundled module worker. Kept apart from the orchestrator so
// Node tests and server code never see `new Worker`.
import type { WorkerLike } from '../engine/worker-protocol'

export function createRaceWorker(): Worker {
  return new Worker(new URL('./race.worker.ts', import.meta.url), { type: 'module', name: 'race' })
}

// A real Worker must satisfy the engine's WorkerLike; this line fails to compile if it stops.
export const raceWorkerFactory: () => WorkerLike = createRaceWorker
