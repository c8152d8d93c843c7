// The mock latency server: validate, wait with a timer, answer. Framework-agnostic, so the
// Next.js route handler and the lean custom server share it.
import { parseLatencyQuery, type LatencyQuery } from './query'
import { latencyLimits } from './profiles'
import { randomFromSeed } from './seeded-random'

export interface LatencyResponse {
  status: number
  /** A fresh object for every response: a server may add to it (e.g. Content-Length). */
  headers: Record<string, string>
  body: Uint8Array<ArrayBuffer> | string
}

export interface LatencyPlan {
  /** The delay after jitter, in whole ms. */
  delayMs: number
  /** Whether this request answers 503. */
  fails: boolean
}

/** Not sent to anyone: the client has gone. Borrowed from nginx's "client closed request". */
export const clientClosedStatus = 499

/**
 * The page may fetch from sibling loopback host names (domain sharding) and may be cross-origin
 * isolated (COEP require-corp), so every answer is readable from any origin. One literal per
 * call on purpose: spreading a shared header object cost microseconds per request here.
 */
export function latencyAnswerHeaders(contentType: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'Server-Timing, X-Latency-Delay-Ms',
    'Timing-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  }
  if (contentType !== null) headers['Content-Type'] = contentType
  return headers
}

/** Pure given a seed: the same (seed, ms, jitter, fail) always gives the same plan. */
export function planLatency(query: LatencyQuery, random: () => number = Math.random): LatencyPlan {
  // Always draw twice, in this order, so the failure draw does not depend on the jitter.
  const jitterDraw = random()
  const failDraw = random()
  const jittered = query.ms + (2 * jitterDraw - 1) * query.jitter
  return { delayMs: Math.max(0, Math.round(jittered)), fails: failDraw < query.fail }
}

export function planFromQuery(query: LatencyQuery): LatencyPlan {
  return planLatency(query, query.seed === null ? Math.random : randomFromSeed(query.seed))
}

// One buffer for every body: a response is a view into it, never a fresh allocation.
let sharedBody: Uint8Array<ArrayBuffer> | null = null

function bodyOfSize(size: number): Uint8Array<ArrayBuffer> {
  sharedBody ??= new Uint8Array(new ArrayBuffer(latencyLimits.maxSize)).fill(0x2e)
  return sharedBody.subarray(0, size)
}

/**
 * The route's error answer, `{ "error": { "field", "message" } }` with a Chinese message. The
 * custom server sends it too, for requests it refuses before they reach the route.
 */
export function latencyErrorResponse(status: number, field: string, message: string): LatencyResponse {
  return {
    status,
    headers: latencyAnswerHeaders('application/json; charset=utf-8'),
    body: JSON.stringify({ error: { field, message } }),
  }
}

function answerAfterWait(query: LatencyQuery, plan: LatencyPlan, waitedMs: number): LatencyResponse {
  const response: LatencyResponse = plan.fails
    ? latencyErrorResponse(503, 'fail', `模拟的服务器故障：按 fail=${query.fail} 的概率，这次请求失败了（503）`)
    : { status: 200, headers: latencyAnswerHeaders('application/octet-stream'), body: bodyOfSize(query.size) }
  response.headers['Server-Timing'] = `wait;dur=${waitedMs.toFixed(1)}`
  response.headers['X-Latency-Delay-Ms'] = String(plan.delayMs)
  return response
}

function clientClosedResponse(): LatencyResponse {
  return { status: clientClosedStatus, headers: latencyAnswerHeaders(null), body: '' }
}

/**
 * What to do with one request, decided synchronously: answer now (bad query, zero delay) or wait
 * `delayMs` and then answer. The lean server times the wait itself; handleLatencyRequest wraps it.
 */
export type LatencyRequestPlan = { wait: false; response: LatencyResponse } | { wait: true; delayMs: number; respond: (waitedMs: number) => LatencyResponse }

export function planLatencyRequest(searchParams: URLSearchParams): LatencyRequestPlan {
  const parsed = parseLatencyQuery(searchParams)
  if (!parsed.ok) return { wait: false, response: latencyErrorResponse(400, parsed.error.field, parsed.error.message) }
  const { query } = parsed
  const plan = planFromQuery(query)
  const respond = (waitedMs: number) => answerAfterWait(query, plan, waitedMs)
  return plan.delayMs === 0 ? { wait: false, response: respond(0) } : { wait: true, delayMs: plan.delayMs, respond }
}

/** Waits on a timer (never a busy loop); an abort clears the timer and settles at once. */
export function handleLatencyRequest(searchParams: URLSearchParams, signal?: AbortSignal): Promise<LatencyResponse> {
  const plan = planLatencyRequest(searchParams)
  if (!plan.wait) return Promise.resolve(plan.response)
  if (signal?.aborted) return Promise.resolve(clientClosedResponse())
  const startedAt = performance.now()
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer)
      resolve(clientClosedResponse())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve(plan.respond(performance.now() - startedAt))
    }, plan.delayMs)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The methods the route answers, as its `Allow` header and its 405 message name them. */
export const latencyAllowedMethods = 'GET, HEAD, OPTIONS'

/** CORS preflight. Plain GETs need none, but a page adding headers to its fetch would. */
export function latencyPreflightResponse(): LatencyResponse {
  const headers = latencyAnswerHeaders(null)
  headers['Access-Control-Allow-Methods'] = latencyAllowedMethods
  headers['Access-Control-Allow-Headers'] = '*'
  headers['Access-Control-Max-Age'] = '86400'
  return { status: 204, headers, body: '' }
}

export function latencyMethodNotAllowedResponse(method: string): LatencyResponse {
  const response = latencyErrorResponse(405, 'method', `/api/latency 只接受 GET、HEAD 和 OPTIONS 请求，收到的是 ${method.slice(0, 16)}`)
  response.headers.Allow = latencyAllowedMethods
  return response
}
