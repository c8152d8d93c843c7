// Hostile and malformed query strings, generated reproducibly: the handler must answer every one
// with 200, 400 or 503, never throw, never send more than the size cap.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { handleLatencyRequest, latencyLimits, mulberry32, type LatencyResponse } from '@/lib/latency'

const random = mulberry32(20240611)

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('empty list')
  return item
}

const keys = [
  'ms',
  'jitter',
  'size',
  'seed',
  'fail',
  'site',
  'MS',
  'ms ',
  ' ms',
  'ms[]',
  '',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '毫秒',
  '%00',
  'ms%00',
  '\u0000',
  'sïte',
  'k'.repeat(5000),
] as const

const values = [
  '',
  '0',
  '1',
  '100',
  '10000',
  '10001',
  '-0',
  '-1',
  '+5',
  '1e3',
  '1E2',
  '0x10',
  '0b1',
  '0o7',
  '1_000',
  'NaN',
  'Infinity',
  '-Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '9'.repeat(400),
  '1'.repeat(17),
  '１００',
  '٣',
  '100.5',
  '.5',
  '0.',
  '1.0',
  '1.0000001',
  '0.999999999999999999999',
  '.',
  '..',
  '1..2',
  ' 100',
  '100 ',
  '\t1',
  '1\n',
  '%',
  '%ZZ',
  '%F0%9F',
  '%E4%B8%AD',
  '💥',
  '\u202e100',
  '\ufeff1',
  'jython',
  'olympus',
  'JYTHON',
  'olympus\u200b',
  'A-z_0.9:x',
  'a/b',
  'a b',
  'x'.repeat(64),
  'x'.repeat(65),
  'a'.repeat(100_000),
  '1048576',
  '1048577',
  '5000',
  '5001',
  '0.5',
  '1',
  '2',
  '-0.5',
] as const

function randomInteger(): string {
  const magnitude = pick([1, 10, 1_000, 100_000, 1e9, 1e21])
  return String(Math.floor((random() * 2 - 0.8) * magnitude))
}

function maybeEncode(text: string): string {
  const mode = random()
  if (mode < 0.6) return encodeURIComponent(text)
  if (mode < 0.8) return text
  return text.replace(/./gu, (char) => (random() < 0.5 ? `%${char.charCodeAt(0).toString(16).padStart(2, '0')}` : char))
}

function hostileQuery(): string {
  const shape = random()
  if (shape < 0.05) return ''
  if (shape < 0.1) return pick(['&&&', '=', '==', '&=&', '?ms=1', 'ms', 'ms&ms', '%', '&ms=1&', '+++'])
  const pairs: string[] = []
  const count = 1 + Math.floor(random() * 5)
  for (let index = 0; index < count; index++) {
    const key = random() < 0.7 ? pick(['ms', 'jitter', 'size', 'seed', 'fail', 'site']) : pick(keys)
    const value = random() < 0.3 ? randomInteger() : pick(values)
    pairs.push(random() < 0.05 ? maybeEncode(key) : `${maybeEncode(key)}=${maybeEncode(value)}`)
  }
  return pairs.join(random() < 0.9 ? '&' : pick(['&&', ';', '&amp;']))
}

const allowedStatuses = new Set([200, 400, 503])

function bodyLength(response: LatencyResponse): number {
  return typeof response.body === 'string' ? new TextEncoder().encode(response.body).length : response.body.byteLength
}

describe('latency handler under hostile input', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('answers 600 generated queries with 200/400/503 and bounded bodies', async () => {
    vi.useFakeTimers()
    const queries = Array.from({ length: 600 }, hostileQuery)
    const pending = queries.map((query) => {
      // Construction of URLSearchParams itself must not throw either.
      return handleLatencyRequest(new URLSearchParams(query))
    })
    // Valid long waits (up to 15 s with jitter) pass in fake time.
    await vi.runAllTimersAsync()
    const responses = await Promise.all(pending)

    const statuses = new Map<number, number>()
    responses.forEach((response, index) => {
      const query = queries[index] ?? ''
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      expect(allowedStatuses.has(response.status), `status ${response.status} for ${query.slice(0, 80)}`).toBe(true)
      const length = bodyLength(response)
      expect(length).toBeLessThanOrEqual(latencyLimits.maxSize)
      if (response.status !== 200) {
        expect(length).toBeLessThan(1024)
        const parsed = JSON.parse(response.body as string) as { error?: { field?: unknown; message?: unknown } }
        expect(typeof parsed.error?.field).toBe('string')
        expect(parsed.error?.message).toMatch(/[\u4e00-\u9fff]/)
      }
    })
    // The generator is meant to hit both sides; if it stops doing so, it needs retuning.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(300)
    expect(statuses.get(200) ?? 0).toBeGreaterThan(10)
    expect(vi.getTimerCount()).toBe(0)
  })
})
