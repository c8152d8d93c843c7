// The production server's HTTP side, without Next: it answers /api/latency itself (the
// classroom's hot path, thousands of timed waits at once), refuses what is not a request for a
// path, and hands every other request to `handleWithNext`. server/index.ts wires Next into it;
// the unit tests (tests/unit/server-*.test.ts) start it with a stub and short limits.
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import {
  latencyAllowedMethods,
  latencyAnswerHeaders,
  latencyErrorResponse,
  latencyLimits,
  latencyMethodNotAllowedResponse,
  latencyPreflightResponse,
  planLatencyRequest,
  type LatencyResponse,
} from '../lib/latency'

export interface LabServerLimits {
  /** Time for a request's headers to arrive, counted from its first byte (or the connection). */
  headersTimeout: number
  /** Time for the whole request, headers and body, to arrive. The wait for our answer is not counted. */
  requestTimeout: number
  /** How often Node checks the two limits above: a request is cut off at most this much late. */
  connectionsCheckingInterval: number
  /** How long an idle keep-alive connection stays open after an answer. */
  keepAliveTimeout: number
  /** A connection with no traffic either way for this long is closed (`server.timeout`). */
  socketTimeout: number
  /** At most this many open connections; Node closes any beyond it at once. */
  maxConnections: number
  /** Bytes of request line and headers together; beyond it, a 431. */
  maxHeaderSize: number
}

/** The longest a legitimate latency answer waits: the largest `ms` plus the largest `jitter`. */
const longestWaitMs = latencyLimits.maxMs + latencyLimits.maxJitter

export const productionLimits: Readonly<LabServerLimits> = {
  // A browser sends its headers in one packet at once; 10 s allows a bad classroom Wi-Fi, and a
  // client that opens a socket and sends nothing (or dribbles headers) loses it after 10 s.
  headersTimeout: 10_000,
  // The site takes no uploads: a request is headers and an empty body, so 5 s past the headers'
  // limit is plenty. Node counts receipt only, not the wait (up to 15 s) before we answer.
  requestTimeout: 15_000,
  // Node's default checks every 30 s, which would let a slow request live up to 45 s; a pass
  // over the connections still mid-request once a second costs next to nothing.
  connectionsCheckingInterval: 1_000,
  // Longer than a lesson's pause between two runs of a demo, so the next run reuses warm
  // connections (Chromium keeps used idle sockets for minutes); Node adds 1 s of grace to it.
  keepAliveTimeout: 30_000,
  // Twice the longest silent stretch of a legitimate exchange (a 15 s latency wait): a client
  // that stops reading a 1 MB answer does not keep its socket for ever.
  socketTimeout: 2 * longestWaitMs,
  // 60 browsers × 6 connections per host name = 360 for a classroom on one host name; 4096
  // leaves room for page loads, idle keep-alive sockets and sharding over several host names
  // (8 names × 6 + 6 on one machine), and bounds the file descriptors and memory a flood takes.
  maxConnections: 4_096,
  // Node's default, made explicit so that the 431's message states the limit actually enforced
  // (a --max-http-header-size flag would change the default). A latency URL is under 300 bytes.
  maxHeaderSize: 16_384,
}

export type NextHandler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>

export interface LabServerOptions {
  handleWithNext: NextHandler
  /** Overrides of productionLimits (the tests inject short ones). */
  limits?: Partial<LabServerLimits>
  /** Where a failure of Next's handler is reported (a server bug, never a client's doing). */
  logError?: (error: unknown) => void
}

const latencyPath = '/api/latency'
const slash = 47 // '/'

/** The query string when the path is exactly /api/latency, else null (Next's business). */
function latencyQueryOf(url: string): string | null {
  if (!url.startsWith(latencyPath)) return null
  const rest = url.slice(latencyPath.length)
  if (rest === '') return ''
  return rest.startsWith('?') ? rest.slice(1) : null
}

function send(response: ServerResponse, result: LatencyResponse): void {
  // A 204 has no body and must not carry a Content-Length (RFC 9110 §8.6).
  if (result.status === 204) {
    response.writeHead(204, result.headers)
    return void response.end()
  }
  const { body } = result
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  // The response's header object is its own (see LatencyResponse): add to it, do not copy it.
  result.headers['Content-Length'] = String(length)
  response.writeHead(result.status, result.headers)
  response.end(body)
}

function answerLatency(request: IncomingMessage, response: ServerResponse, query: string): void {
  const method = request.method ?? 'GET'
  if (method === 'OPTIONS') return send(response, latencyPreflightResponse())
  if (method !== 'GET' && method !== 'HEAD') return send(response, latencyMethodNotAllowedResponse(method))

  const plan = planLatencyRequest(new URLSearchParams(query))
  if (!plan.wait) return send(response, plan.response)
  // The wait is timed here rather than through handleLatencyRequest: no promise and no
  // AbortController per request, just a timer that a client hang-up clears.
  const startedAt = performance.now()
  const onClose = () => clearTimeout(timer)
  const timer = setTimeout(() => {
    response.off('close', onClose)
    send(response, plan.respond(performance.now() - startedAt))
  }, plan.delayMs)
  response.once('close', onClose)
}

/** A short, printable prefix of what the client sent, for an error message. */
function quoted(text: string): string {
  return `“${text.length > 64 ? `${text.slice(0, 64)}…` : text}”`
}

/**
 * A request-target that is not a path. Absolute-form (`GET http://host/path`) must be accepted
 * by a server (RFC 9112 §3.2.2): it becomes its path, and its authority the Host. `OPTIONS *`
 * asks about the server as a whole; anything else gets the route's JSON 400, never Next.
 */
