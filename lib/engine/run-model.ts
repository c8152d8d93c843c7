// The run model, declared once as schemas: the engine's types are inferred from them, and the
// stored history, the lab's links and imported files are checked against the same shapes.
// zod/mini, because the lab and every demo parse with it in the browser. The schemas are built
// on first use: a page that checks nothing (a first visit) never pays for building them.
import * as z from 'zod/mini'
import { onFirstUse } from '@/lib/schema/on-first-use'

/** What the engine runs in the browser's JavaScript. */
export const javascriptStrategyIds = ['sequential', 'pool', 'async', 'async-yield', 'workers'] as const
export type JavaScriptStrategyId = (typeof javascriptStrategyIds)[number]

/** The article's own Python programs, run by the browser's Python or the reader's own. */
export const pythonStrategyIds = ['py-sequential', 'py-threads', 'py-asyncio', 'py-processes', 'py-cpu', 'py-cpu-processes'] as const
export type PythonStrategyId = (typeof pythonStrategyIds)[number]

export const strategyIds = [...javascriptStrategyIds, ...pythonStrategyIds] as const

export function isJavaScriptStrategy(id: string): id is JavaScriptStrategyId {
  return (javascriptStrategyIds as readonly string[]).includes(id)
}
export function isPythonStrategy(id: string): id is PythonStrategyId {
  return (pythonStrategyIds as readonly string[]).includes(id)
}

export const workloadKinds = ['io', 'cpu'] as const

/** Where a run ran: the browser's JavaScript, CPython compiled to WebAssembly (Pyodide) in the browser, or the reader's own python3. */
export const runtimeIds = ['browser-js', 'pyodide', 'native-python'] as const

export const runStatuses = ['done', 'cancelled', 'error'] as const

function buildRunModelSchemas() {
  const strategyId = z.enum(strategyIds)
  const workloadKind = z.enum(workloadKinds)
  const runtime = z.enum(runtimeIds)
  const runStatus = z.enum(runStatuses)

  /** Why a job failed, so a summary can say so without parsing `detail`. */
  const spanFailure = z.object({
    /** http: the server answered an error status; network: no answer; cancelled: the run stopped first; worker: the worker failed. */
    kind: z.enum(['http', 'network', 'cancelled', 'worker']),
    /** The HTTP status, for kind http. */
    status: z.optional(z.number()),
    /** The server's or the browser's own words, shortened. */
    message: z.optional(z.string()),
  })

  /** One job (a download, a number to sum) as it ran. Times are ms from the run's start. */
  const span = z.object({
    job: z.number(),
    /** Which pool slot, worker or connection carried the job. */
    lane: z.number(),
    start: z.number(),
    end: z.number(),
    ok: z.boolean(),
    /**
     * When a download actually went out on a connection (ms from the run's start), where the
     * browser's resource timing tells it. Between start and wireStart it queued for a connection.
     */
    wireStart: z.optional(z.number()),
    /** When its response had fully arrived (resource timing responseEnd), ms from the run's start. */
    wireEnd: z.optional(z.number()),
    /** Human-readable outcome, e.g. "200 · 1024 B" or "sum = 41666…". */
    detail: z.string(),
    /** A computing job's exact result, as a decimal string (sums pass 2^53). */
    value: z.optional(z.string()),
    failure: z.optional(spanFailure),
  })

  const runEnvironment = z.object({
    /** From PerformanceResourceTiming.nextHopProtocol, e.g. "http/1.1", "h2"; null when unknown. */
    protocol: z.nullable(z.string()),
    cores: z.nullable(z.number()),
    crossOriginIsolated: z.boolean(),
    browser: z.string(),
  })

  /**
   * What an I/O run records: its knobs and what they resolved to in this browser. Fields that
   * older stored runs may lack get the value they then had.
   */
  const ioRunParams = z.object({
    sites: z.number(),
    latencyMs: z.number(),
    jitterMs: z._default(z.number(), 0),
    poolSize: z.number(),
    workers: z._default(z.number(), 0),
    hosts: z._default(z.number(), 1),
    seed: z._default(z.string(), ''),
    workerCount: z._default(z.number(), 0),
    timeScale: z._default(z.number(), 1),
    origins: z._default(z.array(z.string()), []),
  })

  /** What a CPU run records: the first n, how many numbers, and the workers it had. */
  const cpuRunParams = z.object({
    base: z.number(),
    jobs: z.number(),
    workerCount: z.number(),
  })

  const runFields = {
    id: z.string(),
    strategy: strategyId,
    /** Runs stored before runtimes existed all ran in the browser's JavaScript. */
    runtime: z._default(runtime, 'browser-js'),
    /** E.g. "CPython 3.14.2 (Pyodide 314.0.8)" or "CPython 3.11.7"; absent for the browser's JavaScript. */
    runtimeVersion: z.optional(z.string()),
    spans: z.array(span),
    totalMs: z.number(),
    status: runStatus,
    /** The most jobs that were in flight at once, as the engine saw it. */
    maxInFlight: z.number(),
    environment: runEnvironment,
    error: z.optional(z.string()),
    startedAt: z.string(),
  }

  const ioRun = z.object({ ...runFields, workload: z.literal('io'), params: ioRunParams })
  const cpuRun = z.object({ ...runFields, workload: z.literal('cpu'), params: cpuRunParams })

  /** A run as the engine returns it, the store keeps it and the lab exports it. */
  const run = z.discriminatedUnion('workload', [ioRun, cpuRun])

  return { strategyId, workloadKind, runtime, runStatus, spanFailure, span, runEnvironment, ioRunParams, cpuRunParams, ioRun, cpuRun, run }
}

/** The run model's schemas: the stored history, imported files and workers' answers are checked with them. */
export const runModelSchemas = onFirstUse(buildRunModelSchemas)
type RunModelSchemas = ReturnType<typeof buildRunModelSchemas>

export type StrategyId = z.infer<RunModelSchemas['strategyId']>
export type WorkloadKind = z.infer<RunModelSchemas['workloadKind']>
export type RuntimeId = z.infer<RunModelSchemas['runtime']>
export type RunStatus = z.infer<RunModelSchemas['runStatus']>
export type SpanFailure = z.infer<RunModelSchemas['spanFailure']>
export type Span = z.infer<RunModelSchemas['span']>
export type RunEnvironment = z.infer<RunModelSchemas['runEnvironment']>
export type IoRunParams = z.infer<RunModelSchemas['ioRunParams']>
export type CpuRunParams = z.infer<RunModelSchemas['cpuRunParams']>
export type IoRun = z.infer<RunModelSchemas['ioRun']>
export type CpuRun = z.infer<RunModelSchemas['cpuRun']>
export type Run = IoRun | CpuRun
export type RunOf<W extends WorkloadKind> = Extract<Run, { workload: W }>
export type RunParamsOf<W extends WorkloadKind> = RunOf<W>['params']
