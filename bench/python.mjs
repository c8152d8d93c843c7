// The browser's Python (Pyodide in the lab's worker) in headless Chromium, each figure beside a
// floor measured in the same run, and the host's load average beside each:
//  · ready: click 用 Python 运行 on a one-line listing until its result, first visit and cached,
//    against a bare module worker on the same origin that only imports and starts Pyodide; on the
//    cached visit, where each Pyodide file came from (service worker, HTTP cache, network);
//  · bytes fetched on first use, against the package's own files gzip-compressed;
//  · asyncio and sequential downloads at 200 ms against the model, each beside the same URLs
//    fetched by bare loops in the page and in a bare module worker (what pyfetch runs on), and
//    the Python run split into start (to its first request on the wire), wire and end;
//  · the CPU program in one interpreter against N (cold: starting them; warm: already up, taken in
//    turn with the one), beside
//    the same split of the same work over one and N bare JavaScript workers; against native python3;
//  · memory per Python worker: the browser's resident memory (ps, every Chromium process) with
//    0, 1, 2 and 4 bare interpreters running the lab's prelude; per worker = the slope.
// Usage: npm run build, then
//   node bench/python.mjs [sites=24] [base=1000000] [only=ready,io,cpu,memory] [programs=io-synchronous,io-asyncio] [rounds=3]
import { chromium } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'
import { chromiumArgs, resolveChromium } from '../scripts/chromium-path.mjs'
import { pyodideFileNames } from '../scripts/copy-pyodide.mjs'
import { startProductionServer } from './server-process.mjs'

const named = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((arg) => arg.includes('='))
    .map((arg) => arg.split('=', 2)),
)
const positional = process.argv.slice(2).filter((arg) => !arg.includes('='))
const sites = Number(named.sites ?? positional[0] ?? 24)
const base = Number(named.base ?? positional[1] ?? 1_000_000)
const rounds = Number(named.rounds ?? 3)
const only = new Set((named.only ?? 'ready,io,cpu,memory').split(','))
const ioPrograms = new Set((named.programs ?? 'io-synchronous,io-asyncio').split(','))
const load = () => `load ${loadavg()[0].toFixed(2)}`
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const pyodideVersion = JSON.parse(readFileSync('node_modules/pyodide/package.json', 'utf8')).version
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

const prelude = readFileSync('lib/python/prelude.ts', 'utf8').match(/String\.raw`([\s\S]*)`/)[1]

/**
 * The floor: a bare module worker on the same origin that imports Pyodide and starts it; with
 * `withPrelude`, it then runs the lab's prelude too (its imports: asyncio, multiprocessing, …).
 */
function bareReady(page, withPrelude = false) {
  return page.evaluate(
    async ({ origin, version, prelude }) => {
      const source = `const { loadPyodide } = await import('${origin}/pyodide/${version}/pyodide.mjs')
        const pyodide = await loadPyodide({ indexURL: '${origin}/pyodide/${version}/' })
        onmessage = async (event) => { await pyodide.runPythonAsync(event.data); postMessage('ready') }
        postMessage('ready')`
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
      const start = performance.now()
      const worker = new Worker(url, { type: 'module' })
      const answer = () =>
        new Promise((resolve, reject) => {
          worker.onmessage = resolve
          worker.onerror = (event) => reject(new Error(event.message || 'bare worker failed'))
          setTimeout(() => reject(new Error('bare worker: no answer in 120 s')), 120_000)
        })
      await answer()
      if (prelude) {
        worker.postMessage(prelude)
        await answer()
      }
      worker.terminate()
      return performance.now() - start
    },
    { origin: server.origin, version: pyodideVersion, prelude: withPrelude ? prelude : null },
  )
}

/** Where each Pyodide file of a visit came from. */
function watchPyodideSources(context) {
  const sources = []
  const listener = async (request) => {
    if (!request.url().includes('/pyodide/')) return
    const response = await request.response().catch(() => null)
    const file = request.url().split('/').at(-1)
    if (!response) return
    const fromWorker = response.fromServiceWorker()
    const sizes = await request.sizes().catch(() => null)
    sources.push(`${file}: ${fromWorker ? 'service worker' : (sizes?.responseBodySize ?? 0) > 0 ? 'network' : 'HTTP cache'}`)
  }
  context.on('requestfinished', listener)
  return () => (context.off('requestfinished', listener), sources)
}

