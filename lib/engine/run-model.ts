// The run model, declared once as schemas: the engine's types are inferred from them, and the
// stored history, the lab's links and imported files are checked against the same shapes.
// zod/mini, because the lab and every demo parse with it in the browser.
import * as z from 'zod/mini'

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
export const strategyIdSchema = z.enum(strategyIds)
export type StrategyId = z.infer<typeof strategyIdSchema>

export const workloadKinds = ['io', 'cpu'] as const
export const workloadKindSchema = z.enum(workloadKinds)
export type WorkloadKind = z.infer<typeof workloadKindSchema>

/** Where a run ran: the browser's JavaScript, CPython compiled to WebAssembly (Pyodide) in the browser, or the reader's own python3. */
export const runtimeIds = ['browser-js', 'pyodide', 'native-python'] as const
export const runtimeSchema = z.enum(runtimeIds)
export type RuntimeId = z.infer<typeof runtimeSchema>

export const runStatuses = ['done', 'cancelled', 'error'] as const
export const runStatusSchema = z.enum(runStatuses)
export type RunStatus = z.infer<typeof runStatusSchema>

/** Why a job failed, so a summary can say so without parsing `detail`. */
export const spanFailureSchema = z.object({
  /** http: the server answered an error status; network: no answer; cancelled: the run stopped first; worker: the worker failed. */
  kind: z.enum(['http', 'network', 'cancelled', 'worker']),
  /** The HTTP status, for kind http. */
  status: z.optional(z.number()),
  /** The server's or the browser's own words, shortened. */
  message: z.optional(z.string()),
})
export type SpanFailure = z.infer<typeof spanFailureSchema>

/** One job (a download, a number to sum) as it ran. Times are ms from the run's start. */
export const spanSchema = z.object({
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
  failure: z.optional(spanFailureSchema),
})
export type Span = z.infer<typeof spanSchema>

export const runEnvironmentSchema = z.object({
  /** From PerformanceResourceTiming.nextHopProtocol, e.g. "http/1.1", "h2"; null when unknown. */
  protocol: z.nullable(z.string()),
  cores: z.nullable(z.number()),
  crossOriginIsolated: z.boolean(),
  browser: z.string(),
})
export type RunEnvironment = z.infer<typeof runEnvironmentSchema>

/**
 * What an I/O run records: its knobs and what they resolved to in this browser. Fields that
 * older stored runs may lack get the value they then had.
 */
export const ioRunParamsSchema = z.object({
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
export type IoRunParams = z.infer<typeof ioRunParamsSchema>

/** What a CPU run records: the first n, how many numbers, and the workers it had. */
export const cpuRunParamsSchema = z.object({
  base: z.number(),
  jobs: z.number(),
  workerCount: z.number(),
})
export type CpuRunParams = z.infer<typeof cpuRunParamsSchema>

const runFields = {
  id: z.string(),
  strategy: strategyIdSchema,
  /** Runs stored before runtimes existed all ran in the browser's JavaScript. */
  runtime: z._default(runtimeSchema, 'browser-js'),
  /** E.g. "CPython 3.14.2 (Pyodide 314.0.8)" or "CPython 3.11.7"; absent for the browser's JavaScript. */
  runtimeVersion: z.optional(z.string()),
  spans: z.array(spanSchema),
  totalMs: z.number(),
  status: runStatusSchema,
  /** The most jobs that were in flight at once, as the engine saw it. */
  maxInFlight: z.number(),
  environment: runEnvironmentSchema,
  error: z.optional(z.string()),
  startedAt: z.string(),
}

export const ioRunSchema = z.object({ ...runFields, workload: z.literal('io'), params: ioRunParamsSchema })
export const cpuRunSchema = z.object({ ...runFields, workload: z.literal('cpu'), params: cpuRunParamsSchema })

/** A run as the engine returns it, the store keeps it and the lab exports it. */
export const runSchema = z.discriminatedUnion('workload', [ioRunSchema, cpuRunSchema])

export type IoRun = z.infer<typeof ioRunSchema>
export type CpuRun = z.infer<typeof cpuRunSchema>
export type Run = IoRun | CpuRun
export type RunOf<W extends WorkloadKind> = Extract<Run, { workload: W }>
export type RunParamsOf<W extends WorkloadKind> = RunOf<W>['params']
