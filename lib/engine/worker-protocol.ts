// What the engine and a workload's worker script say to each other. The engine owns the pool;
// a worker runs one job at a time (with WorkerPoolOptions.queuedPerWorker it may hold more).

import type { JobOutcome } from './job-outcome'

/** The part of `Worker` the engine uses, so Node tests can pass a fake. A real Worker fits it. */
export interface WorkerLike {
  postMessage(message: unknown): void
  terminate(): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void
  /** Optional so minimal fakes fit; a real Worker has it, and the engine detaches its listeners with it. */
  removeEventListener?(type: 'message', listener: (event: { data: unknown }) => void): void
  removeEventListener?(type: 'error', listener: (event: { message?: string }) => void): void
}

/** Main → worker, once after creation: warm up (compile the hot path), then answer ready. */
export interface WorkerWarmUpMessage {
  type: 'warm-up'
}

/** Worker → main: warm and waiting for jobs. */
export interface WorkerReadyMessage {
  type: 'ready'
  /**
   * performance.timeOrigin + performance.now() in the worker when it became ready: the page may
   * be too busy to read the message at once, and its arrival time would then overstate start-up.
   */
  readyAtEpochMs?: number
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

/** Worker → main: the job finished, well or badly, with what it produced (times by the worker's clock). */
export interface WorkerDoneMessage extends JobOutcome {
  type: 'done'
  job: number
}

export function isWorkerJobMessage(data: unknown): data is WorkerJobMessage & Record<string, unknown> {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<Record<keyof WorkerJobMessage, unknown>>
  return message.type === 'job' && typeof message.job === 'number'
}

export function isWorkerAbortMessage(data: unknown): data is WorkerAbortMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'abort'
}

export function isWorkerWarmUpMessage(data: unknown): data is WorkerWarmUpMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'warm-up'
}

export function isWorkerReadyMessage(data: unknown): data is WorkerReadyMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'ready'
}

/** Which demo's code a worker runs: the bundler starts every worker from one shared file. */
export type WorkerKind = 'io' | 'cpu' | 'race'

/** Main → worker, before any job: say which worker you are. Worker → main: the same, with its kind. */
export interface WorkerHelloMessage {
  type: 'hello'
  kind?: WorkerKind
}

export function isWorkerHelloMessage(data: unknown): data is WorkerHelloMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'hello'
}

/** In a worker script: answer the page's hello with this worker's kind. */
export function answerHello(
  scope: { postMessage(message: unknown): void; addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void },
  kind: WorkerKind,
): void {
  scope.addEventListener('message', (event) => {
    if (isWorkerHelloMessage(event.data)) scope.postMessage({ type: 'hello', kind } satisfies WorkerHelloMessage)
  })
}