// 1. Ready time and bytes, first visit (fresh profile) then cached (same profile, new page).
const context = await browser.newContext()
if (only.has('ready')) {
  let pyodideBytes = 0
  const countBytes = async (request) => {
    if (!request.url().includes('/pyodide/')) return
    const sizes = await request.sizes().catch(() => null)
    if (sizes) pyodideBytes += sizes.responseBodySize + sizes.responseHeadersSize
  }
  context.on('requestfinished', countBytes)
  const first = await context.newPage()
  const firstReady = await appReady(first)
  const firstLoad = load()
  context.off('requestfinished', countBytes)
  const firstBytes = pyodideBytes
  const packageGzip = pyodideFileNames.reduce((sum, name) => sum + gzipSync(readFileSync(`node_modules/pyodide/${name}`)).byteLength, 0)
  const packageRaw = pyodideFileNames.reduce((sum, name) => sum + readFileSync(`node_modules/pyodide/${name}`).byteLength, 0)
  const bareFresh = await browser.newContext()
  const bareFirst = await bareReady(await bareFresh.newPage().then(async (page) => (await page.goto(`${server.origin}/`), page)))
  await bareFresh.close()
  console.log(
    `ready, first visit: ${ms(firstReady)} (click → result of \`pass\`)   floor: bare worker importing and starting Pyodide, fresh profile: ${ms(bareFirst)}   ${firstLoad}`,
  )
  // Cached: a new page in the same profile, twice (V8 keeps compiled WebAssembly only once it has
  // been compiled and used; the second visit is the steady state), each beside the bare worker.
  for (let visit = 1; visit <= 2; visit++) {
    const stop = watchPyodideSources(context)
    const page = await context.newPage()
    const cachedReady = await appReady(page)
    const sources = stop()
    const bareCached = await bareReady(page)
    const barePrelude = await bareReady(page, true)
    console.log(
      `ready, cached visit ${visit}: ${ms(cachedReady)}   floor: bare worker, cached: ${ms(bareCached)} (and running the lab's prelude: ${ms(barePrelude)})   ${load()}`,
    )
    console.log(`  files: ${sources.join(', ')}`)
    await page.close()
  }
  console.log(
    `bytes fetched on first use: ${mb(firstBytes)}   target/floor: the package's files gzip-compressed ${mb(packageGzip)} (uncompressed ${mb(packageRaw)})`,
  )
}

/** The same URLs the Python run fetched, with bare JavaScript: in the page, and in a module worker. */
function bareFetches(page, urls, sequential) {
  return page.evaluate(
    async ({ urls, sequential }) => {
      async function timed(urls, sequential) {
        const start = performance.now()
        if (sequential === 'xhr') {
          for (const url of urls) {
            const xhr = new XMLHttpRequest()
            xhr.open('GET', url, false)
            xhr.send()
          }
        } else if (sequential) for (const url of urls) await (await fetch(url)).arrayBuffer()
        else await Promise.all(urls.map(async (url) => (await fetch(url)).arrayBuffer()))
        const total = performance.now() - start
        const entries = performance.getEntriesByType('resource').filter((entry) => urls.includes(entry.name))
        const wireStart = Math.min(...entries.map((entry) => entry.requestStart)) - start
        const wireEnd = Math.max(...entries.map((entry) => entry.responseEnd)) - start
        performance.clearResourceTimings()
        return { total, wireStart, wireEnd }
      }
      const unique = (tag) => urls.map((url) => new URL(`${url}&seed=${tag}-${Math.random()}`, location.href).href)
      const inPage = await timed(unique('page'), sequential)
      const source = `${timed.toString()}\nonmessage = async (event) => postMessage(await timed(event.data.urls, event.data.sequential))`
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { type: 'module' })
      const inWorker = await new Promise((resolve) => {
        worker.onmessage = (event) => resolve(event.data)
        worker.postMessage({ urls: unique('worker'), sequential })
      })
      let xhrInWorker = null
      if (sequential) {
        xhrInWorker = await new Promise((resolve) => {
          worker.onmessage = (event) => resolve(event.data)
          worker.postMessage({ urls: unique('xhr'), sequential: 'xhr' })
        })
      }
      worker.terminate()
      return { inPage, inWorker, xhrInWorker }
    },
    { urls, sequential },
  )
}

