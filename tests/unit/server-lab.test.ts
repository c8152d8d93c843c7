// The production server without Next (server/lab-server.ts): a stub stands in for Next's handler,
// and the timeouts are short ones injected for the test. Raw sockets (node:net) send what a
// browser never would: `GET *`, a 20 KB URL, a body that dribbles in, a silent keep-alive socket.
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLabServer, productionLimits, type LabServerLimits, type NextHandler } from '@/server/lab-server'
import { latencyLimits } from '@/lib/latency'

const chinese = /[\u4e00-\u9fff]/

const testLimits: Partial<LabServerLimits> = {
  headersTimeout: 150,
  requestTimeout: 500,
  connectionsCheckingInterval: 50,
  keepAliveTimeout: 500,
  socketTimeout: 5_000,
  maxConnections: 50,
}

interface Started {
  port: number
  server: Server
  /** What reached the stub standing in for Next. */
  nextCalls: Array<{ url: string; host: string | undefined }>
  logError: ReturnType<typeof vi.fn>
}

const running: Server[] = []

afterEach(async () => {
  for (const server of running.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** The stub answers 200 "next" at once, unless `nextHandler` is given. */
async function start(limits: Partial<LabServerLimits> = {}, nextHandler?: NextHandler): Promise<Started> {
  const nextCalls: Started['nextCalls'] = []
  const logError = vi.fn()
  const handleWithNext: NextHandler = async (request: IncomingMessage, response: ServerResponse) => {
    nextCalls.push({ url: request.url ?? '', host: request.headers.host })
    if (nextHandler) return nextHandler(request, response)
    response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '4' })
    response.end('next')
  }
  const server = createLabServer({ handleWithNext, limits: { ...testLimits, ...limits }, logError })
  running.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { port: (server.address() as AddressInfo).port, server, nextCalls, logError }
}

interface Parsed {
  status: number
  statusLine: string
  headers: Record<string, string>
  body: string
}

/** One HTTP/1.1 response at the start of `bytes`, or null while it is incomplete. */
function parseResponse(bytes: Buffer): Parsed | null {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return null
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const status = Number(statusLine.split(' ')[1])
  const length = status === 204 || status === 304 ? 0 : Number(headers['content-length'] ?? NaN)
  const body = bytes.subarray(headEnd + 4)
  if (!Number.isFinite(length) || body.byteLength < length) return null
  return { status, statusLine, headers, body: body.subarray(0, length).toString('utf8') }
}

/** A raw client socket: what it received, when it closed (ms since it was opened). */
function rawClient(port: number) {
  const openedAt = performance.now()
  const socket = net.connect(port, '127.0.0.1')
  let received = Buffer.alloc(0)
  const waiters = new Set<() => void>()
  let closedAt: number | null = null
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk])
    for (const waiter of waiters) waiter()
  })
  socket.on('error', () => {})
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => {
      closedAt = performance.now() - openedAt
      for (const waiter of waiters) waiter()
      resolve(closedAt)
    }),
  )
  return {
    socket,
    openedAt,
    closed,
    received: () => received,
    isClosed: () => closedAt !== null,
    /** The first whole response; rejects if the socket closes (or 1.5 s pass) before one arrives. */
    response(): Promise<Parsed> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no whole response; got ${JSON.stringify(received.toString('latin1').slice(0, 200))}`)), 1_500)
        const check = () => {
          const parsed = parseResponse(received)
          if (parsed) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(parsed)
          } else if (closedAt !== null) {
            waiters.delete(check)
            clearTimeout(timer)
            reject(new Error(`closed without a whole response; got ${JSON.stringify(received.toString('latin1').slice(0, 200))}`))
          }
        }
        waiters.add(check)
        check()
      })
    },
  }
}

function errorOf(response: Parsed): { field: string; message: string } {
  expect(response.headers['content-type']).toMatch(/^application\/json/)
  expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body))
  const error = (JSON.parse(response.body) as { error: { field: string; message: string } }).error
  expect(typeof error.field).toBe('string')
  expect(error.message).toMatch(chinese)
  return error
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('lab server: request-targets that are not a path', () => {
  it('OPTIONS * answers 204 with Allow, without Next', async () => {
    const { port, nextCalls, logError } = await start()
    const client = rawClient(port)
    client.socket.write('OPTIONS * HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const response = await client.response()
    expect(response.statusLine).toBe('HTTP/1.1 204 No Content')
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
    expect(response.headers['content-length']).toBeUndefined()
    expect(response.body).toBe('')
    expect(nextCalls).toEqual([])
    expect(logError).not.toHaveBeenCalled()
  })

  it("GET * answers the route's JSON 400, without Next and without logging", async () => {
    const { port, nextCalls, logError } = await start()
    const client = rawClient(port)
    client.socket.write('GET * HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const response = await client.response()
    expect(response.statusLine).toBe('HTTP/1.1 400 Bad Request')
    expect(response.headers['access-control-allow-origin']).toBe('*')
    const error = errorOf(response)
    expect(error.field).toBe('url')
    expect(error.message).toContain('OPTIONS')
    expect(nextCalls).toEqual([])
    expect(logError).not.toHaveBeenCalled()
  })

  it('DELETE * and HEAD * are refused the same way', async () => {
    const { port, nextCalls } = await start()
    const client = rawClient(port)
    client.socket.write('DELETE * HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    expect((await client.response()).status).toBe(400)
    const head = rawClient(port)
    head.socket.write('HEAD * HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const headers = await new Promise<string>((resolve) => head.socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1'))))
    expect(headers.startsWith('HTTP/1.1 400 ')).toBe(true)
    expect(nextCalls).toEqual([])
  })

  it('absolute-form is accepted: its path is served, its authority becomes the Host', async () => {
    const { port, nextCalls } = await start()
    const latency = rawClient(port)
    latency.socket.write('GET http://lab.test:8080/api/latency?ms=0&size=5 HTTP/1.1\r\nHost: elsewhere\r\n\r\n')
    const answer = await latency.response()
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('.....')
    const page = rawClient(port)
    page.socket.write('GET http://lab.test:8080/learn/x?a=1 HTTP/1.1\r\nHost: elsewhere\r\n\r\n')
    expect((await page.response()).body).toBe('next')
    expect(nextCalls).toEqual([{ url: '/learn/x?a=1', host: 'lab.test:8080' }])
  })

  it('any other target that is not a path gets a JSON 400, never Next', async () => {
    const { port, nextCalls, logError } = await start()
    // The first three reach the request handler, the last three fail in Node's parser already.
    for (const target of ['file:///etc/passwd', '*x', 'h://x', 'mailto:a@b.test', 'foo', 'http:foo']) {
      const client = rawClient(port)
      client.socket.write(`GET ${target} HTTP/1.1\r\nHost: lab.test\r\n\r\n`)
      const response = await client.response()
      expect(response.status, target).toBe(400)
      expect(errorOf(response).field).toBe('url')
    }
    expect(nextCalls).toEqual([])
    expect(logError).not.toHaveBeenCalled()
  })

  it('CONNECT gets a JSON 405 instead of a silently dropped socket', async () => {
    const { port } = await start()
    const client = rawClient(port)
    client.socket.write('CONNECT lab.test:443 HTTP/1.1\r\nHost: lab.test:443\r\n\r\n')
    const response = await client.response()
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
    expect(errorOf(response).field).toBe('method')
  })
})

describe('lab server: the route through the server', () => {
  it('a CORS preflight answers 204 without Content-Length', async () => {
    const { port } = await start()
    const client = rawClient(port)
    client.socket.write('OPTIONS /api/latency HTTP/1.1\r\nHost: lab.test\r\nOrigin: http://s1.localhost\r\n\r\n')
    const response = await client.response()
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS')
    expect(response.headers['content-length']).toBeUndefined()
  })

  it('405: the message names exactly the methods of the Allow header', async () => {
    const { port } = await start()
    const client = rawClient(port)
    client.socket.write('DELETE /api/latency?ms=5 HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const response = await client.response()
    expect(response.status).toBe(405)
    const allowed = (response.headers.allow ?? '').split(', ')
    expect(allowed).toEqual(['GET', 'HEAD', 'OPTIONS'])
    const { message } = errorOf(response)
    for (const method of allowed) expect(message).toContain(method)
    expect(message).toContain('只接受 GET、HEAD 和 OPTIONS')
    expect(message).toContain('DELETE')
  })

  it("a 20 KB URL gets a 431 with the route's JSON error and CORS headers", async () => {
    const { port, nextCalls, logError } = await start()
    const client = rawClient(port)
    client.socket.write(`GET /api/latency?ms=5&x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: lab.test\r\n\r\n`)
    const response = await client.response()
    expect(response.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large')
    expect(response.headers['access-control-allow-origin']).toBe('*')
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
    expect(response.headers.connection).toBe('close')
    const error = errorOf(response)
    expect(error.field).toBe('url')
    expect(error.message).toContain('16 KB（16384 字节）')
    await client.closed
    expect(nextCalls).toEqual([])
    expect(logError).not.toHaveBeenCalled()
  })

  it('the 431 is readable by an ordinary HTTP client, even for a 300 KB URL still being sent', async () => {
    const { port } = await start()
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path: `/api/latency?x=${'b'.repeat(300_000)}` }, (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      })
      request.on('error', reject)
    })
    expect(status).toBe(431)
    expect((JSON.parse(body) as { error: { field: string } }).error.field).toBe('url')
  })

  it('a request the parser rejects gets a JSON 400, not logged', async () => {
    const { port, logError } = await start()
    const client = rawClient(port)
    client.socket.write('HELLO THERE\r\n\r\n')
    const response = await client.response()
    expect(response.status).toBe(400)
    expect(errorOf(response).field).toBe('request')
    expect(logError).not.toHaveBeenCalled()
  })

  it("a failure inside Next's handler is a logged 500, and the server keeps serving", async () => {
    const failure = new Error('boom')
    let throwSynchronously = false
    const { port, logError } = await start({}, (_request, response) => {
      if (throwSynchronously) throw failure
      if (response.req.url === '/ok') {
        response.writeHead(200, { 'Content-Length': '4' })
        response.end('fine')
        return Promise.resolve()
      }
      return Promise.reject(failure)
    })
    const first = rawClient(port)
    first.socket.write('GET /broken HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const response = await first.response()
    expect(response.status).toBe(500)
    expect(errorOf(response).field).toBe('server')
    expect(logError).toHaveBeenCalledWith(failure)

    throwSynchronously = true
    first.socket.write('GET /broken-sync HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    await sleep(50)
    expect(logError).toHaveBeenCalledTimes(2)

    throwSynchronously = false
    const second = rawClient(port)
    second.socket.write('GET /ok HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    expect((await second.response()).body).toBe('fine')
  })
})

describe('lab server: timeouts (short values injected)', () => {
  it('headers that dribble in are cut off after headersTimeout with a JSON 408', async () => {
    const { port, nextCalls } = await start()
    const client = rawClient(port)
    client.socket.write('GET /slow HTTP/1.1\r\nHost: lab.test\r\n')
    const drip = setInterval(() => client.socket.writable && client.socket.write('X-Drip: 1\r\n'), 30)
    const response = await client.response()
    const closedAfter = await client.closed
    clearInterval(drip)
    expect(response.statusLine).toBe('HTTP/1.1 408 Request Timeout')
    expect(response.headers['access-control-allow-origin']).toBe('*')
    expect(errorOf(response).field).toBe('request')
    // headersTimeout 150 ms, checked every 50 ms; well before requestTimeout (500 ms).
    expect(closedAfter).toBeGreaterThanOrEqual(140)
    expect(closedAfter).toBeLessThan(400)
    expect(nextCalls).toEqual([])
  })

  it('a body that dribbles in is cut off after requestTimeout with a JSON 408', async () => {
    const { port } = await start({}, (request, response) => {
      request.resume()
      request.on('end', () => response.end('got it all'))
      return Promise.resolve()
    })
    const client = rawClient(port)
    client.socket.write('POST /upload HTTP/1.1\r\nHost: lab.test\r\nContent-Length: 100000\r\n\r\n')
    const drip = setInterval(() => client.socket.writable && client.socket.write('x'), 30)
    const response = await client.response()
    const closedAfter = await client.closed
    clearInterval(drip)
    expect(response.status).toBe(408)
    expect(errorOf(response).message).toContain('0.5 秒')
    // requestTimeout 500 ms, checked every 50 ms.
    expect(closedAfter).toBeGreaterThanOrEqual(490)
    expect(closedAfter).toBeLessThan(800)
  })

  it('requestTimeout counts the request only: a latency wait longer than it is answered', async () => {
    const { port } = await start()
    const client = rawClient(port)
    client.socket.write('GET /api/latency?ms=800&size=3 HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const response = await client.response()
    const answeredAfter = performance.now() - client.openedAt
    expect(response.status).toBe(200)
    expect(response.body).toBe('...')
    expect(answeredAfter).toBeGreaterThanOrEqual(795)
    expect(client.isClosed()).toBe(false)
  })

  it('an idle keep-alive socket outlives headersTimeout and closes after keepAliveTimeout', async () => {
    const { port } = await start()
    const client = rawClient(port)
    client.socket.write('GET /api/latency?ms=0&size=1 HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    expect((await client.response()).status).toBe(200)
    const answeredAt = performance.now()
    const idleFor = (await client.closed) - (answeredAt - client.openedAt)
    // keepAliveTimeout 500 ms (headersTimeout 150 ms); Node adds 1 s of grace before closing.
    expect(idleFor).toBeGreaterThanOrEqual(490)
    expect(idleFor).toBeLessThan(1_500 + 300)
    expect(client.received().toString('latin1')).not.toContain('408')
  })

  it('a connection silent both ways (an answer that never comes) is closed after socketTimeout', async () => {
    const { port } = await start({ socketTimeout: 300 }, () => new Promise(() => {}))
    const client = rawClient(port)
    client.socket.write('GET /stalled HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    const closedAfter = await client.closed
    expect(closedAfter).toBeGreaterThanOrEqual(290)
    expect(closedAfter).toBeLessThan(700)
  })

  it('the connection cap: with maxConnections 2 a third connection is closed unanswered', async () => {
    const { port, server } = await start({ maxConnections: 2 })
    const dropped = vi.fn()
    server.on('drop', dropped)
    const first = rawClient(port)
    const second = rawClient(port)
    for (const client of [first, second]) {
      client.socket.write('GET /api/latency?ms=0&size=1 HTTP/1.1\r\nHost: lab.test\r\n\r\n')
      expect((await client.response()).status).toBe(200)
    }
    const third = rawClient(port)
    third.socket.write('GET /api/latency?ms=0&size=1 HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    await third.closed
    expect(third.received().byteLength).toBe(0)
    expect(dropped).toHaveBeenCalledTimes(1)

    // A freed place is taken again.
    first.socket.destroy()
    for (let tries = 0; tries < 50; tries++) {
      const count = await new Promise<number>((resolve) => server.getConnections((_error, n) => resolve(n)))
      if (count < 2) break
      await sleep(10)
    }
    const fourth = rawClient(port)
    fourth.socket.write('GET /api/latency?ms=0&size=1 HTTP/1.1\r\nHost: lab.test\r\n\r\n')
    expect((await fourth.response()).status).toBe(200)
  })
})

describe('lab server: production limits', () => {
  it('are what the server is built with', () => {
    const server = createLabServer({ handleWithNext: () => Promise.resolve() })
    expect(server.headersTimeout).toBe(productionLimits.headersTimeout)
    expect(server.requestTimeout).toBe(productionLimits.requestTimeout)
    expect(server.keepAliveTimeout).toBe(productionLimits.keepAliveTimeout)
    expect(server.timeout).toBe(productionLimits.socketTimeout)
    expect(server.maxConnections).toBe(productionLimits.maxConnections)
    expect((server as Server & { maxHeaderSize?: number }).maxHeaderSize).toBe(16_384)
  })

  it('agree with each other, with the longest latency wait and with a classroom', () => {
    const longestWait = latencyLimits.maxMs + latencyLimits.maxJitter
    // Node refuses headersTimeout > requestTimeout.
    expect(productionLimits.headersTimeout).toBeLessThanOrEqual(productionLimits.requestTimeout)
    // A slow request is cut off at most one check late; the default check (30 s) is far too coarse.
    expect(productionLimits.connectionsCheckingInterval).toBeLessThanOrEqual(productionLimits.headersTimeout / 5)
    // No traffic during a wait of up to 15 s: the idle-socket limit must not cut it.
    expect(productionLimits.socketTimeout).toBeGreaterThan(longestWait)
    // 60 browsers × 6 connections, twice over (a run's sockets and the previous run's idle ones).
    expect(productionLimits.maxConnections).toBeGreaterThanOrEqual(2 * 60 * 6)
  })
})
