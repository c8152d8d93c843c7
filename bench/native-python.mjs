// Runs the article's four I/O programs (public/programs/) with this machine's python3 against a
// production server it starts, and prints each total beside the article's figure, the browser
// demo's figure from the same run (headless Chromium, /lab with the same 160 × 90 ± 20 ms), and
// the model (ceil(n / min(concurrency, cap)) × latency: the browser's cap of 6 per host; for
// python3 the program's own limit, aiohttp's default connector limit of 100 for asyncio).
// Usage: npm run build, then `node bench/native-python.mjs [sites=160]`. PYTHON=… picks the interpreter.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, resolveChromium } from '../scripts/chromium-path.mjs'
import { startProductionServer } from './server-process.mjs'

const sites = Number(process.argv[2] ?? 160)
const latencyMs = 90
const browserCap = 6
const cores = cpus().length

const programs = [
  { file: 'io_sync.py', label: 'sequential (requests.Session)', browser: ['sequential', '运行 顺序'], article: 14_300, concurrency: 1 },
  { file: 'io_threads.py', label: 'threads (ThreadPoolExecutor 5)', browser: ['pool', '运行 并发池'], article: 3_700, concurrency: 5 },
  { file: 'io_asyncio.py', label: 'asyncio (aiohttp, gather)', browser: ['async', '运行 Promise.all'], article: 2_600, concurrency: 100 },
  { file: 'io_processes.py', label: `processes (Pool, ${cores})`, browser: ['workers', '运行 Web Worker 池'], article: 5_700, concurrency: cores },
]

/** The first interpreter that has both libraries; each candidate's trouble is reported if none has. */
function findPython() {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3']
  const reasons = []
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ['-c', 'import sys, requests, aiohttp; print(sys.version.split()[0], requests.__version__, aiohttp.__version__)'], {
      encoding: 'utf8',
    })
    if (probe.status === 0) return { python: candidate, versions: probe.stdout.trim().split(' ') }
    reasons.push(`${candidate}: ${probe.error ? 'not found' : (probe.stderr.trim().split('\n').pop() ?? 'failed')}`)
  }
  return { reasons }
}

const model = (concurrency, cap) => Math.ceil(sites / Math.max(1, Math.min(concurrency, cap))) * latencyMs

const found = findPython()
if (!found.python) {
  console.log(`native-python bench skipped: no python3 with requests and aiohttp (${found.reasons.join('; ')}).`)
  console.log('Install them with `python3 -m pip install requests aiohttp` or `sudo apt install python3-requests python3-aiohttp`.')
  process.exit(0)
}

const server = await startProductionServer()
const rows = []
try {
  const folder = mkdtempSync(path.join(tmpdir(), 'native-python-bench-'))
  for (const program of programs) {
    const out = path.join(folder, program.file.replace('.py', '.json'))
    const result = spawnSync(found.python, [`public/programs/${program.file}`, '--base-url', server.origin, '--sites', String(sites), '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      timeout: 180_000,
    })
    if (result.status !== 0) throw new Error(`${program.file} failed (${result.status}): ${result.stderr}`)
    const [run] = JSON.parse(readFileSync(out, 'utf8')).runs
    const failed = run.spans.filter((span) => !span.ok).length
    rows.push({ program, native: run.totalMs, failed, lanes: new Set(run.spans.map((span) => span.lane)).size, summary: result.stdout.split('\n')[0] })
  }

  const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.origin}/lab?demo=io&sites=${sites}&latency=${latencyMs}&jitter=20&pool=5`)
    const demo = page.locator('.lab-demo [data-demo="io"]')
    await demo.waitFor({ timeout: 30_000 })
    for (const row of rows) {
      const [strategy, button] = row.program.browser
      await demo.getByRole('button', { name: button }).click()
      const result = demo.getByTestId('run-result').and(page.locator(`[data-strategy="${strategy}"][data-status]`))
      await result.waitFor({ timeout: 120_000 })
      row.browser = Number(await result.getAttribute('data-total-ms'))
      row.browserModel = model(strategy === 'workers' ? cores : row.program.concurrency, browserCap)
    }
  } finally {
    await browser.close()
  }
} finally {
  server.stop()
}

const [pythonVersion, requestsVersion, aiohttpVersion] = found.versions
console.log(
  `native python3 vs the browser: ${sites} downloads of /api/latency?site=jython|olympus (mean ${latencyMs} ms), ${cores} cores (load average ${loadavg()[0].toFixed(2)}), ${found.python} = CPython ${pythonVersion}, requests ${requestsVersion}, aiohttp ${aiohttpVersion}`,
)
console.log('program                          python3   article   py model   browser  browser model   lanes  failed')
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`.padStart(9)
for (const row of rows) {
  console.log(
    `${row.program.label.padEnd(31)} ${seconds(row.native)} ${seconds(row.program.article)} ${seconds(model(row.program.concurrency, Infinity))} ${seconds(row.browser)} ${seconds(row.browserModel).padStart(14)} ${String(row.lanes).padStart(7)} ${String(row.failed).padStart(7)}`,
  )
}
console.log(
  'py model: ceil(n / concurrency) × 90 ms (no browser cap; asyncio bounded by aiohttp’s 100 connections). browser model: the same with at most 6 connections per host.',
)
