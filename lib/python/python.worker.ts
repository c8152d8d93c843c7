// Module Web Worker holding one CPython (Pyodide) interpreter: loads the self-hosted Pyodide,
// reports the bytes fetched and the start-up steps, runs programs with their output streamed and
// capped, and reports every request and job as a span (see prelude.ts). A pool interpreter
// (childIndex set) runs a program as __mp_main__ and answers calls, as multiprocessing's workers do.
import type { loadPyodide as LoadPyodide, PyodideAPI } from 'pyodide'
import { CappedOutput, type OutputStream } from './output-cap'
import { pythonPrelude } from './prelude'
import { pyodideFetchedBytes, pyodideFileBytes } from './pyodide-files'
import type { PageToWorker, WorkerToPage } from './protocol'
import { cleanTraceback } from './traceback'
import { wireTimesFor } from './wire-times'

const scope = self as unknown as Worker & { fetch: typeof fetch } & Record<string, unknown>
const epochNow = () => performance.timeOrigin + performance.now()
const post = (message: WorkerToPage, transfer: Transferable[] = []) => scope.postMessage(message, transfer)
const filename = 'main.py'

let pyodide: PyodideAPI | null = null
let output = new CappedOutput()
let pending: { stream: OutputStream; text: string } | null = null
let pendingDropped = 0
let lastFlush = 0
const unmatchedWire = new Map<string, string>()

function flushOutput(): void {
  lastFlush = performance.now()
  if (!pending && pendingDropped === 0) return
  post({ type: 'output', stream: pending?.stream ?? 'stdout', text: pending?.text ?? '', droppedLines: pendingDropped })
  pending = null
  pendingDropped = 0
}

/** Called per line; a synchronous program never yields to timers, so the write itself flushes every 50 ms. */
function write(stream: OutputStream, line: string): void {
  const droppedBefore = output.droppedLines
  const kept = output.push(stream, `${line}\n`)
  pendingDropped += output.droppedLines - droppedBefore
  if (kept) {
    if (pending && pending.stream !== stream) flushOutput()
    pending = pending ? { stream, text: pending.text + kept } : { stream, text: kept }
  }
  if (performance.now() - lastFlush > 50) flushOutput()
}

// The prelude's calls into JavaScript.
scope.labSpanStart = (id: string, lane: string) => post({ type: 'span-start', id, lane, atEpochMs: epochNow() })
scope.labSpanEndAt = (id: string, url: string, ok: boolean, status: number, bytes: number, atEpochMs: number, error?: string | null) => {
  const wire = wireTimesFor(url)
  if (!wire && status > 0) unmatchedWire.set(id, url)
  post({ type: 'span-end', id, atEpochMs, ok, status, bytes, ...(error ? { error } : {}), ...(wire ?? {}) })
}
scope.labSpanEnd = (id: string, url: string, ok: boolean, status: number, bytes: number, error: string | null) =>
  (scope.labSpanEndAt as (...args: unknown[]) => void)(id, url, ok, status, bytes, epochNow(), error)
scope.labCallEnd = (id: string, value: string) => post({ type: 'span-end', id, atEpochMs: epochNow(), ok: true, value })

/** Resource timing entries are queued after a response completes: look again before the run ends. */
function reportLateWireTimes(): void {
  for (const [id, url] of unmatchedWire) {
    const wire = wireTimesFor(url)
    if (wire) post({ type: 'span-wire', id, ...wire })
  }
  unmatchedWire.clear()
}

let poolRequest = 0
const poolWaiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
function askPage(message: (requestId: number) => WorkerToPage, transfer: Transferable[] = []): Promise<unknown> {
  const requestId = ++poolRequest
  return new Promise((resolve, reject) => {
    poolWaiting.set(requestId, { resolve, reject })
    post(message(requestId), transfer)
  })
}
scope.labPoolStart = (processes: number, initializer: string | null, initargs: Uint8Array<ArrayBuffer>) =>
  askPage((requestId) => ({ type: 'pool-start', requestId, processes, initializer: initializer ?? null, initargs }))
scope.labPoolMap = (fn: string, items: Uint8Array<ArrayBuffer>[]) => askPage((requestId) => ({ type: 'pool-map', requestId, fn, items: [...items] }))
scope.labPoolClose = () => post({ type: 'pool-close' })

/** Counts the decompressed bytes of Pyodide's big files as they stream in. */
function countingFetch(original: typeof fetch, onBytes: (bytes: number) => void): typeof fetch {
  return async (input, init) => {
    const response = await original(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (pyodideFileBytes(url) === undefined || !response.body) return response
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onBytes(chunk.byteLength)
        controller.enqueue(chunk)
      },
    })
    return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

