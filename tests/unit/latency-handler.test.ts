import { afterEach, describe, expect, it, vi } from 'vitest'
import { GET, OPTIONS } from '@/app/api/latency/route'
import {
  clientClosedStatus,
  handleLatencyRequest,
  latencyMethodNotAllowedResponse,
  latencyPreflightResponse,
  latencyLimits,
  parseLatencyQuery,
  planFromQuery,
  siteProfiles,
  type LatencyResponse,
} from '@/lib/latency'

const chinese = /[\u4e00-\u9fff]/

function request(query: string, signal?: AbortSignal): Promise<LatencyResponse> {
  return handleLatencyRequest(new URLSearchParams(query), signal)
}

function errorOf(response: LatencyResponse): { field: string; message: string } {
  expect(typeof response.body).toBe('string')
  const parsed: unknown = JSON.parse(response.body as string)
  const error = (parsed as { error: { field: string; message: string } }).error
  expect(typeof error.field).toBe('string')
  expect(error.message).toMatch(chinese)
  return error
}

function bodyLength(response: LatencyResponse): number {
  return typeof response.body === 'string' ? new TextEncoder().encode(response.body).length : response.body.byteLength
}

describe('latency handler: good input', () => {
  it('answers 200 with a body of exactly `size` bytes and the contract headers', async () => {
    const response = await request('ms=1&size=1234')
    expect(response.status).toBe(200)
    expect(bodyLength(response)).toBe(1234)
    expect(response.headers['Cache-Control']).toBe('no-store')
    expect(response.headers['Content-Type']).toBe('application/octet-stream')
    expect(response.headers['Access-Control-Allow-Origin']).toBe('*')
    expect(response.headers['Timing-Allow-Origin']).toBe('*')
    expect(response.headers['Cross-Origin-Resource-Policy']).toBe('cross-origin')
    expect(response.headers['Server-Timing']).toMatch(/^wait;dur=\d+(\.\d)?$/)
    expect(response.headers['X-Latency-Delay-Ms']).toBe('1')
  })

  it('accepts the edges of every range', async () => {
    expect((await request('ms=0&size=0&jitter=0&fail=0')).status).toBe(200)
    const biggest = await request(`ms=0&size=${latencyLimits.maxSize}&fail=0.0`)
    expect(biggest.status).toBe(200)
    expect(bodyLength(biggest)).toBe(latencyLimits.maxSize)
    for (const query of ['ms=10000&jitter=5000&fail=1', `seed=${'A-z_0.9:x'.repeat(7).slice(0, 64)}`, 'fail=.5&site=olympus']) {
      expect(parseLatencyQuery(new URLSearchParams(query)).ok).toBe(true)
    }
  })

  it('waits with a timer for about the requested time', async () => {
    const startedAt = performance.now()
    const response = await request('ms=30&size=1')
    const elapsed = performance.now() - startedAt
    expect(response.status).toBe(200)
    expect(elapsed).toBeGreaterThanOrEqual(29)
    expect(Number(response.headers['Server-Timing']?.split('dur=')[1])).toBeGreaterThanOrEqual(29)
  })

  it('uses defaults: 100 ms, no jitter, 1 KB, no failures', () => {
    const parsed = parseLatencyQuery(new URLSearchParams(''))
    expect(parsed).toEqual({ ok: true, query: { ms: 100, jitter: 0, size: 1024, fail: 0, seed: null, site: null } })
  })

  it('takes defaults from a site profile, overridden by explicit values', () => {
    const jython = parseLatencyQuery(new URLSearchParams('site=jython'))
    expect(jython.ok && jython.query.size).toBe(siteProfiles.jython.size)
    const olympus = parseLatencyQuery(new URLSearchParams('site=olympus&ms=7'))
    expect(olympus.ok && olympus.query.ms).toBe(7)
    expect(olympus.ok && olympus.query.jitter).toBe(siteProfiles.olympus.jitter)
  })

  it('the two site profiles average about 90 ms, so 160 sequential downloads take about 14 s', () => {
    const average = (siteProfiles.jython.ms + siteProfiles.olympus.ms) / 2
    expect(160 * average).toBeGreaterThan(12_000)
    expect(160 * average).toBeLessThan(17_000)
  })

  it('makes the delay a pure function of (seed, ms, jitter, fail)', async () => {
    const query = 'ms=5&jitter=5&fail=0.5&size=1&seed=class-7'
    const first = await request(query)
    const second = await request(query)
    expect(second.headers['X-Latency-Delay-Ms']).toBe(first.headers['X-Latency-Delay-Ms'])
    expect(second.status).toBe(first.status)

    const planOf = (seed: string) => {
      const parsed = parseLatencyQuery(new URLSearchParams(`ms=1000&jitter=500&fail=0.5&seed=${seed}`))
      if (!parsed.ok) throw new Error('expected a valid query')
      return planFromQuery(parsed.query)
    }
    const plans = Array.from({ length: 50 }, (_, index) => planOf(`s-${index}`))
    expect(plans.map((plan) => planOf(`s-${plans.indexOf(plan)}`))).toEqual(plans)
    for (const plan of plans) {
      expect(plan.delayMs).toBeGreaterThanOrEqual(500)
      expect(plan.delayMs).toBeLessThanOrEqual(1500)
    }
    // Different seeds spread over the range and both outcomes occur.
    expect(new Set(plans.map((plan) => plan.delayMs)).size).toBeGreaterThan(30)
    expect(plans.some((plan) => plan.fails)).toBe(true)
    expect(plans.some((plan) => !plan.fails)).toBe(true)
  })

  it('fail=1 always answers 503 with a Chinese JSON error, fail=0 never does', async () => {
    for (let index = 0; index < 20; index++) {
      const failing = await request(`ms=0&fail=1&seed=f${index}`)
      expect(failing.status).toBe(503)
      expect(errorOf(failing).field).toBe('fail')
      expect(failing.headers['Cache-Control']).toBe('no-store')
      expect((await request(`ms=0&fail=0&seed=f${index}`)).status).toBe(200)
      expect((await request('ms=0&fail=1')).status).toBe(503)
      expect((await request('ms=0&fail=0')).status).toBe(200)
    }
  })
})

