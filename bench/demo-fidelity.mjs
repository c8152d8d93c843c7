// Runs the I/O demo's four strategies in headless Chromium against a production server and prints
// each measured total beside the model's prediction (ceil(n / min(concurrency, cap)) × latency).
// Beside each, the floor: the same strategy as a bare fetch loop in the same browser (no React, no
// engine, no charts), so what the browser itself adds per request is told apart from our own cost.
// Usage: npm run build, then `node bench/demo-fidelity.mjs [sites=48] [latencies=100,200] [hosts=1]`.
// It starts dist/server.mjs on a free port itself and stops it at the end.
import { chromium } from '@playwright/test'
import { chromiumArgs, resolveChromium } from '../scripts/chromium-path.mjs'
import { startProductionServer } from './server-process.mjs'

const sites = Number(process.argv[2] ?? 48)
const latencies = (process.argv[3] ?? '100,200').split(',').map(Number)
const hosts = Number(process.argv[4] ?? 1)
const strategies = [
  ['sequential', '运行 顺序'],
  ['pool', '运行 并发池'],
  ['async', '运行 Promise.all'],
  ['workers', '运行 Web Worker 池'],
]

const server = await startProductionServer()

/** The strategies as bare fetch loops on a plain page: the browser's own floor. */
async function bareFloor(page, latency, poolSize, workerCount) {
  return page.evaluate(
    async ({ sites, latency, poolSize, workerCount, origin }) => {
      const url = (job) => `${origin}/api/latency?ms=${latency}&jitter=0&seed=floor-${Math.random()}-${job}`
      const one = async (job) => {
        const response = await fetch(url(job), { cache: 'no-store' })
        await response.arrayBuffer()
      }
      const time = async (run) => {
        const start = performance.now()
        await run()
        return performance.now() - start
      }
      const sequential = await time(async () => {
        for (let job = 0; job < sites; job++) await one(job)
      })
      const pool = await time(async () => {
        let next = 0
        await Promise.all(
          Array.from({ length: poolSize }, async () => {
            while (next < sites) await one(next++)
          }),
        )
      })
      const all = await time(() => Promise.all(Array.from({ length: sites }, (_, job) => one(job))))
      const source = `onmessage=async(e)=>{for(const u of e.data){const r=await fetch(u,{cache:'no-store'});await r.arrayBuffer()}postMessage('done')}`
      const blob = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }))
      const workers = Array.from({ length: workerCount }, () => new Worker(blob))
      const workersMs = await time(() =>
        Promise.all(
          workers.map(
            (worker, lane) =>
              new Promise((resolve) => {
                worker.onmessage = resolve
                worker.postMessage(
                  Array.from({ length: sites }, (_, job) => job)
                    .filter((job) => job % workerCount === lane)
                    .map(url),
                )
              }),
          ),
        ),
      )
      for (const worker of workers) worker.terminate()
      return { sequential, pool, async: all, workers: workersMs }
    },
    { sites, latency, poolSize, workerCount, origin: server.origin },
  )
}

const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs })
const rows = []
try {
  for (const latency of latencies) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.origin}/learn/io-synchronous`)
    await page.locator('[data-demo-slot="io"]').first().scrollIntoViewIfNeeded()
    const demo = page.locator('[data-demo="io"]').first()
    for (const [label, value] of [
      ['网站数量', sites],
      ['延迟', latency],
      ['主机名数量', hosts],
    ]) {
      await demo.getByLabel(label).first().fill(String(value))
    }
    for (const [strategy, button] of strategies) {
      await demo.getByRole('button', { name: button }).click()
      const result = demo.getByTestId('run-result')
      await result.and(page.locator(`[data-strategy="${strategy}"]`)).waitFor({ timeout: 120_000 })
      const data = await result.evaluate((element) => ({ ...element.dataset }))
      const model = Number(data.modelMs)
      rows.push({ latency, strategy, measured: Number(data.totalMs), model, maxInFlight: Number(data.maxInFlight) })
    }
    const poolSize = Number(await demo.getByLabel('池大小').first().inputValue())
    const workerCount = await page.evaluate(() => navigator.hardwareConcurrency)
    await page.close()
    const bare = await browser.newPage()
    await bare.goto(`${server.origin}/`)
    const floor = await bareFloor(bare, latency, poolSize, workerCount)
    for (const row of rows.filter((candidate) => candidate.latency === latency)) row.bare = floor[row.strategy]
    await bare.close()
  }
} finally {
  await browser.close()
  server.stop()
}

console.log(`I/O demo fidelity: ${sites} sites, ${hosts} host name(s), headless Chromium, production server`)
console.log('latency  strategy     measured    model   measured/model  max in flight   bare fetch floor  floor/model  demo/floor')
for (const row of rows) {
  console.log(
    `${String(row.latency).padStart(5)} ms  ${row.strategy.padEnd(10)} ${row.measured.toFixed(0).padStart(8)} ms ${row.model.toFixed(0).padStart(6)} ms ${(row.measured / row.model).toFixed(3).padStart(10)}  ${String(row.maxInFlight).padStart(8)}   ${row.bare.toFixed(0).padStart(10)} ms ${(row.bare / row.model).toFixed(3).padStart(12)} ${(row.measured / row.bare).toFixed(3).padStart(10)}`,
  )
}
for (const latency of latencies) {
  const at = rows.filter((row) => row.latency === latency)
  const worst = Math.max(...at.map((row) => Math.abs(row.measured / row.model - 1)))
  const worstFloor = Math.max(...at.map((row) => Math.abs(row.bare / row.model - 1)))
  const worstOverFloor = Math.max(...at.map((row) => row.measured / row.bare - 1))
  console.log(
    `latency ${latency} ms: worst deviation from the model ${(worst * 100).toFixed(1)}% (target ≤ 15%); the bare fetch floor's own ${(worstFloor * 100).toFixed(1)}%; the demo's worst cost over the floor ${(worstOverFloor * 100).toFixed(1)}%`,
  )
}
