// Production server: answers /api/latency itself (the classroom's hot path, thousands of timed
// waits at once) and hands every other request to Next. A plain Next route handler served about
// a tenth of a bare Node server's rate here (see DESIGN.md), so the hot path skips Next entirely.
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import next from 'next'
import {
  latencyMethodNotAllowedResponse,
  latencyPreflightResponse,
  planLatencyRequest,
  type LatencyResponse,
} from '../lib/latency'

const latencyPath = '/api/latency'

// In the project, server/index.ts and the bundled dist/server.mjs sit one folder below the root.
// In the self-contained build (.next/standalone, see scripts/build-server.mjs) this file is
// server.mjs at the top, beside that build's own .next folder.
const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = existsSync(path.join(here, '.next', 'BUILD_ID')) ? here : path.resolve(here, '..')

// Next gets the config it was built with, as its own standalone server.js does: the standalone
// folder has no next.config.ts, and in the project this skips compiling it again at start-up
// (and Next's warning that `output: 'standalone'` builds should not be served by `next start`).
const builtConfig = path.join(projectRoot, '.next', 'required-server-files.json')
if (existsSync(builtConfig)) {
  const { config } = JSON.parse(readFileSync(builtConfig, 'utf8')) as { config: unknown }
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config)
}

const port = Number(process.env.PORT ?? 3000)
// Unset means every interface, dual-stack, so 127.0.0.1, ::1, localhost and *.localhost all reach it.
const hostname = process.env.HOSTNAME || undefined

/** The query string when the path is exactly /api/latency, else null (Next's business). */
function latencyQueryOf(url: string): string | null {
  if (!url.startsWith(latencyPath)) return null
  const rest = url.slice(latencyPath.length)
  if (rest === '') return ''
  return rest.startsWith('?') ? rest.slice(1) : null
}

function send(response: ServerResponse, result: LatencyResponse): void {
  const body = result.status === 204 ? '' : result.body
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

async function main(): Promise<void> {
  const app = next({ dev: false, dir: projectRoot, hostname, port })
  await app.prepare()
  const handleWithNext = app.getRequestHandler()

  const server = createServer((request, response) => {
    const query = latencyQueryOf(request.url ?? '/')
    if (query !== null) return answerLatency(request, response, query)
    handleWithNext(request, response).catch((error: unknown) => {
      console.error(error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  // Longer than browsers' idle-socket reuse, so a demo's next run reuses warm connections;
  // headersTimeout must exceed it or Node may drop a socket between requests.
  server.keepAliveTimeout = 30_000
  server.headersTimeout = 31_000

  server.listen({ port, host: hostname }, () => {
    console.log(`Concurrency Lab ready on http://localhost:${port}`)
  })

  const shutDown = () => {
    server.close()
    server.closeIdleConnections()
    void app.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', shutDown)
  process.once('SIGTERM', shutDown)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
