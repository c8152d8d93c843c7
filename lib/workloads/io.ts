// The article's I/O workload: download "sites" from the mock latency server (/api/latency).
// Used by every strategy: the main-thread job runner, the worker script (io.worker.ts) and the
// URL builder share this file, so a job means the same request everywhere.
import type { JobOutcome, JobRunner, WorkerPoolOptions } from '../engine/strategy-options'
import type { SpanFailure } from '../engine/run-model'
import type { WorkerJobMessage, WorkerLike } from '../engine/worker-protocol'
import { formatBytes } from '../format/units'
import type { SiteProfileName } from '../latency/profiles'

export const latencyPath = '/api/latency'

/** The article downloads its two sites 80 times each. */
export const articleSiteCount = 160

/** `alternate` mimics the article's list: jython, olympus, jython, olympus, … */
export type IoSiteChoice = SiteProfileName | 'alternate'

export interface IoParams {
  /** How many downloads (jobs). */
  sites: number
  /** Latency server knobs; left out, the server's (or the site profile's) defaults apply. */
  ms?: number
  jitter?: number
  size?: number
  /** Base seed: job i sends `${seed}-${i}`, so each job's jitter replays exactly. ≤ 58 chars. */
  seed?: string
  fail?: number
  site?: IoSiteChoice
  /** Origins to spread jobs over (domain sharding): job i goes to origins[i % origins.length]. */
  origins: readonly string[]
}

function siteForJob(site: IoSiteChoice | undefined, job: number): SiteProfileName | undefined {
  if (site === 'alternate') return job % 2 === 0 ? 'jython' : 'olympus'
  return site
}

/** The URL of job `job` (0-based). */
export function ioJobUrl(params: IoParams, job: number): string {
  // No origins means same-origin, relative URLs.
  const origin = params.origins[job % params.origins.length] ?? ''
  const query = new URLSearchParams()
  const site = siteForJob(params.site, job)
  if (site !== undefined) query.set('site', site)
  if (params.ms !== undefined) query.set('ms', String(params.ms))
  if (params.jitter !== undefined) query.set('jitter', String(params.jitter))
  if (params.size !== undefined) query.set('size', String(params.size))
  if (params.fail !== undefined) query.set('fail', String(params.fail))
  if (params.seed !== undefined) query.set('seed', `${params.seed}-${job}`)
  const search = query.toString()
  return `${origin}${latencyPath}${search ? `?${search}` : ''}`
}

export function ioJobUrls(params: IoParams): string[] {
  return Array.from({ length: params.sites }, (_, job) => ioJobUrl(params, job))
}

/** "200 · 1.0 KB · 103 ms" */
export function describeIoResult(status: number, bytes: number, elapsedMs: number): string {
  return `${status} · ${formatBytes(bytes)} · ${Math.round(elapsedMs)} ms`
}

export type FetchLike = (url: string, init: { signal: AbortSignal; cache: RequestCache }) => Promise<Response>

/**
 * One download: fetch and read the whole body, as the article's `session.get(url).content` does.
 * An HTTP error (503) is a failed job; an abort rethrows so the engine can tell it apart.
 */
export async function fetchIoJob(
  url: string,
  signal: AbortSignal,
  fetchImpl: FetchLike = fetch,
  now: () => number = () => performance.now(),
): Promise<JobOutcome> {
  const startedAt = now()
  try {
    const response = await fetchImpl(url, { signal, cache: 'no-store' })
    const body = await response.arrayBuffer()
    const outcome: JobOutcome = { ok: response.ok, detail: describeIoResult(response.status, body.byteLength, now() - startedAt) }
    if (!response.ok) outcome.failure = httpFailure(response.status, body)
    const wire = wireTimesOf(url)
    if (wire) {
      outcome.wireStartEpochMs = wire.start
      outcome.wireEndEpochMs = wire.end
    }
    return outcome
  } catch (error) {
    if (signal.aborted) throw error
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, detail: `网络错误 · ${reason}`, failure: { kind: 'network', message: reason.slice(0, 200) } }
  }
}

