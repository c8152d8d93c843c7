// What the engine and a workload's worker script say to each other. The engine owns the pool;
// a worker only ever holds one job at a time.

/** The part of `Worker` the engine uses, so Node tests can pass a fake. A real Worker fits it. */
export interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void
}

/** Main → worker: run this job. A workload adds its own payload fields. */
export interface WorkerJobMessage {
  type: 'job'
  job: number
}

/** Main → worker: drop the current job (the engine also terminates the worker). */
export interface WorkerAbortMessage {
  type: 'abort'
}

/** Worker → main: the job finished, well or badly. */
export interface WorkerDoneMessage {
  type: 'done'
  job: number
  ok: boolean
  detail: string
  /** For downloads: performance.timeOrigin + requestStart in the worker (see JobOutcome). */
  wireStartEpochMs?: number
  wireEndEpochMs?: number
}

export function isWorkerDoneMessage(data: unknown): data is WorkerDoneMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<Record<keyof WorkerDoneMessage, unknown>>
  return (
    message.type === 'done' &&
    typeof message.job === 'number' &&
    typeof message.ok === 'boolean' &&
    typeof message.detail === 'string'
  )
}

export function isWorkerJobMessage(data: unknown): data is WorkerJobMessage & Record<string, unknown> {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<Record<keyof WorkerJobMessage, unknown>>
  return message.type === 'job' && typeof message.job === 'number'
}

export function isWorkerAbortMessage(data: unknown): data is WorkerAbortMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'abort'
}
