// Browser-only: the Python worker as a bundled module worker (Pyodide's loader is an ES module).
export function createPythonWorker(name: string): Worker {
  return new Worker(new URL('./python.worker.ts', import.meta.url), { type: 'module', name })
}
