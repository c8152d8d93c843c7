import { afterEach, describe, expect, it, vi } from 'vitest'
import { runStrategy } from '@/lib/engine'
import { handleLatencyRequest, parseLatencyQuery } from '@/lib/latency'
import {
  createIoJobRunner,
  describeIoResult,
  fetchIoJob,
  ioJobUrl,
  ioJobUrls,
  ioWorkerMessage,
  ioWorkerPoolOptions,
  isIoWorkerJobMessage,
  shardOrigins,
  type FetchLike,
  type IoParams,
} from '@/lib/workloads/io'
import type { IoRunParams } from '@/lib/engine/types'

const baseParams: IoParams = { sites: 4, origins: [] }

describe('ioJobUrl', () => {
  it('leaves out unset knobs so the server defaults apply', () => {
    expect(ioJobUrl(baseParams, 0)).toBe('/api/latency')
  })

  it('spreads jobs over the origins and gives each job its own seed', () => {
    const params: IoParams = {
      sites: 4,
      ms: 100,
      jitter: 20,
      size: 1024,
      fail: 0.1,
      seed: 'lesson',
      origins: ['http://s1.localhost:3000', 'http://s2.localhost:3000'],
    }
    expect(ioJobUrls(params)).toEqual([
      'http://s1.localhost:3000/api/latency?ms=100&jitter=20&size=1024&fail=0.1&seed=lesson-0',
      'http://s2.localhost:3000/api/latency?ms=100&jitter=20&size=1024&fail=0.1&seed=lesson-1',
      'http://s1.localhost:3000/api/latency?ms=100&jitter=20&size=1024&fail=0.1&seed=lesson-2',
      'http://s2.localhost:3000/api/latency?ms=100&jitter=20&size=1024&fail=0.1&seed=lesson-3',
    ])
  })

  it('alternates the two sites like the article and builds queries the server accepts', () => {
    const params: IoParams = { sites: 160, site: 'alternate', seed: 'x', origins: ['http://localhost:3000'] }
    const urls = ioJobUrls(params)
    expect(urls[0]).toContain('site=jython')
    expect(urls[1]).toContain('site=olympus')
    for (const url of urls) expect(parseLatencyQuery(new URL(url).searchParams).ok).toBe(true)
  })
})

describe('shardOrigins', () => {
  it('uses sN.localhost names on loopback', () => {
    for (const hostname of ['localhost', '127.0.0.1', '[::1]', 's1.localhost']) {
      const plan = shardOrigins({ protocol: 'http:', hostname, port: '3000', origin: `http://${hostname}:3000` }, 3)
      expect(plan.origins).toEqual(['http://s1.localhost:3000', 'http://s2.localhost:3000', 'http://s3.localhost:3000'])
      expect(plan.reason).toContain('分片')
    }
  })

  it('keeps the page origin elsewhere, and says why', () => {
    const plan = shardOrigins({ protocol: 'https:', hostname: 'lab.example.edu', port: '', origin: 'https://lab.example.edu' }, 4)
    expect(plan.origins).toEqual(['https://lab.example.edu'])
    expect(plan.reason).toContain('lab.example.edu')
    expect(shardOrigins({ protocol: 'http:', hostname: 'localhost', port: '80', origin: 'http://localhost' }, 1).origins).toEqual(['http://localhost'])
  })
})

function fakeFetch(respond: () => Response | Promise<Response>): FetchLike {
  return async (_url, init) => {
    if (init.signal.aborted) throw new DOMException('aborted', 'AbortError')
    return respond()
  }
}

describe('fetchIoJob', () => {
  const clock = () => {
    let time = 0
    return () => (time += 51.4)
  }

  it('reads the whole body and describes it', async () => {
    const outcome = await fetchIoJob(
      '/api/latency',
      new AbortController().signal,
      fakeFetch(() => new Response(new Uint8Array(1024))),
      clock(),
    )
    expect(outcome).toEqual({ ok: true, detail: '200 · 1.0 KB · 51 ms' })
    expect(describeIoResult(200, 276, 89.6)).toBe('200 · 276 B · 90 ms')
  })

  it("treats a 503 as a failed job, and keeps the route's own reason", async () => {
    const outcome = await fetchIoJob(
      '/x',
      new AbortController().signal,
      fakeFetch(() => new Response('{}', { status: 503 })),
      clock(),
    )
    expect(outcome).toEqual({ ok: false, detail: '503 · 2 B · 51 ms', failure: { kind: 'http', status: 503 } })
    const body = JSON.stringify({ error: { field: 'fail', message: '模拟的服务器故障：按 fail=0.2 的概率，这次请求失败了（503）' } })
    const injected = await fetchIoJob(
      '/x',
      new AbortController().signal,
      fakeFetch(() => new Response(body, { status: 503 })),
      clock(),
    )
    expect(injected.failure).toEqual({ kind: 'http', status: 503, message: '模拟的服务器故障：按 fail=0.2 的概率，这次请求失败了（503）' })
  })

  it('treats a network error as a failed job, and rethrows an abort', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('fetch failed')
    }
    expect(await fetchIoJob('/x', new AbortController().signal, refused)).toEqual({
      ok: false,
      detail: '网络错误 · fetch failed',
      failure: { kind: 'network', message: 'fetch failed' },
    })
    await expect(
      fetchIoJob(
        '/x',
        AbortSignal.abort(),
        fakeFetch(() => new Response('')),
      ),
    ).rejects.toThrow()
  })
})

