// Runs one Python program in the browser and returns it as the engine's Run: its spans come from
// the interpreters' records (span-collector.ts), so charts, history, the lab and export take it
// as they take a JavaScript run. Stop is real: an interrupt, then the worker's end if need be.
import { collectEnvironment } from '@/lib/engine/environment'
import type { PythonStrategyId } from '@/lib/engine/run-model'
import type { CpuRunParams, IoRunParams, Run, RunStatus, Span } from '@/lib/engine/types'
import { interruptGraceMs, type PythonInterpreter } from './interpreter'
import type { InterpreterPool, PoolStart } from './interpreter-pool'
import type { OutputStream } from './output-cap'
import type { RunSettings, WorkerToPage } from './protocol'
import { pyodideRuntimeVersion } from './pyodide-files'
import { PythonSpanCollector, type SpanCollectorCallbacks } from './span-collector'

/** A run that takes longer is stopped: time.sleep(600) must end too. */
export const pythonRunLimitMs = 120_000

/**
 * An interpreter whose memory grew past this is ended after its run: WebAssembly memory never
 * shrinks, so a program that once allocated gigabytes would keep them for as long as the page.
 */
export const retireHeapBytes = 1024 * 1024 * 1024

export type PythonRunParams =
  { workload: 'io'; params: (spans: readonly Span[]) => IoRunParams } | { workload: 'cpu'; params: (spans: readonly Span[]) => CpuRunParams }

export interface PythonRunRequest extends SpanCollectorCallbacks {
  strategy: PythonStrategyId
  source: string
  jobFunction: string | null
  run: PythonRunParams
  interpreter: PythonInterpreter
  pool: InterpreterPool
  signal: AbortSignal
  onOutput?: (stream: OutputStream, text: string, droppedLines: number) => void
  onPoolStart?: (start: PoolStart) => void
  limitMs?: number
}

export interface PythonRunResult {
  run: Run
  /** The Python traceback of a program that raised, cleaned of Pyodide's own frames. */
  traceback?: string
  /** Why the run ended early, in Chinese, when it did not finish by itself. */
  stopReason?: string
  /** Set when the interpreter was ended after the run for the memory it had grown to (bytes). */
  retiredHeapBytes?: number
}

const epochNow = () => performance.timeOrigin + performance.now()

export async function runPythonProgram(request: PythonRunRequest): Promise<PythonRunResult> {
  const { interpreter, pool } = request
  const startedAt = new Date().toISOString()
  const runStart = epochNow()
  const collector = new PythonSpanCollector(runStart, request)
  const runId = `py${Date.now().toString(36)}`
  const settings: RunSettings = { seed: runId, jobFunction: request.jobFunction }
  const detach: Array<() => void> = []
  let retiredHeapBytes: number | undefined

  const follow = (source: PythonInterpreter) => {
    detach.push(
      source.listen((message) => {
        if (message.type === 'span-start') collector.start(message)
        else if (message.type === 'span-end') collector.end(message)
        else if (message.type === 'span-wire') collector.wire(message.id, message.wireStartEpochMs, message.wireEndEpochMs)
        else if (message.type === 'output') request.onOutput?.(message.stream, message.text, message.droppedLines)
      }),
    )
  }

  const outcome = await new Promise<{ status: RunStatus; endEpochMs: number; traceback?: string; stopReason?: string }>((resolve) => {
    let settled = false
    const finish = (value: { status: RunStatus; endEpochMs: number; traceback?: string; stopReason?: string }) => {
      if (settled) return
      settled = true
      clearTimeout(limit)
      request.signal.removeEventListener('abort', onAbort)
      resolve(value)
    }
    const hardStop = (reason: string) => {
      interpreter.terminate()
      pool.terminate()
      finish({ status: 'cancelled', endEpochMs: epochNow(), stopReason: reason })
    }
    const stop = (reason: string) => {
      if (settled) return
      if (interpreter.interrupt()) setTimeout(() => hardStop(reason), interruptGraceMs)
      else hardStop(reason)
    }
    const onAbort = () => stop('已停止')
    const limit = setTimeout(() => stop(`运行超过 ${request.limitMs ?? pythonRunLimitMs / 1000} 秒，已自动停止`), request.limitMs ?? pythonRunLimitMs)
    request.signal.addEventListener('abort', onAbort, { once: true })
    interpreter.onCrash = (message) => {
      pool.terminate()
      finish({ status: 'error', endEpochMs: epochNow(), stopReason: message })
    }

    follow(interpreter)
    detach.push(
      interpreter.listen((message: WorkerToPage) => {
        if (message.type === 'done' && message.runId === runId) {
          if ((message.heapBytes ?? 0) > retireHeapBytes) {
            retiredHeapBytes = message.heapBytes
            interpreter.terminate()
          }
          const interrupted = request.signal.aborted || /KeyboardInterrupt/.test(message.traceback ?? '')
          finish({
            status: message.ok ? 'done' : interrupted ? 'cancelled' : 'error',
            endEpochMs: message.atEpochMs,
            ...(message.traceback ? { traceback: message.traceback } : {}),
            ...(interrupted ? { stopReason: '已停止（KeyboardInterrupt）' } : {}),
          })
        } else if (message.type === 'pool-start') {
          pool
            .start(message.processes, { source: request.source, settings, initializer: message.initializer, initargs: message.initargs }, follow)
            .then((start) => {
              request.onPoolStart?.(start)
              interpreter.send({ type: 'pool-started', requestId: message.requestId, ok: true })
            })
            .catch((error: unknown) => interpreter.send({ type: 'pool-started', requestId: message.requestId, ok: false, error: String(error) }))
        } else if (message.type === 'pool-map') {
          pool
            .map(message.fn, message.items)
            .then((results) => interpreter.send({ type: 'pool-mapped', requestId: message.requestId, ok: true, results }))
            .catch((error: unknown) =>
              interpreter.send({ type: 'pool-mapped', requestId: message.requestId, ok: false, error: error instanceof Error ? error.message : String(error) }),
            )
        }
      }),
    )
    interpreter.clearInterrupt()
    interpreter.send({ type: 'run', runId, source: request.source, settings })
  })

  for (const stop of detach) stop()
  interpreter.onCrash = null
  interpreter.clearInterrupt()
  const totalMs = Math.max(0, outcome.endEpochMs - runStart)
  const spans = collector.close(totalMs)
  const error = outcome.status === 'done' ? undefined : (outcome.stopReason ?? lastLine(outcome.traceback))
  const common = {
    id: runId,
    strategy: request.strategy,
    runtime: 'pyodide' as const,
    runtimeVersion: pyodideRuntimeVersion,
    spans,
    totalMs,
    status: outcome.status,
    maxInFlight: collector.maxInFlight,
    environment: collectEnvironment(),
    startedAt,
    ...(error ? { error } : {}),
  }
  const run: Run =
    request.run.workload === 'io'
      ? { ...common, workload: 'io', params: request.run.params(spans) }
      : { ...common, workload: 'cpu', params: request.run.params(spans) }
  return {
    run,
    ...(outcome.traceback ? { traceback: outcome.traceback } : {}),
    ...(outcome.stopReason ? { stopReason: outcome.stopReason } : {}),
    ...(retiredHeapBytes !== undefined ? { retiredHeapBytes } : {}),
  }
}

function lastLine(traceback: string | undefined): string | undefined {
  return traceback?.trim().split('\n').at(-1)?.slice(0, 300)
}