async function load(message: Extract<PageToWorker, { type: 'load' }>): Promise<void> {
  const startedAt = performance.now()
  let loaded = 0
  post({ type: 'progress', step: 'loader', loaded, total: pyodideFetchedBytes })
  const { loadPyodide } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${message.baseUrl}pyodide.mjs`)) as {
    loadPyodide: typeof LoadPyodide
  }
  const originalFetch = scope.fetch
  scope.fetch = countingFetch(originalFetch, (bytes) => {
    loaded += bytes
    post({ type: 'progress', step: loaded < pyodideFetchedBytes ? 'download' : 'start', loaded, total: pyodideFetchedBytes })
  })
  try {
    pyodide = await loadPyodide({ indexURL: message.baseUrl, stdout: (line) => write('stdout', line), stderr: (line) => write('stderr', line) })
  } finally {
    scope.fetch = originalFetch
  }
  post({ type: 'progress', step: 'prelude', loaded, total: pyodideFetchedBytes })
  output = new CappedOutput({ maxLines: message.maxOutputLines, maxChars: message.maxOutputChars })
  if (message.interruptBuffer) pyodide.setInterruptBuffer(message.interruptBuffer)
  performance.setResourceTimingBufferSize(100_000)
  await pyodide.runPythonAsync(pythonPrelude, { filename: '<lab-prelude>' })
  if (message.childIndex !== null) pyodide.globals.get('_lab_child')(message.childIndex)
  post({ type: 'ready', version: pyodide.version, startupMs: performance.now() - startedAt })
}

function tracebackOf(error: unknown): string {
  return cleanTraceback(error instanceof Error ? error.message : String(error))
}

/** The size of CPython's WebAssembly memory (Pyodide's Emscripten module is not in its public types). */
function heapBytesOf(python: PyodideAPI): number | null {
  const heap = (python as unknown as { _module?: { HEAPU8?: Uint8Array } })._module?.HEAPU8
  return heap ? heap.byteLength : null
}

async function run(message: Extract<PageToWorker, { type: 'run' }>, python: PyodideAPI): Promise<void> {
  output = new CappedOutput({ maxLines: output.limits.maxLines, maxChars: output.limits.maxChars })
  performance.clearResourceTimings()
  let traceback: string | undefined
  try {
    const globals = python.globals.get('_lab_prepare')(message.source, filename, message.settings.seed, message.settings.jobFunction)
    await python.runPythonAsync(message.source, { globals, filename })
  } catch (error) {
    traceback = tracebackOf(error)
  } finally {
    python.globals.get('_lab_finish_open')()
    python.globals.get('_lab_untrace_calls')()
  }
  reportLateWireTimes()
  flushOutput()
  const heapBytes = heapBytesOf(python)
  post({
    type: 'done',
    runId: message.runId,
    ok: traceback === undefined,
    ...(traceback ? { traceback } : {}),
    atEpochMs: epochNow(),
    ...(heapBytes !== null ? { heapBytes } : {}),
  })
}

function childInit(message: Extract<PageToWorker, { type: 'child-init' }>, python: PyodideAPI): void {
  output = new CappedOutput({ maxLines: output.limits.maxLines, maxChars: output.limits.maxChars })
  try {
    const { seed, jobFunction } = message.settings
    python.globals.get('_lab_child_init')(message.source, filename, seed, jobFunction, message.initializer, message.initargs)
    post({ type: 'child-ready', ok: true })
  } catch (error) {
    post({ type: 'child-ready', ok: false, traceback: tracebackOf(error) })
  }
  flushOutput()
}

function call(message: Extract<PageToWorker, { type: 'call' }>, python: PyodideAPI): void {
  try {
    const result = python.globals.get('_lab_child_call')(message.fn, message.arg) as Uint8Array<ArrayBuffer>
    flushOutput()
    post({ type: 'call-done', callId: message.callId, ok: true, result }, [result.buffer])
  } catch (error) {
    reportLateWireTimes()
    flushOutput()
    post({ type: 'call-done', callId: message.callId, ok: false, traceback: tracebackOf(error) })
  }
  reportLateWireTimes()
}

scope.addEventListener('message', (event: MessageEvent<PageToWorker>) => {
  const message = event.data
  if (message.type === 'load') {
    load(message).catch((error: unknown) => post({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) }))
    return
  }
  if (message.type === 'pool-started' || message.type === 'pool-mapped') {
    const waiting = poolWaiting.get(message.requestId)
    poolWaiting.delete(message.requestId)
    if (!waiting) return
    if (!message.ok) waiting.reject(new Error(message.error ?? '工作进程出错'))
    else waiting.resolve(message.type === 'pool-mapped' ? message.results : undefined)
    return
  }
  if (!pyodide) return
  if (message.type === 'run') void run(message, pyodide)
  else if (message.type === 'child-init') childInit(message, pyodide)
  else if (message.type === 'call') call(message, pyodide)
})
