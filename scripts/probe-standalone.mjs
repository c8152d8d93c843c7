// Proves the self-contained build is self-contained: copies .next/standalone to a temporary folder
// outside the project (so nothing can quietly load from the project's node_modules), starts it
// with plain `node server.mjs`, and probes it: pages, a static chunk, the latency fast path with a
// good and a bad query, and the security headers. Exits non-zero on the first failure.
// Run by `npm test` after the build; by hand: `npm run build && node scripts/probe-standalone.mjs`.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const source = path.resolve('.next/standalone')
if (!existsSync(path.join(source, 'server.mjs'))) {
  console.error('No .next/standalone/server.mjs: run `npm run build` first.')
  process.exit(1)
}
const folder = mkdtempSync(path.join(tmpdir(), 'concurrency-lab-standalone-'))
cpSync(source, folder, { recursive: true })

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address()
    probe.close(() => resolve(free))
  })
})
const origin = `http://127.0.0.1:${port}`
const started = Date.now()
const child = spawn(process.execPath, ['server.mjs'], {
  cwd: folder,
  env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1' },
  stdio: ['ignore', 'pipe', 'pipe'],
})
let output = ''
child.stdout.on('data', (chunk) => (output += chunk))
child.stderr.on('data', (chunk) => (output += chunk))

const problems = []
function expect(condition, message) {
  if (!condition) problems.push(message)
  console.log(`  ${condition ? '✓' : '✗'} ${message}`)
}

try {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no "ready" within 30 s')), 30_000)
    child.stdout.on('data', () => output.includes('ready') && (clearTimeout(timer), resolve()))
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`exited with ${code}`))))
  })
  console.log(`self-contained build started from ${folder} in ${Date.now() - started} ms`)

  const home = await fetch(`${origin}/`)
  const homeHtml = await home.text()
  expect(home.status === 200 && homeHtml.includes('并发实验室'), 'GET / is 200 and is our home page')
  expect(
    (home.headers.get('content-security-policy') ?? '').includes("frame-ancestors 'none'"),
    'GET / carries the Content-Security-Policy from next.config.ts',
  )
  expect(home.headers.get('x-content-type-options') === 'nosniff', 'GET / carries X-Content-Type-Options: nosniff')

  const chapter = await fetch(`${origin}/learn/what-is-concurrency`)
  expect(chapter.status === 200 && (await chapter.text()).includes('什么是并发'), 'GET /learn/what-is-concurrency is 200 with the chapter')
  const isolated = await fetch(`${origin}/learn/race-conditions`)
  expect(isolated.headers.get('cross-origin-opener-policy') === 'same-origin', 'the race chapter is cross-origin isolated (COOP)')

  const chunk = homeHtml.match(/\/_next\/static\/chunks\/[\w.-]+\.js/)?.[0]
  const chunkResponse = chunk ? await fetch(`${origin}${chunk}`) : null
  expect(chunkResponse?.status === 200, `a static chunk (${chunk ?? 'none found'}) is served`)
  const icon = await fetch(`${origin}/diagrams/io-bound.svg`)
  expect(icon.status === 200, 'a file from public/ is served')
  const pyodide = await fetch(`${origin}/pyodide/314.0.8/pyodide.asm.wasm`, { method: 'HEAD' })
  expect(
    pyodide.status === 200 && pyodide.headers.get('cache-control') === 'public, max-age=31536000, immutable',
    'the self-hosted Python runtime (public/pyodide) is served, cached for a year',
  )

  const waitStart = performance.now()
  const latency = await fetch(`${origin}/api/latency?ms=50`)
  const waited = performance.now() - waitStart
  await latency.arrayBuffer()
  expect(latency.status === 200 && waited >= 50, `GET /api/latency?ms=50 is 200 after ${Math.round(waited)} ms`)
  expect(/wait;dur=/.test(latency.headers.get('server-timing') ?? ''), 'the latency route sends Server-Timing')
  // Our server keeps sockets 30 s (Next's own standalone server.js would say 5): server.mjs, with
  // its fast path, is what answered; and the route's own locked-down CSP, not the pages' one.
  expect(/timeout=30/.test(latency.headers.get('keep-alive') ?? ''), "the lab's own server (with the fast path) answered, not Next's server.js")
  expect(latency.headers.get('content-security-policy') === "default-src 'none'; frame-ancestors 'none'", 'the latency route has its own CSP')
  const bad = await fetch(`${origin}/api/latency?ms=abc`)
  const badBody = await bad.json().catch(() => null)
  expect(bad.status === 400 && badBody?.error?.field === 'ms', 'GET /api/latency?ms=abc is a 400 naming the field')

  const missing = await fetch(`${origin}/learn/no-such-chapter`)
  expect(missing.status === 404, 'an unknown chapter is a 404')
} catch (error) {
  problems.push(String(error))
  console.log(output)
} finally {
  child.kill()
  rmSync(folder, { recursive: true, force: true })
}

if (problems.length) {
  console.error(`self-contained build: ${problems.length} problem(s)`)
  process.exit(1)
}
console.log('self-contained build: all probes passed')
