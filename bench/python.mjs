// The browser's Python (Pyodide in the lab's worker) in headless Chromium, each figure beside a
// floor measured in the same run:
//  · ready time, first visit and cached: click 用 Python 运行 on a one-line listing until its
//    result, against a bare module worker on the same origin that only imports and starts Pyodide;
//  · bytes fetched on first use, against the package's own files gzip-compressed;
//  · asyncio and sequential downloads at 200 ms against the model, beside bare fetch loops;
//  · the CPU program in one interpreter against N (cold: starting them; warm: already up), and
//    one interpreter against native python3 on this machine;
//  · memory per Python worker (measureUserAgentSpecificMemory on the isolated lab).
// Usage: npm run build, then `node bench/python.mjs [sites=24] [base=1000000]`.
import { chromium } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromiumArgs, resolveChromium } from '../scripts/chromium-path.mjs'
import { pyodideFileNames } from '../scripts/copy-pyodide.mjs'
import { startProductionServer } from './server-process.mjs'

const sites = Number(process.argv[2] ?? 24)
const base = Number(process.argv[3] ?? 1_000_000)
const server = await startProductionServer()
const browser = await chromium.launch({ executablePath: resolveChromium(), args: [...chromiumArgs, '--enable-blink-features=ForceEagerMeasureMemory'] })
const ms = (value) => `${Math.round(value)} ms`
const mb = (bytes) => `${(bytes / 1_048_576).toFixed(2)} MB`

async function openRunner(page, path, program) {
  await page.goto(`${server.origin}${path}`)
  const demo = page.locator(`[data-demo="python"][data-program="${program}"]`)
  for (const slot of await page.locator('[data-demo-slot="python"]').all()) await slot.scrollIntoViewIfNeeded()
  await demo.scrollIntoViewIfNeeded()
  await demo.waitFor()
  return demo
}

/** Back to the chapter's listing (step 1 left an edit in this profile). */
async function resetListing(demo) {
  const reset = demo.getByRole('button', { name: '恢复本章的版本' })
  if (await reset.isVisible()) await reset.click()
}

async function setKnob(demo, label, value) {
  const input = demo.getByLabel(label, { exact: false }).first()
  await input.fill(String(value))
  await input.blur()
}

async function run(demo) {
  await demo.getByRole('button', { name: '用 Python 运行' }).click()
  const result = demo.getByTestId('run-result')
  await result.waitFor({ timeout: 300_000 })
  return {
    total: Number(await result.getAttribute('data-total-ms')),
    model: Number(await result.getAttribute('data-model-ms')),
    status: await result.getAttribute('data-status'),
  }
}

async function replaceListing(page, demo, code) {
  const edit = demo.getByRole('button', { name: '编辑' })
  if (await edit.isVisible()) await edit.click()
  const editor = demo.getByRole('textbox', { name: '编辑 Python 程序' })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(code)
}

/** Click to result of `pass`: loading, starting and one empty run. */
async function appReady(page) {
  const demo = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await replaceListing(page, demo, 'pass\n')
  const start = Date.now()
  await run(demo)
  return Date.now() - start
}

/** The floor: a bare module worker on the same origin that imports Pyodide and starts it. */
function bareReady(page) {
  return page.evaluate(async (origin) => {
    const source = `const { loadPyodide } = await import('${origin}/pyodide/314.0.8/pyodide.mjs'); await loadPyodide({ indexURL: '${origin}/pyodide/314.0.8/' }); postMessage('ready')`
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
    const start = performance.now()
    const worker = new Worker(url, { type: 'module' })
    await new Promise((resolve, reject) => {
      worker.onmessage = resolve
      worker.onerror = (event) => reject(new Error(event.message || 'bare worker failed'))
      setTimeout(() => reject(new Error('bare worker: no answer in 120 s')), 120_000)
    })
    worker.terminate()
    return performance.now() - start
  }, server.origin)
}

// 1. Ready time and bytes, first visit (fresh profile) then cached (same profile, new page).
const context = await browser.newContext()
let pyodideBytes = 0
context.on('requestfinished', async (request) => {
  if (!request.url().includes('/pyodide/')) return
  const sizes = await request.sizes().catch(() => null)
  if (sizes) pyodideBytes += sizes.responseBodySize + sizes.responseHeadersSize
})
const first = await context.newPage()
const firstReady = await appReady(first)
const firstBytes = pyodideBytes
const packageGzip = pyodideFileNames.reduce((sum, name) => sum + gzipSync(readFileSync(`node_modules/pyodide/${name}`)).byteLength, 0)
const packageRaw = pyodideFileNames.reduce((sum, name) => sum + readFileSync(`node_modules/pyodide/${name}`).byteLength, 0)
const bareFresh = await browser.newContext()
const bareFirst = await bareReady(await bareFresh.newPage().then(async (page) => (await page.goto(`${server.origin}/`), page)))
const second = await context.newPage()
const cachedReady = await appReady(second)
const bareCached = await bareReady(second)
console.log(
  `ready, first visit: ${ms(firstReady)} (click → result of \`pass\`)   floor: bare worker importing and starting Pyodide, fresh profile: ${ms(bareFirst)}`,
)
console.log(`ready, cached:      ${ms(cachedReady)}   floor: bare worker, cached: ${ms(bareCached)}`)
console.log(
  `bytes fetched on first use: ${mb(firstBytes)}   target/floor: the package's files gzip-compressed ${mb(packageGzip)} (uncompressed ${mb(packageRaw)})`,
)
await bareFresh.close()

