// The CPU demo in headless Chromium at its default size: sequential (main thread) against the
// Web Worker pool, alternating, several rounds; prints median totals, the speed-up and the
// longest frame gaps. Usage: npm run build, then `node bench/cpu-speedup.mjs [rounds=3] [base]`.
import { chromium } from '@playwright/test'
import { chromiumArgs, resolveChromium } from '../scripts/chromium-path.mjs'
import { startProductionServer } from './server-process.mjs'

const rounds = Number(process.argv[2] ?? 3)
const base = process.argv[3]
const server = await startProductionServer()
const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs })
const samples = { sequential: [], workers: [] }
let cores = 0
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${server.origin}/learn/cpu-bound`)
  await page.locator('[data-demo-slot="cpu"]').first().scrollIntoViewIfNeeded()
  const demo = page.locator('[data-demo="cpu"]').first()
  await demo.waitFor()
  if (base) await demo.getByLabel('基数').fill(base)
  cores = await page.evaluate(() => navigator.hardwareConcurrency)
  const size = await demo.getByLabel('基数').inputValue()
  console.log(`CPU demo, base ${Number(size).toLocaleString('en-US')} (20 numbers), ${cores} logical cores, headless Chromium`)
  for (let round = 0; round < rounds; round++) {
    for (const [strategy, button] of [['sequential', '运行 顺序'], ['workers', '运行 Web Worker 池']]) {
      await demo.getByRole('button', { name: button }).click()
      const details = demo.getByTestId('cpu-details').and(page.locator(`[data-strategy="${strategy}"]`))
      await details.waitFor({ timeout: 120_000 })
      const totalMs = Number(await demo.getByTestId('run-result').getAttribute('data-total-ms'))
      const gapMs = Number(await details.getAttribute('data-longest-gap-ms'))
      samples[strategy].push({ totalMs, gapMs })
      console.log(`  round ${round + 1} ${strategy.padEnd(10)} ${totalMs.toFixed(0).padStart(6)} ms   longest frame gap ${gapMs} ms`)
    }
  }
} finally {
  await browser.close()
  server.stop()
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const sequential = median(samples.sequential.map((sample) => sample.totalMs))
const workers = median(samples.workers.map((sample) => sample.totalMs))
console.log(`median sequential ${sequential.toFixed(0)} ms, workers ${workers.toFixed(0)} ms, speed-up ${(sequential / workers).toFixed(2)}× (target ≥ 1.6× on 2 cores)`)
console.log(`longest frame gap: sequential ${Math.max(...samples.sequential.map((s) => s.gapMs))} ms, workers ${Math.max(...samples.workers.map((s) => s.gapMs))} ms (target < 100 ms)`)
