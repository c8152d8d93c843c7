import { expect, test, type Locator, type Page } from '@playwright/test'
import { readRunResult } from './demo-helpers'

// A reader who comes back: one browser profile across visits, the service worker in control, and
// the worker-based demos used one after another in both orders. Every other suite starts fresh.

test.describe.configure({ mode: 'serial' })

async function underServiceWorker(page: Page): Promise<void> {
  await page.goto('/')
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await page.reload()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
}

/** The demo on the page already open, scrolled into view so it loads (and warms its workers). */
async function demoHere(page: Page, id: string): Promise<Locator> {
  const slot = page.locator(`[data-demo-slot="${id}"]`).first()
  await slot.scrollIntoViewIfNeeded()
  const demo = slot.locator(`[data-demo="${id}"]`)
  await expect(demo).toBeVisible({ timeout: 20_000 })
  return demo
}

async function runSharedRace(page: Page): Promise<void> {
  await page.goto('/learn/race-conditions')
  const demo = await demoHere(page, 'race')
  await demo.getByLabel('每个 Worker 的累加次数', { exact: false }).first().fill('100000')
  await demo.getByRole('button', { name: '运行（Atomics.add）' }).click()
  const result = demo.getByTestId('run-result')
  await expect(result).toBeVisible({ timeout: 30_000 })
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-lost', '0')
  await expect(result).toHaveAttribute('data-actual', String(4 * 100_000))
}

async function runCpuWorkers(page: Page): Promise<void> {
  await page.goto('/learn/cpu-bound')
  const demo = await demoHere(page, 'cpu')
  await demo.getByLabel('基数').fill('200000')
  await demo.getByRole('button', { name: '运行 Web Worker 池' }).click()
  await expect(demo.getByTestId('cpu-details')).toHaveAttribute('data-strategy', 'workers', { timeout: 30_000 })
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'workers', jobs: 20, status: 'done' })
}

async function runIoWorkers(page: Page): Promise<void> {
  await page.goto('/lab?demo=io&sites=8&latency=20&jitter=0')
  const demo = page.locator('.lab-demo [data-demo="io"]')
  await expect(demo).toBeVisible({ timeout: 20_000 })
  await demo.getByRole('button', { name: '运行 Web Worker 池' }).click()
  const result = demo.getByTestId('run-result')
  await expect(result).toHaveAttribute('data-strategy', 'workers', { timeout: 30_000 })
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'workers', jobs: 8, status: 'done' })
}

test('CPU workers, then the race, then I/O workers: each runs its own code', async ({ page }) => {
  await underServiceWorker(page)
  await runCpuWorkers(page)
  await runSharedRace(page)
  await runIoWorkers(page)
  // A reload under the same service worker changes nothing.
  await page.reload()
  await runCpuWorkers(page)
})

test('the race first, then I/O workers, then CPU workers', async ({ page }) => {
  await underServiceWorker(page)
  await runSharedRace(page)
  await runIoWorkers(page)
  await runCpuWorkers(page)
  await runSharedRace(page)
})