// 2. I/O at 200 ms against the model, beside bare fetch loops over the same URLs in the same browser.
if (only.has('io')) {
  const io = await context.newPage()
  for (const [path, program] of [
    ['/learn/io-synchronous', 'io-synchronous'],
    ['/learn/io-asyncio', 'io-asyncio'],
  ].filter(([, program]) => ioPrograms.has(program))) {
    const demo = await openRunner(io, path, program)
    await resetListing(demo)
    await setKnob(demo, '网站数量', sites)
    await setKnob(demo, '延迟', 200)
    const sequential = program === 'io-synchronous'
    const urls = Array.from({ length: sites }, (_, i) => `${server.origin}/api/latency?site=${i % 2 ? 'olympus' : 'jython'}&ms=200&jitter=0`)
    const python = []
    const page = []
    const worker = []
    const xhr = []
    let model = 0
    for (let round = 0; round < rounds; round++) {
      const result = await run(demo)
      model = result.model
      const [stored] = await io.evaluate(() => JSON.parse(localStorage.getItem('concurrency-lab:runs') ?? '{"state":{"runs":[]}}').state.runs)
      const spans = stored.spans
      const wireStart = Math.min(...spans.map((span) => span.wireStart ?? span.start))
      const wireEnd = Math.max(...spans.map((span) => span.wireEnd ?? span.end))
      python.push({ total: result.total, wireStart, wireEnd })
      const bare = await bareFetches(io, urls, sequential)
      page.push(bare.inPage)
      worker.push(bare.inWorker)
      if (bare.xhrInWorker) xhr.push(bare.xhrInWorker)
    }
    const describe = (runs) => {
      const total = median(runs.map((run) => run.total))
      const start = median(runs.map((run) => run.wireStart))
      const wire = median(runs.map((run) => run.wireEnd - run.wireStart))
      const end = median(runs.map((run) => run.total - run.wireEnd))
      return `${ms(total)} = ${(total / model).toFixed(2)}× (start ${ms(start)} + wire ${ms(wire)} + end ${ms(end)})`
    }
    console.log(`${program}, ${sites} sites at 200 ms, median of ${rounds}, model ${ms(model)}   ${load()}`)
    console.log(`  Python:                 ${describe(python)}`)
    console.log(`  floor, fetch in a module worker: ${describe(worker)}`)
    console.log(`  floor, fetch in the page:        ${describe(page)}`)
    // pyxhr is a synchronous XMLHttpRequest: its own floor is the same loop of them in a worker.
    if (xhr.length > 0) console.log(`  floor, synchronous XHR in a module worker: ${describe(xhr)}`)
  }
  await io.close()
}

/** The CPU program's split (20 jobs, one at a time to whichever worker is free) over bare JavaScript workers. */
function jsWorkers(page, workers, base) {
  return page.evaluate(
    async ({ workers, base }) => {
      // The loop in a function of its own: written inside the onmessage handler, V8 never optimizes
      // it in a worker (about 100 ns a step instead of 1 ns, measured here), which made this floor
      // take minutes.
      const source = `function sumOfSquares(n) { let sum = 0; for (let i = 0; i < n; i++) sum += i * i; return sum }\nonmessage = (event) => postMessage(sumOfSquares(event.data))`
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
      const pool = Array.from({ length: workers }, () => new Worker(url))
      // Warm: each worker has answered once before the clock starts, as warm interpreters have.
      await Promise.all(pool.map((worker) => new Promise((resolve) => ((worker.onmessage = resolve), worker.postMessage(1)))))
      // Optimized JavaScript runs this loop about 200× faster than the browser's CPython here: 200× the n
      // keeps each job near the Python one's length.
      const jobs = Array.from({ length: 20 }, (_, x) => (base + x) * 200)
      let next = 0
      const start = performance.now()
      await Promise.all(
        pool.map(async (worker) => {
          while (next < jobs.length) {
            const n = jobs[next++]
            await new Promise((resolve) => ((worker.onmessage = resolve), worker.postMessage(n)))
          }
        }),
      )
      const total = performance.now() - start
      for (const worker of pool) worker.terminate()
      return total
    },
    { workers, base },
  )
}

