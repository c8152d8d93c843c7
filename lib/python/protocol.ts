// The messages between the page and a Python worker. The page checks every answer with these
// schemas (a worker that loaded something else, or a stale cached script, is an error, not a hang).
import * as z from 'zod/mini'

/** A request's or a call's start, on the worker's epoch clock (timeOrigin + now). */
export const pythonSpanStartSchema = z.object({
  type: z.literal('span-start'),
  /** Unique within the run: the worker's own prefix and a counter. */
  id: z.string(),
  /** Who made it: "main", "task:Task-3" (an asyncio task) or "worker:1" (a pool interpreter). */
  lane: z.string(),
  atEpochMs: z.number(),
})

export const pythonSpanEndSchema = z.object({
  type: z.literal('span-end'),
  id: z.string(),
  atEpochMs: z.number(),
  ok: z.boolean(),
  /** A request: its HTTP status (0: no answer) and body bytes. */
  status: z.optional(z.number()),
  bytes: z.optional(z.number()),
  /** A call: its result, as Python's str(). */
  value: z.optional(z.string()),
  error: z.optional(z.string()),
  wireStartEpochMs: z.optional(z.number()),
  wireEndEpochMs: z.optional(z.number()),
})

/** Resource timing that arrived after the request's end was reported. */
export const pythonSpanWireSchema = z.object({ type: z.literal('span-wire'), id: z.string(), wireStartEpochMs: z.number(), wireEndEpochMs: z.number() })

export const loadStepIds = ['loader', 'download', 'start', 'prelude', 'ready'] as const
export type LoadStepId = (typeof loadStepIds)[number]

export const workerToPageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), step: z.enum(loadStepIds), loaded: z.number(), total: z.number() }),
  z.object({ type: z.literal('ready'), version: z.string(), startupMs: z.number() }),
  z.object({ type: z.literal('load-failed'), message: z.string() }),
  z.object({ type: z.literal('output'), stream: z.enum(['stdout', 'stderr']), text: z.string(), droppedLines: z.number() }),
  pythonSpanStartSchema,
  pythonSpanEndSchema,
  pythonSpanWireSchema,
  z.object({
    type: z.literal('done'),
    runId: z.string(),
    ok: z.boolean(),
    traceback: z.optional(z.string()),
    atEpochMs: z.number(),
    /** The interpreter's WebAssembly memory after the run: it grows for a big allocation and never shrinks. */
    heapBytes: z.optional(z.number()),
  }),
  // From a program's multiprocessing.Pool: start interpreters, map a function over pickled items, close.
  z.object({
    type: z.literal('pool-start'),
    requestId: z.number(),
    processes: z.number(),
    initializer: z.nullable(z.string()),
    initargs: z.instanceof(Uint8Array),
  }),
  z.object({ type: z.literal('pool-map'), requestId: z.number(), fn: z.string(), items: z.array(z.instanceof(Uint8Array)) }),
  z.object({ type: z.literal('pool-close') }),
  // A pool interpreter's answers.
  z.object({ type: z.literal('child-ready'), ok: z.boolean(), traceback: z.optional(z.string()) }),
  z.object({
    type: z.literal('call-done'),
    callId: z.number(),
    ok: z.boolean(),
    result: z.optional(z.instanceof(Uint8Array)),
    traceback: z.optional(z.string()),
  }),
])
export type WorkerToPage = z.infer<typeof workerToPageSchema>
export type PythonSpanStart = z.infer<typeof pythonSpanStartSchema>
export type PythonSpanEnd = z.infer<typeof pythonSpanEndSchema>

export interface RunSettings {
  /** Every /api/latency request gets seed=<seed>-<n>: unique URLs (see the prelude). */
  seed: string
  /** A function whose every call is a span (the CPU programs' sum_of_squares); null: none. */
  jobFunction: string | null
}

export type PageToWorker =
  | { type: 'load'; baseUrl: string; interruptBuffer: Uint8Array | null; maxOutputLines: number; maxOutputChars: number; childIndex: number | null }
  | { type: 'run'; runId: string; source: string; settings: RunSettings }
  | { type: 'pool-started'; requestId: number; ok: boolean; error?: string }
  | { type: 'pool-mapped'; requestId: number; ok: boolean; results?: Uint8Array[]; error?: string }
  | { type: 'child-init'; source: string; initializer: string | null; initargs: Uint8Array; settings: RunSettings }
  | { type: 'call'; callId: number; fn: string; arg: Uint8Array }

export function parseWorkerMessage(data: unknown): WorkerToPage | null {
  const parsed = workerToPageSchema.safeParse(data)
  return parsed.success ? parsed.data : null
}
