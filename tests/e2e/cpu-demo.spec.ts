import { expect, test, type Locator } from '@playwright/test'
import { watchConsole } from './console'
import { openDemo, pageTop, readRunResult } from './demo-helpers'

const chapter = '/learn/cpu-bound'

/** Σ over x < 20 of Σ i² for i < base + x, from the closed form n(n−1)(2n−1)/6. */
function expectedTotal(base: number): string {
  let total = 0n
  for (let x = 0; x < 20; x++) {
    const n = BigInt(base + x)
    total += (n * (n - 1n) * (2n * n - 1n)) / 6n
  }
  return total.toString()
}

async function setBase(demo: Locator, base: number) {
  await demo.getByLabel('基数').fill(String(base))
}

test('every CPU strategy computes the same exact sums, past 2^53', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openDemo(page, chapter, 'cpu')
  await setBase(demo, 1_000_000)
  const expected = expectedTotal(1_000_000)
  for (const [strategy, label] of [
    ['sequential', '运行 顺序'],
    ['async', '运行 Promise.all'],
    ['async-yield', '运行 async + 让出'],
    ['workers', '运行 Web Worker 池'],
  ] as const) {
    await demo.getByRole('button', { name: label }).click()
    const details = demo.getByTestId('cpu-details')
    await expect(details).toHaveAttribute('data-strategy', strategy, { timeout: 60_000 })
    const result = await readRunResult(demo)
    expect(result).toMatchObject({ strategy, jobs: 20, status: 'done' })
    await expect(details).toHaveAttribute('data-sum-total', expected)
  }
  expect(problems).toEqual([])
})

test('a work size outside the allowed range is refused with a Chinese message', async ({ page }) => {
  const demo = await openDemo(page, chapter, 'cpu')
  await setBase(demo, 999_999_999)
  await expect(demo.getByRole('alert')).toContainText('工作量基数必须是 1,000 到 60,000,000 之间的整数')
  await expect(demo.getByRole('button', { name: '运行 顺序' })).toBeDisabled()
  await setBase(demo, 2_000_000)
  await expect(demo.getByRole('button', { name: '运行 顺序' })).toBeEnabled()
})

test("a re-run keeps the result's room and the rows it will fill, so the charts below stay put", async ({ page }) => {
  const demo = await openDemo(page, chapter, 'cpu')
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  await demo.getByTestId('worker-startup').waitFor({ timeout: 15_000 })
  // At the default size: long enough to look at the page while the workers run.
  const workers = demo.getByRole('button', { name: '运行 Web Worker 池' })
  await workers.click()
  await expect(demo.getByTestId('cpu-details')).toHaveAttribute('data-strategy', 'workers', { timeout: 60_000 })
  const totals = demo.getByTestId('demo-charts').locator('figure').last()
  const topBefore = await pageTop(totals)
  await workers.click()
  const pending = demo.getByText('运行中……结果在运行结束后显示在这里')
  await expect(pending).toBeVisible()
  await expect(demo.getByTestId('timeline-chart')).toHaveAttribute('aria-label', new RegExp(`：${Math.min(cores, 20)} 条线程`))
  expect(Math.abs((await pageTop(totals)) - topBefore)).toBeLessThanOrEqual(1)
  await expect(pending).toHaveCount(0, { timeout: 60_000 })
  await expect(demo.getByTestId('cpu-details')).toHaveAttribute('data-strategy', 'workers')
})

test('the worker pool starts before the first run, is reused run after run, and closes with the page', async ({ page }) => {
  const started: string[] = []
  const closed: string[] = []
  page.on('worker', (worker) => {
    started.push(worker.url())
    worker.on('close', () => closed.push(worker.url()))
  })
  const demo = await openDemo(page, chapter, 'cpu')
  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  const startup = demo.getByTestId('worker-startup')
  await expect(startup).toContainText('Worker 已提前启动')
  expect(Number(await startup.getAttribute('data-startup-ms'))).toBeGreaterThan(0)
  expect(started).toHaveLength(cores)
  await setBase(demo, 1_000_000)
  for (let run = 0; run < 2; run++) {
    await demo.getByRole('button', { name: '运行 Web Worker 池' }).click()
    await expect(demo.getByTestId('cpu-details')).toHaveAttribute('data-strategy', 'workers', { timeout: 60_000 })
    await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'done')
    await demo.getByRole('button', { name: '运行 顺序' }).click()
    await expect(demo.getByTestId('cpu-details')).toHaveAttribute('data-strategy', 'sequential', { timeout: 60_000 })
  }
  // Two runs, no new workers: the warm ones were given back and taken again.
  expect(started).toHaveLength(cores)
  expect(closed).toEqual([])
  // A client-side navigation keeps the document: only the demo's own clean-up ends the workers.
  await page.locator('a.site-title').click()
  await expect(page).toHaveURL(/\/$/)
  await expect.poll(() => closed.length).toBe(cores)
})
