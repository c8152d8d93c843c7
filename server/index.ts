// Production server: answers /api/latency itself (the classroom's hot path, thousands of timed
// waits at once) and hands every other request to Next. A plain Next route handler served about
// a tenth of a bare Node server's rate here (see DESIGN.md), so the hot path skips Next entirely.
// This file wires Next in; the HTTP server itself, its limits and its refusals are lab-server.ts.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import next from 'next'
import { createLabServer } from './lab-server'

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

async function main(): Promise<void> {
  const app = next({ dev: false, dir: projectRoot, hostname, port })
  await app.prepare()
  // The limits (timeouts, connection cap) and the reasons for their values are in lab-server.ts.
  const server = createLabServer({ handleWithNext: app.getRequestHandler() })

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
