// Browser-only: the race worker as a bundled module worker. Kept apart from the orchestrator so
// tests can inject Node worker_threads instead.
export function createRaceWorker(): Worker {
  return new Worker(new URL('./race.worker.ts', import.meta.url), { type: 'module', name: 'race' })
}