/** The route's own JSON error says why (e.g. an injected 503); any other body is not read. */
function httpFailure(status: number, body: ArrayBuffer): SpanFailure {
  const failure: SpanFailure = { kind: 'http', status }
  if (body.byteLength > 0 && body.byteLength <= 4096) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(body))
      const message = (parsed as { error?: { message?: unknown } } | null)?.error?.message
      if (typeof message === 'string') failure.message = message.slice(0, 200)
    } catch {
      // Not the route's JSON: the status alone says enough.
    }
  }
  return failure
}

/**
 * When the browser put this URL's request on a connection, from resource timing (URLs are unique
 * per job when a seed is set). Before that moment the request waited for a free connection.
 */
export function wireTimesOf(url: string): { start: number; end: number } | undefined {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByName !== 'function') return undefined
  const absolute = typeof location === 'undefined' ? url : new URL(url, location.href).href
  const entries = performance.getEntriesByName(absolute, 'resource') as PerformanceResourceTiming[]
  const entry = entries[entries.length - 1]
  if (!entry || entry.requestStart <= 0 || entry.responseEnd <= 0) return undefined
  return { start: performance.timeOrigin + entry.requestStart, end: performance.timeOrigin + entry.responseEnd }
}

/** The main-thread job runner for the sequential, pool and async strategies. */
export function createIoJobRunner(params: IoParams, fetchImpl: FetchLike = fetch): JobRunner {
  return (job, _lane, signal) => fetchIoJob(ioJobUrl(params, job), signal, fetchImpl)
}

export interface IoWorkerJobMessage extends WorkerJobMessage {
  url: string
}

export function isIoWorkerJobMessage(data: unknown): data is IoWorkerJobMessage {
  if (typeof data !== 'object' || data === null) return false
  const message = data as Partial<Record<keyof IoWorkerJobMessage, unknown>>
  return message.type === 'job' && typeof message.job === 'number' && typeof message.url === 'string'
}

/** The message that hands job `job` to an io.worker.ts worker. */
export function ioWorkerMessage(params: IoParams, job: number): IoWorkerJobMessage {
  // Workers resolve relative URLs against their script's URL, so send absolute ones.
  const url = ioJobUrl(params, job)
  const absolute = typeof location === 'undefined' ? url : new URL(url, location.href).href
  return { type: 'job', job, url: absolute }
}

/** The `workers` option of runStrategy for this workload. */
export function ioWorkerPoolOptions(params: IoParams, createWorker: () => WorkerLike, size?: number): WorkerPoolOptions {
  const options: WorkerPoolOptions = { createWorker, jobMessage: (job) => ioWorkerMessage(params, job), handshake: { kind: 'io' } }
  if (size !== undefined) options.size = size
  return options
}

export interface ShardPlan {
  origins: string[]
  /** Why these origins, in Chinese, for the UI. */
  reason: string
}

const loopbackHostnames = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

function isLoopback(hostname: string): boolean {
  return loopbackHostnames.has(hostname) || hostname.endsWith('.localhost')
}

/**
 * Origins for domain sharding. HTTP/1.1 browsers open 6 connections per host name; on loopback
 * every `sN.localhost` is another host name for the same server (Chromium and Firefox resolve
 * *.localhost to loopback), so N names allow 6 × N downloads at once.
 */
export function shardOrigins(location: Pick<Location, 'protocol' | 'hostname' | 'port' | 'origin'>, count: number): ShardPlan {
  const wanted = Math.max(1, Math.floor(count))
  if (wanted === 1) return { origins: [location.origin], reason: '只用本站一个主机名' }
  if (!isLoopback(location.hostname)) {
    return {
      origins: [location.origin],
      reason: `页面不在本机（${location.hostname}）上，无法用 *.localhost 分片，只用本站一个主机名`,
    }
  }
  const port = location.port ? `:${location.port}` : ''
  const origins = Array.from({ length: wanted }, (_, index) => `${location.protocol}//s${index + 1}.localhost${port}`)
  return {
    origins,
    reason: `本机回环地址：用 s1.localhost … s${wanted}.localhost 共 ${wanted} 个主机名分片，每个主机名各有 6 个连接`,
  }
}
