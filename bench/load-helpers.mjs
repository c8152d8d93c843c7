// Shared pieces of the load benches (route-load.mjs, classroom-load.mjs): starting and stopping
// the servers under test, the bare Node floor, small client helpers, and the bench's life cycle
// (watchdog, signals, clean-up). Loopback only: every server listens on 127.0.0.1.
import { spawn } from 'node:child_process'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const host = '127.0.0.1'

const children = []
const workers = []
let shuttingDown = false

export function log(line) {
  process.stdout.write(`${line}\n`)
}

// ---- servers ----------------------------------------------------------------------------------

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = http.createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts `node <args>` in the project root, in its own process group (so stopping it also stops
 * anything it forked), and registers it for clean-up. `ipc: true` adds an IPC channel.
 */
export function startChild(name, args, env, { ipc = false } = {}) {
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  children.push(child)
  child.once('exit', (code, signal) => {
    if (!shuttingDown) log(`!! ${name} server exited during the bench (code ${code}, signal ${signal}). Last output:\n${output}`)
  })
  return { name, child, output: () => output }
}

function isRunning(child) {
  return child.exitCode === null && child.signalCode === null
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

export function stopChild(child) {
  if (!isRunning(child)) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => killGroup(child, 'SIGKILL'), 3000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    killGroup(child, 'SIGTERM')
  })
}

// The floor: a bare Node http server doing the same timed wait, in a worker thread (its own event
// loop). It answers `size` bytes (default 1024) and ignores every other parameter. With
// workerData.probe it also answers { probe: 'reset' | 'report' } messages like server-probe.mjs
// (workerData.probe is that module's file URL).
const bareServerSource = `
const http = require('node:http')
const { parentPort, workerData } = require('node:worker_threads')
const shared = Buffer.alloc(1048576, 0x2e)
const answers = new Map()
function answerOfSize(size) {
  let answer = answers.get(size)
  if (!answer) {
    answer = {
      body: shared.subarray(0, size),
      headers: {
        'Cache-Control': 'no-store', 'Content-Type': 'application/octet-stream',
        'Access-Control-Allow-Origin': '*', 'Content-Length': String(size),
      },
    }
    answers.set(size, answer)
  }
  return answer
}
const server = http.createServer((request, response) => {
  const params = new URL(request.url, 'http://x').searchParams
  const ms = Number(params.get('ms') ?? 100)
  const size = Math.min(1048576, Math.max(0, Number(params.get('size') ?? 1024) || 0))
  const answer = () => { const { headers, body } = answerOfSize(size); response.writeHead(200, headers); response.end(body) }
  if (ms === 0) return answer()
  const timer = setTimeout(answer, ms)
  response.once('close', () => clearTimeout(timer))
})
server.keepAliveTimeout = 30000
server.headersTimeout = 31000
const listen = () => server.listen(workerData.port, workerData.host, () => parentPort.postMessage('ready'))
if (workerData.probe) {
  import(workerData.probe).then(({ createProbe }) => {
    const probe = createProbe()
    parentPort.on('message', (message) => {
      if (message?.probe === 'reset') probe.reset()
      if (message?.probe === 'report') parentPort.postMessage({ probe: 'report', ...probe.report() })
    })
    listen()
  })
} else {
  listen()
}
`

/** Starts the bare server on `port`; resolves to its Worker once it listens. */
export function startBareServer(port, { probe = null } = {}) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bareServerSource, { eval: true, workerData: { port, host, probe } })
    workers.push(worker)
    worker.once('message', () => resolve(worker))
    worker.once('error', reject)
  })
}

// ---- client -----------------------------------------------------------------------------------

/** One GET /api/latency?ms=…; elapsed counts from the call, agent queueing included. */
export function requestOnce(agent, port, ms) {
  return new Promise((resolve) => {
    const startedAt = performance.now()
    const request = http.get({ host, port, path: `/api/latency?ms=${ms}`, agent }, (response) => {
      response.on('data', () => {})
      response.on('end', () => resolve({ ok: response.statusCode === 200, status: response.statusCode, elapsed: performance.now() - startedAt }))
      response.on('error', () => resolve({ ok: false, status: 0, elapsed: performance.now() - startedAt }))
    })
    request.on('error', () => resolve({ ok: false, status: 0, elapsed: performance.now() - startedAt }))
  })
}

/** Polls `target` ({ name, port, agent }) with ms=0 until it answers 200. */
export async function waitUntilServing(target, deadlineMs) {
  const deadline = Date.now() + deadlineMs
  let lastStatus = 0
  while (Date.now() < deadline) {
    const result = await requestOnce(target.agent, target.port, 0)
    lastStatus = result.status
    if (result.ok) return
    if (result.status === 404) {
      throw new Error(`${target.name}: /api/latency answers 404; the build predates app/api/latency/route.ts. Run \`npm run build\` again.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${target.name}: not serving on port ${target.port} after ${deadlineMs} ms (last status ${lastStatus})`)
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))
  return sorted[index]
}

export function format(value, digits = 1) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—'
}

// ---- life cycle -------------------------------------------------------------------------------

async function cleanUp() {
  shuttingDown = true
  await Promise.all(children.map(stopChild))
  await Promise.all(workers.map((worker) => worker.terminate()))
}

// Last resort, for a crash that skips cleanUp: the children have their own process groups, so
// they would outlive us. Synchronous, as 'exit' handlers must be.
process.once('exit', () => {
  shuttingDown = true
  for (const child of children) if (isRunning(child)) killGroup(child, 'SIGKILL')
})

/**
 * Runs `main` with a watchdog of `limitMs` (exit code 1 past it), SIGINT/SIGTERM handling (exit
 * 130), and clean-up of every child and worker started through this module, however it ends.
 */
export function runBench(main, { limitMs }) {
  const watchdog = setTimeout(() => {
    log(`Stopped: the bench ran past ${limitMs / 1000} s.`)
    process.exitCode = 1
    void cleanUp().finally(() => process.exit())
  }, limitMs)

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void cleanUp().finally(() => process.exit(130))
    })
  }

  const startedAt = Date.now()
  main()
    .catch((error) => {
      log(`Bench failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exitCode = 1
    })
    .finally(async () => {
      clearTimeout(watchdog)
      await cleanUp()
      log(`(bench took ${((Date.now() - startedAt) / 1000).toFixed(1)} s)`)
    })
}
