// Runs the I/O demo's four strategies in headless Chromium against a production server and prints
// each measured total beside the model's prediction (ceil(n / min(concurrency, cap)) × latency).
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

const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs })
const rows = []
try {
  for (const latency of latencies) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.origin}/learn/io-synchronous`)
    await page.locator('[data-demo-slot="io"]').first().scrollIntoViewIfNeeded()
    const demo = page.locator('[data-demo="io"]').first()
    for (const [label, value] of [['网站数量', sites], ['延迟', latency], ['主机名数量', hosts]]) {
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
    await page.close()
  }
} finally {
  await browser.close()
  server.stop()
}

console.log(`I/O demo fidelity: ${sites} sites, ${hosts} host name(s), headless Chromium, production server`)
console.log('latency  strategy     measured    model   measured/model  max in flight')
for (const row of rows) {
  console.log(
    `${String(row.latency).padStart(5)} ms  ${row.strategy.padEnd(10)} ${row.measured.toFixed(0).padStart(8)} ms ${row.model.toFixed(0).padStart(6)} ms ${(row.measured / row.model).toFixed(3).padStart(10)}  ${String(row.maxInFlight).padStart(8)}`,
  )
}
const worst = Math.max(...rows.filter((row) => row.latency >= 100).map((row) => Math.abs(row.measured / row.model - 1)))
console.log(`worst deviation at latency ≥ 100 ms: ${(worst * 100).toFixed(1)}% (target ≤ 15%)`)
