// Browser-only: the I/O worker as a bundled module worker. Kept apart from io.ts so Node tests
// and server code never see `new Worker`.
import type { WorkerLike } from '../engine/worker-protocol'

export function createIoWorker(): Worker {
  return new Worker(new URL('./io.worker.ts', import.meta.url), { type: 'module', name: 'io' })
}

// A real Worker must satisfy the engine's WorkerLike; this line fails to compile if it stops.
export const ioWorkerFactory: () => WorkerLike = createIoWorker