function resolveNonPathTarget(request: IncomingMessage, response: ServerResponse, url: string): string | null {
  if (url === '*') {
    if (request.method === 'OPTIONS') {
      const headers = latencyAnswerHeaders(null)
      headers.Allow = latencyAllowedMethods
      send(response, { status: 204, headers, body: '' })
    } else {
      send(
        response,
        latencyErrorResponse(400, 'url', `请求目标 “*” 只能用于 OPTIONS 请求；${request.method} 请求请给出以 / 开头的路径，例如 /api/latency?ms=100`),
      )
    }
    return null
  }
  let absolute: URL | null = null
  try {
    absolute = new URL(url)
  } catch {
    // Not a URL either: answered below.
  }
  if (absolute !== null && (absolute.protocol === 'http:' || absolute.protocol === 'https:') && absolute.host !== '') {
    request.headers.host = absolute.host
    return absolute.pathname + absolute.search
  }
  send(response, latencyErrorResponse(400, 'url', `请求目标必须是以 / 开头的路径或完整的 http:// 网址，收到的是 ${quoted(url)}`))
  return null
}

function passToNext(request: IncomingMessage, response: ServerResponse, handleWithNext: NextHandler, logError: (error: unknown) => void): void {
  const fail = (error: unknown) => {
    logError(error)
    // Half an answer must not pass for a whole one: cut the connection instead.
    if (response.headersSent) return void response.destroy()
    send(response, latencyErrorResponse(500, 'server', '服务器内部错误：这个页面暂时无法生成，请稍后再试'))
  }
  try {
    handleWithNext(request, response).catch(fail)
  } catch (error) {
    fail(error)
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} 秒`
}

/** A whole HTTP/1.1 error answer as raw bytes, for a socket the HTTP parser has given up on. */
function rawErrorAnswer(status: number, field: string, message: string, extraHeaders: Record<string, string> = {}): Buffer {
  const { headers, body } = latencyErrorResponse(status, field, message)
  Object.assign(headers, extraHeaders)
  headers['Content-Length'] = String(Buffer.byteLength(body))
  headers.Connection = 'close'
  let head = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`
  return Buffer.from(`${head}\r\n${body}`, 'utf8')
}

/** Node's server socket carries the response in flight here (internal, stable since Node 0.x). */
type ServerSocket = Duplex & { _httpMessage?: ServerResponse | null }

/** After an error answer, how long the client may keep sending before the socket is destroyed. */
const lingerMs = 2_000

export function createLabServer({ handleWithNext, limits: overrides, logError = console.error }: LabServerOptions): Server {
  const limits: LabServerLimits = { ...productionLimits, ...overrides }
  const server = createServer(
    {
      headersTimeout: limits.headersTimeout,
      requestTimeout: limits.requestTimeout,
      connectionsCheckingInterval: limits.connectionsCheckingInterval,
      keepAliveTimeout: limits.keepAliveTimeout,
      maxHeaderSize: limits.maxHeaderSize,
    },
    (request, response) => {
      let url = request.url ?? '/'
      const query = latencyQueryOf(url)
      if (query !== null) return answerLatency(request, response, query)
      if (url.charCodeAt(0) !== slash) {
        const path = resolveNonPathTarget(request, response, url)
        if (path === null) return
        url = request.url = path
        const rewritten = latencyQueryOf(url)
        if (rewritten !== null) return answerLatency(request, response, rewritten)
      }
      passToNext(request, response, handleWithNext, logError)
    },
  )
  server.timeout = limits.socketTimeout
  server.maxConnections = limits.maxConnections

  // Node's own answers to these are bare (no body, no CORS headers), so a page's fetch could not
  // read why. They are the client's doing: answered, never logged.
  const kb = Number((limits.maxHeaderSize / 1024).toFixed(1))
  const tooLarge = rawErrorAnswer(431, 'url', `网址和请求头太长：合计不能超过 ${kb} KB（${limits.maxHeaderSize} 字节）。/api/latency 的参数都很短，请检查网址`)
  const timedOut = rawErrorAnswer(
    408,
    'request',
    `请求没有及时发完：请求头须在 ${seconds(limits.headersTimeout)}内、整个请求须在 ${seconds(limits.requestTimeout)}内到达，连接已关闭`,
  )
  const badTarget = rawErrorAnswer(400, 'url', '请求目标不是合法的网址：必须是以 / 开头的路径，例如 /api/latency?ms=100')
  const malformed = rawErrorAnswer(400, 'request', '无法解析的 HTTP 请求：请求行或请求头不符合 HTTP/1.1 的格式')
  const connectRefused = rawErrorAnswer(405, 'method', '本站不是代理服务器，不接受 CONNECT 请求', { Allow: latencyAllowedMethods })

  const answerAndClose = (socket: Duplex, answer: Buffer) => {
    // end() rather than destroy(): closing with the client's bytes unread would reset the
    // connection, and the client could lose the answer. Destroyed if the client lingers.
    socket.end(answer)
    setTimeout(() => socket.destroy(), lingerMs).unref()
  }

  server.on('clientError', (error: NodeJS.ErrnoException, socket: ServerSocket) => {
    // Already answered: the parser reports the same error for every later chunk.
    if (socket.writableEnded) return
    // Gone, or an answer already under way that an error answer would corrupt.
    if (!socket.writable || socket._httpMessage?.headersSent) return void socket.destroy()
    if (error.code === 'HPE_HEADER_OVERFLOW') return answerAndClose(socket, tooLarge)
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answerAndClose(socket, timedOut)
    if (error.code === 'HPE_INVALID_URL') return answerAndClose(socket, badTarget)
    answerAndClose(socket, malformed)
  })
  // Without a listener Node drops a CONNECT's socket without a word.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy())
    answerAndClose(socket, connectRefused)
  })
  return server
}