describe('latency handler: bad input', () => {
  const cases: ReadonlyArray<readonly [query: string, field: string]> = [
    ['ms=10001', 'ms'],
    ['ms=-1', 'ms'],
    ['ms=1.5', 'ms'],
    ['ms=abc', 'ms'],
    ['ms=', 'ms'],
    ['ms=1e3', 'ms'],
    ['ms=0x10', 'ms'],
    ['ms=%20100', 'ms'],
    ['ms=99999999999999999999999', 'ms'],
    ['jitter=5001', 'jitter'],
    ['jitter=-5', 'jitter'],
    ['jitter=NaN', 'jitter'],
    ['size=1048577', 'size'],
    ['size=-1', 'size'],
    ['size=1KB', 'size'],
    ['seed=', 'seed'],
    [`seed=${'a'.repeat(65)}`, 'seed'],
    ['seed=has%20space', 'seed'],
    ['seed=%E4%B8%AD', 'seed'],
    ['seed=a/b', 'seed'],
    ['fail=1.01', 'fail'],
    ['fail=-0.1', 'fail'],
    ['fail=Infinity', 'fail'],
    ['fail=', 'fail'],
    ['fail=.', 'fail'],
    ['site=python', 'site'],
    ['site=JYTHON', 'site'],
    ['site=', 'site'],
    ['delay=100', 'delay'],
    ['MS=100', 'MS'],
    ['__proto__=1', '__proto__'],
    ['ms=100&ms=100', 'ms'],
    ['site=jython&site=olympus', 'site'],
    ['ms=5&seed=x&seed=x', 'seed'],
  ]

  for (const [query, field] of cases) {
    it(`"${query.slice(0, 40)}" → 400 naming ${field}`, async () => {
      const response = await request(query)
      expect(response.status).toBe(400)
      expect(response.headers['Content-Type']).toMatch(/^application\/json/)
      expect(errorOf(response).field).toBe(field)
    })
  }

  it('says what is allowed', async () => {
    expect(errorOf(await request('ms=20000')).message).toBe('参数 ms 必须是 0 到 10000 之间的整数（毫秒）')
    expect(errorOf(await request('size=x')).message).toContain('1,048,576')
    expect(errorOf(await request('site=x')).message).toContain('jython')
    expect(errorOf(await request('ms=1&ms=2')).message).toContain('只能出现一次')
    expect(errorOf(await request('foo=1')).message).toContain('ms、jitter、size、seed、fail、site')
  })

  it('echoes only a short prefix of a huge unknown key', async () => {
    const error = errorOf(await request(`${'k'.repeat(100_000)}=1`))
    expect(error.field.length).toBeLessThanOrEqual(65)
  })
})

describe('latency handler: methods', () => {
  it('405 names exactly the methods its Allow header lists', () => {
    const response = latencyMethodNotAllowedResponse('PUT')
    expect(response.status).toBe(405)
    expect(response.headers.Allow).toBe('GET, HEAD, OPTIONS')
    const { field, message } = errorOf(response)
    expect(field).toBe('method')
    expect(message).toBe('/api/latency 只接受 GET、HEAD 和 OPTIONS 请求，收到的是 PUT')
    for (const method of response.headers.Allow?.split(', ') ?? []) expect(message).toContain(method)
  })

  it('the preflight allows the same methods', () => {
    expect(latencyPreflightResponse().headers['Access-Control-Allow-Methods']).toBe(latencyMethodNotAllowedResponse('PUT').headers.Allow)
  })

  it('echoes at most 16 characters of an unknown method', () => {
    expect(errorOf(latencyMethodNotAllowedResponse('X'.repeat(100))).message).toMatch(/收到的是 X{16}$/)
  })
})

describe('latency handler: cancellation', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('clears its timer and resolves at once when the signal aborts', async () => {
    vi.useFakeTimers()
    const hangUp = new AbortController()
    const pending = request('ms=10000&size=10', hangUp.signal)
    await vi.advanceTimersByTimeAsync(50)
    expect(vi.getTimerCount()).toBe(1)
    hangUp.abort()
    const response = await pending
    expect(response.status).toBe(clientClosedStatus)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('does not wait at all for an already aborted signal', async () => {
    vi.useFakeTimers()
    const response = await request('ms=10000', AbortSignal.abort())
    expect(response.status).toBe(clientClosedStatus)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('the Next.js route handler', () => {
  it('answers GET through lib/latency', async () => {
    const response = await GET(new Request('http://localhost/api/latency?ms=0&size=10'))
    expect(response.status).toBe(200)
    expect((await response.arrayBuffer()).byteLength).toBe(10)
    expect(response.headers.get('server-timing')).toMatch(/^wait;dur=/)
  })

  it('answers a bad query with 400 JSON', async () => {
    const response = await GET(new Request('http://localhost/api/latency?ms=-1'))
    expect(response.status).toBe(400)
    const body = (await response.json()) as { error: { field: string } }
    expect(body.error.field).toBe('ms')
  })

  it('answers a CORS preflight with 204', async () => {
    const response = OPTIONS()
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-methods')).toContain('GET')
  })
})
