import { afterEach, describe, expect, it, vi } from 'vitest'
import { browserName, collectEnvironment, connectionCapFor, effectiveConcurrency, predictIoTotal, predictIoTotalFor } from '@/lib/engine'

describe('predictIoTotal', () => {
  it('is ceil(jobs / min(concurrency, cap)) × latency', () => {
    expect(predictIoTotal({ jobs: 160, latencyMs: 90, concurrency: 1, connectionCap: 6 })).toBe(14_400)
    expect(predictIoTotal({ jobs: 160, latencyMs: 100, concurrency: 160, connectionCap: 6 })).toBe(2_700)
    expect(predictIoTotal({ jobs: 160, latencyMs: 100, concurrency: 160, connectionCap: Infinity })).toBe(100)
    expect(predictIoTotal({ jobs: 160, latencyMs: 100, concurrency: 5, connectionCap: 24 })).toBe(3_200)
    expect(predictIoTotal({ jobs: 0, latencyMs: 100, concurrency: 5, connectionCap: 6 })).toBe(0)
  })

  it('matches the measured fact: 30 × 200 ms with Promise.all over HTTP/1.1 runs in waves of 6', () => {
    expect(predictIoTotalFor('async', { jobs: 30, latencyMs: 200, poolSize: 4, workerCount: 2, protocol: 'http/1.1', hostCount: 1 })).toBe(1_000)
    expect(predictIoTotalFor('async', { jobs: 30, latencyMs: 200, poolSize: 4, workerCount: 2, protocol: 'h2', hostCount: 1 })).toBe(200)
    expect(predictIoTotalFor('async', { jobs: 30, latencyMs: 200, poolSize: 4, workerCount: 2, protocol: 'http/1.1', hostCount: 5 })).toBe(200)
  })
})

describe('connectionCapFor', () => {
  it('is 6 per host name for HTTP/1.1 or unknown, unlimited for h2 and h3', () => {
    expect(connectionCapFor({ protocol: 'http/1.1', hostCount: 1 })).toBe(6)
    expect(connectionCapFor({ protocol: 'http/1.1', hostCount: 4 })).toBe(24)
    expect(connectionCapFor({ protocol: null, hostCount: 2 })).toBe(12)
    expect(connectionCapFor({ protocol: 'h2', hostCount: 1 })).toBe(Infinity)
    expect(connectionCapFor({ protocol: 'h3', hostCount: 1 })).toBe(Infinity)
  })
})

describe('effectiveConcurrency', () => {
  const sizes = { jobs: 160, poolSize: 5, workerCount: 8 }
  it('is 1, N, jobs or W', () => {
    expect(effectiveConcurrency('sequential', sizes)).toBe(1)
    expect(effectiveConcurrency('async-yield', sizes)).toBe(1)
    expect(effectiveConcurrency('pool', sizes)).toBe(5)
    expect(effectiveConcurrency('async', sizes)).toBe(160)
    expect(effectiveConcurrency('workers', sizes)).toBe(8)
    expect(effectiveConcurrency('workers', { ...sizes, jobs: 3 })).toBe(3)
  })
})

describe('collectEnvironment', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('is safe in Node and names the runtime', () => {
    const environment = collectEnvironment({ urls: ['http://localhost:3000/api/latency'] })
    expect(environment.crossOriginIsolated).toBe(false)
    expect(environment.protocol).toBeNull()
    expect(environment.browser.length).toBeGreaterThan(0)
  })

  it('reads cores, isolation and the protocol most used by the run URLs', () => {
    const entries = [
      { name: 'http://s1.localhost:3000/api/latency?ms=1', nextHopProtocol: 'http/1.1' },
      { name: 'http://s2.localhost:3000/api/latency?ms=1', nextHopProtocol: 'http/1.1' },
      { name: 'http://localhost:3000/other.js', nextHopProtocol: 'h2' },
    ]
    vi.stubGlobal('navigator', {
      hardwareConcurrency: 8,
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    })
    vi.stubGlobal('crossOriginIsolated', true)
    vi.stubGlobal('performance', {
      now: () => 0,
      getEntriesByType: (type: string) => (type === 'resource' ? entries : []),
    })
    expect(collectEnvironment({ urls: ['http://s1.localhost:3000/api/latency?ms=1', 'http://s2.localhost:3000/api/latency?ms=1'] })).toEqual({
      protocol: 'http/1.1',
      cores: 8,
      crossOriginIsolated: true,
      browser: 'Chrome 131',
    })
  })

  it('falls back to the navigation entry when the run left no resource entries (workers)', () => {
    vi.stubGlobal('performance', {
      now: () => 0,
      getEntriesByType: (type: string) => (type === 'navigation' ? [{ name: 'http://localhost:3000/lab', nextHopProtocol: 'h2' }] : []),
    })
    expect(collectEnvironment({ urls: ['http://localhost:3000/api/latency'] }).protocol).toBe('h2')
  })
})

describe('browserName', () => {
  it('gives a short name and major version', () => {
    expect(browserName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0')).toBe(
      'Edge 131',
    )
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe('Firefox 133')
    expect(browserName('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15')).toBe(
      'Safari 18',
    )
    expect(
      browserName('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
    ).toBe('Safari 18')
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36')).toBe(
      'Chrome Headless 140',
    )
    expect(browserName('Node.js/22')).toBe('Node.js 22')
  })
})