// 3. CPU: one interpreter, then N (cold, then warm), then native python3; bare JS workers beside.
if (only.has('cpu')) {
  const cpu = await context.newPage()
  const single = await openRunner(cpu, '/learn/cpu-bound', 'cpu-sequential')
  const pooled = cpu.locator('[data-demo="python"][data-program="cpu-processes"]')
  await pooled.scrollIntoViewIfNeeded()
  await pooled.waitFor()
  for (const demo of [single, pooled]) {
    await resetListing(demo)
    await setKnob(demo, '规模', base)
  }
  const cold = await run(pooled)
  // The page's own interpreter runs the program once unmeasured, as the pool's did in the cold
  // run, so one and N are measured in the same state; its time is printed beside the cold run's.
  const firstOne = await run(single)
  console.log(`  pooled cold ${ms(cold.total)}; one interpreter's first run (not counted) ${ms(firstOne.total)}`)
  // One and N taken in turn, round by round: this host's speed drifts between minutes.
  const ones = []
  const warms = []
  for (let round = 0; round < rounds; round++) {
    ones.push((await run(single)).total)
    warms.push((await run(pooled)).total)
    console.log(
      `  round ${round + 1}: one interpreter ${ms(ones.at(-1))}, pooled warm ${ms(warms.at(-1))} (${(ones.at(-1) / warms.at(-1)).toFixed(2)}×)   ${load()}`,
    )
  }
  const cpuLoad = load()
  const cores = await cpu.evaluate(() => navigator.hardwareConcurrency)
  const jsOne = []
  const jsMany = []
  const one = median(ones)
  const warm = median(warms)
  const native = Number(
    execFileSync('python3', [
      '-c',
      `import time\ndef s(n): return sum(i * i for i in range(n))\nt = time.perf_counter()\nfor n in [${base} + x for x in range(20)]: s(n)\nprint((time.perf_counter() - t) * 1000)`,
    ]).toString(),
  )
  console.log(
    `CPU, 20 × ${base}, median of ${rounds}: one interpreter ${ms(one)}; ${cores} interpreters cold ${ms(cold.total)} (${(one / cold.total).toFixed(2)}×), warm ${ms(warm)} (${(one / warm).toFixed(2)}×)   target ≥ 1.6× on 2 cores   ${cpuLoad}`,
  )
  console.log(`CPU, one interpreter against native python3 on this machine: ${ms(one)} vs ${ms(native)} = ${(one / native).toFixed(2)}× slower`)
  // A fresh page: the Python page's interpreters are ended first, so the floor has the cores to itself.
  await cpu.close()
  const floorPage = await context.newPage()
  await floorPage.goto(`${server.origin}/learn/cpu-bound`)
  for (let round = 0; round < rounds; round++) {
    // A minute's limit: a stuck worker must not take the figures above with it.
    const limit = (promise) => Promise.race([promise.catch(() => Number.NaN), new Promise((resolve) => setTimeout(() => resolve(Number.NaN), 60_000))])
    jsOne.push(await limit(jsWorkers(floorPage, 1, base)))
    jsMany.push(await limit(jsWorkers(floorPage, cores, base)))
    if (Number.isNaN(jsOne.at(-1)) || Number.isNaN(jsMany.at(-1))) break
  }
  await floorPage.close()
  console.log(
    `  floor, the same split over bare JavaScript workers: one ${ms(median(jsOne))}, ${cores} ${ms(median(jsMany))} (${(median(jsOne) / median(jsMany)).toFixed(2)}×)   ${load()}`,
  )
}

/** Resident memory of every process of this browser (ps; the workers live in the page's renderer). */
async function browserRss(session) {
  const { processInfo } = await session.send('SystemInfo.getProcessInfo')
  const pids = processInfo.map((entry) => entry.id).filter((id) => id > 0)
  const out = execFileSync('ps', ['-o', 'rss=', '-p', pids.join(',')]).toString()
  return out
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.trim()) * 1024, 0)
}

// 4. Memory per Python worker: the browser's resident memory with 0, 1, 2 and 4 interpreters.
if (only.has('memory')) {
  const memoryBrowser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs })
  const session = await memoryBrowser.newBrowserCDPSession()
  const page = await memoryBrowser.newPage()
  await page.goto(`${server.origin}/`)
  await page.evaluate(() => (window.labWorkers = []))
  const points = []
  for (const count of [0, 1, 2, 4]) {
    await page.evaluate(
      async ({ count, origin, version, prelude }) => {
        const source = `const { loadPyodide } = await import('${origin}/pyodide/${version}/pyodide.mjs')
          const pyodide = await loadPyodide({ indexURL: '${origin}/pyodide/${version}/' })
          onmessage = async (event) => { await pyodide.runPythonAsync(event.data); postMessage('ready') }
          postMessage('loaded')`
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
        while (window.labWorkers.length < count) {
          const worker = new Worker(url, { type: 'module' })
          await new Promise((resolve) => (worker.onmessage = resolve))
          // The lab's prelude, then a CPU job, as a pool interpreter has run before it waits.
          await new Promise((resolve) => ((worker.onmessage = resolve), worker.postMessage(`${prelude}\nsum(i * i for i in range(200_000))`)))
          window.labWorkers.push(worker)
        }
      },
      { count, origin: server.origin, version: pyodideVersion, prelude },
    )
    await page.waitForTimeout(2_000)
    points.push([count, await browserRss(session)])
  }
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length
  const xs = points.map(([count]) => count)
  const ys = points.map(([, rss]) => rss)
  const slope = xs.reduce((sum, x, i) => sum + (x - mean(xs)) * (ys[i] - mean(ys)), 0) / xs.reduce((sum, x) => sum + (x - mean(xs)) ** 2, 0)
  const later = (points[3][1] - points[1][1]) / 3
  console.log(
    `memory, the browser's resident memory (ps) with 0, 1, 2, 4 interpreters: ${points.map(([count, rss]) => `${count}: ${mb(rss)}`).join(', ')}   ${load()}`,
  )
  console.log(
    `  per Python worker (slope): ${mb(slope)}; the first ${mb(points[1][1] - points[0][1])}, each after it ${mb(later)} (compiled code is shared within a process)`,
  )
  console.log(`  floor: the browser with the page and no interpreter ${mb(points[0][1])}`)
  await memoryBrowser.close()
}

await browser.close()
server.stop()