// 2. I/O at 200 ms against the model, beside bare fetch loops in the same browser.
const io = await context.newPage()
const bareIo = await io.evaluate(
  async ({ origin, sites }) => {
    const url = (i) => `${origin}/api/latency?ms=200&jitter=0&seed=bare${Date.now()}-${i}`
    let start = performance.now()
    for (let i = 0; i < sites; i++) await (await fetch(url(i), { cache: 'no-store' })).arrayBuffer()
    const sequential = performance.now() - start
    start = performance.now()
    await Promise.all(Array.from({ length: sites }, async (_, i) => (await fetch(url(`a${i}`), { cache: 'no-store' })).arrayBuffer()))
    return { sequential, async: performance.now() - start }
  },
  { origin: server.origin, sites },
)
for (const [path, program, floor] of [
  ['/learn/io-synchronous', 'io-synchronous', bareIo.sequential],
  ['/learn/io-asyncio', 'io-asyncio', bareIo.async],
]) {
  const demo = await openRunner(io, path, program)
  await setKnob(demo, '网站数量', sites)
  await setKnob(demo, '延迟', 200)
  const result = await run(demo)
  console.log(
    `${program}, ${sites} sites at 200 ms: ${ms(result.total)} = ${(result.total / result.model).toFixed(2)}× the model (${ms(result.model)})   floor: bare fetch loop ${ms(floor)} = ${(floor / result.model).toFixed(2)}×`,
  )
}

// 3. CPU: one interpreter, then N (cold, then warm), then native python3.
const cpu = await context.newPage()
const single = await openRunner(cpu, '/learn/cpu-bound', 'cpu-sequential')
await resetListing(single)
await setKnob(single, '规模', base)
const one = await run(single)
const pooled = await openRunner(cpu, '/learn/cpu-bound', 'cpu-processes')
await setKnob(pooled, '规模', base)
const cold = await run(pooled)
const warm = await run(pooled)
const cores = await cpu.evaluate(() => navigator.hardwareConcurrency)
const native = Number(
  execFileSync('python3', [
    '-c',
    `import time\ndef s(n): return sum(i * i for i in range(n))\nt = time.perf_counter()\nfor n in [${base} + x for x in range(20)]: s(n)\nprint((time.perf_counter() - t) * 1000)`,
  ]).toString(),
)
console.log(
  `CPU, 20 × ${base}: one interpreter ${ms(one.total)}; ${cores} interpreters cold ${ms(cold.total)} (${(one.total / cold.total).toFixed(2)}×), warm ${ms(warm.total)} (${(one.total / warm.total).toFixed(2)}×)   target ≥ 1.6× on 2 cores`,
)
console.log(`CPU, one interpreter against native python3 on this machine: ${ms(one.total)} vs ${ms(native)} = ${(one.total / native).toFixed(2)}× slower`)

// 4. Memory per Python worker, on the isolated lab (the API needs cross-origin isolation).
const lab = await context.newPage()
await lab.goto(`${server.origin}/lab?demo=cpu&strategy=py-cpu-processes`)
const labDemo = lab.getByRole('region', { name: '运行环境' }).locator('[data-demo="python"]')
await setKnob(labDemo, '规模', 100_000)
await run(labDemo)
const memory = await lab.evaluate(async () => {
  const result = await performance.measureUserAgentSpecificMemory()
  const workers = new Map()
  let page = 0
  for (const entry of result.breakdown) {
    const worker = entry.attribution.find((item) => item.scope === 'DedicatedWorkerGlobalScope')
    if (worker) workers.set(worker.url, (workers.get(worker.url) ?? 0) + entry.bytes)
    else page += entry.bytes
  }
  return { workers: [...workers.values()], page }
})
console.log(`memory: ${memory.workers.length} Python workers, ${memory.workers.map(mb).join(', ')} each   floor: the lab page itself ${mb(memory.page)}`)

await browser.close()
server.stop()