describe('worker messages', () => {
  it('carry an absolute URL per job', () => {
    const params: IoParams = { sites: 2, ms: 5, origins: ['http://s1.localhost:3000'] }
    const message = ioWorkerMessage(params, 1)
    expect(message).toEqual({ type: 'job', job: 1, url: 'http://s1.localhost:3000/api/latency?ms=5' })
    expect(isIoWorkerJobMessage(message)).toBe(true)
    expect(isIoWorkerJobMessage({ type: 'job', job: 1 })).toBe(false)
    const pool = ioWorkerPoolOptions(
      params,
      () => {
        throw new Error('not in Node')
      },
      3,
    )
    expect(pool.size).toBe(3)
    expect(pool.jobMessage(0)).toEqual(ioWorkerMessage(params, 0))
  })
})

describe('the I/O workload end to end over the latency model', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** What a run of these downloads records. */
  const recorded = (params: IoParams): IoRunParams => ({
    sites: params.sites,
    latencyMs: params.ms ?? 100,
    jitterMs: params.jitter ?? 0,
    poolSize: 3,
    workers: 0,
    hosts: 1,
    seed: params.seed ?? '',
    workerCount: 0,
    timeScale: 1,
    origins: [...params.origins],
  })

  // A fetch that goes straight to lib/latency: the whole chain minus the network.
  const fetchFromLatencyModel: FetchLike = async (url, init) => {
    const answer = await handleLatencyRequest(new URL(url, 'http://localhost').searchParams, init.signal)
    if (init.signal.aborted) throw new DOMException('aborted', 'AbortError')
    return new Response(answer.body, { status: answer.status, headers: answer.headers })
  }

  it('a pool of 3 over 6 downloads of 20 ms takes two waves', async () => {
    const params: IoParams = { sites: 6, ms: 20, size: 1024, origins: [] }
    const run = await runStrategy({
      strategy: 'pool',
      poolSize: 3,
      workload: 'io',
      params: recorded(params),
      jobs: params.sites,
      runJob: createIoJobRunner(params, fetchFromLatencyModel),
    })
    expect(run.status).toBe('done')
    expect(run.spans).toHaveLength(6)
    expect(run.maxInFlight).toBe(3)
    expect(run.totalMs).toBeGreaterThanOrEqual(39)
    expect(run.totalMs).toBeLessThan(400)
    for (const span of run.spans) expect(span.detail).toMatch(/^200 · 1\.0 KB · \d+ ms$/)
  })

  it('seeded failures show up as failed spans, the same ones every time', async () => {
    const params: IoParams = { sites: 20, ms: 0, fail: 0.5, seed: 'replay', origins: [] }
    const failedJobs = async () => {
      const run = await runStrategy({
        strategy: 'async',
        workload: 'io',
        params: recorded(params),
        jobs: params.sites,
        runJob: createIoJobRunner(params, fetchFromLatencyModel),
      })
      return run.spans
        .filter((span) => !span.ok)
        .map((span) => span.job)
        .sort((a, b) => a - b)
    }
    const first = await failedJobs()
    expect(first.length).toBeGreaterThan(0)
    expect(first.length).toBeLessThan(20)
    expect(await failedJobs()).toEqual(first)
  })

  it('cancelling aborts the server-side waits too', async () => {
    vi.useFakeTimers()
    const params: IoParams = { sites: 10, ms: 5000, origins: [] }
    const stop = new AbortController()
    const pending = runStrategy({
      strategy: 'async',
      workload: 'io',
      params: recorded(params),
      jobs: params.sites,
      runJob: createIoJobRunner(params, fetchFromLatencyModel),
      signal: stop.signal,
      now: () => Date.now(),
    })
    await vi.advanceTimersByTimeAsync(100)
    expect(vi.getTimerCount()).toBe(10)
    stop.abort()
    const run = await pending
    expect(run.status).toBe('cancelled')
    expect(vi.getTimerCount()).toBe(0)
  })
})
