// The page's check of a worker's answer. Apart from worker-protocol.ts, which worker scripts
// import: they never need zod.
import * as z from 'zod/mini'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'
import { onFirstUse } from '@/lib/schema/on-first-use'
import { runModelSchemas } from './run-model'
import type { WorkerDoneMessage } from './worker-protocol'

const workerDoneMessageSchema = onFirstUse(() =>
  z.object({
    type: z.literal('done'),
    job: z.number(),
    ok: z.boolean(),
    detail: z.string(),
    failure: z.optional(runModelSchemas().spanFailure),
    value: z.optional(z.string()),
    wireStartEpochMs: z.optional(z.number()),
    wireEndEpochMs: z.optional(z.number()),
    startedAtEpochMs: z.optional(z.number()),
    finishedAtEpochMs: z.optional(z.number()),
  }),
)

/**
 * Builds the check before a run's workers start, so the first answer is not held up by it while
 * the page measures its frames.
 */
export function prepareWorkerDoneCheck(): void {
  workerDoneMessageSchema()
}

/** Checks every field a worker may send, so nothing malformed reaches a span. */
export function isWorkerDoneMessage(data: unknown): data is WorkerDoneMessage {
  return workerDoneMessageSchema().safeParse(data).success
}

// Built in the first idle moment after load, so neither the page's start nor a worker run's measured
// frames pay for it (with the run model's schemas, about 11 ms).
if (typeof window !== 'undefined') afterLoadWhenIdle(prepareWorkerDoneCheck)
