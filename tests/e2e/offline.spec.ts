import { expect, test, type Page } from '@playwright/test'

test('once visited, a chapter and the lab open without a network; the demo says the server is unreachable', async ({ page, context }) => {
  await page.goto('/learn/what-is-concurrency')
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // The first load happened before the worker controlled the page: load both pages under it.
  await page.reload()
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  await page.goto('/lab?demo=io&sites=3&latency=10')
  await expect(page.locator('.lab-demo [data-demo="io"]')).toBeVisible({ timeout: 20_000 })

  await context.setOffline(true)
  await page.goto('/learn/what-is-concurrency')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('什么是并发')
  await page.goto('/lab?demo=io&sites=3&latency=10')
  const demo = page.locator('.lab-demo [data-demo="io"]')
  await expect(demo).toBeVisible({ timeout: 20_000 })
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await expect(demo.getByTestId('server-unreachable')).toBeVisible()
  await context.setOffline(false)
})

test("a reader's very first page, loaded before the service worker existed, opens offline too", async ({ page, context }) => {
  await page.goto('/learn/what-is-concurrency')
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  // No reload: this page was never fetched through the worker.
  await expect.poll(() => page.evaluate(async () => (await caches.match(location.href)) !== undefined), { timeout: 20_000 }).toBe(true)
  await context.setOffline(true)
  await page.goto('/learn/what-is-concurrency')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('什么是并发')
  await context.setOffline(false)
})

async function underServiceWorker(page: Page, path: string): Promise<void> {
  await page.goto(path)
  // Ready means installed, which means the build's static files are precached.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
}

test("offline, a demo never opened online still loads and runs: the race chapter and the lab's CPU demo", async ({ page, context }) => {
  await underServiceWorker(page, '/learn/what-is-concurrency')
  // Opened, but not scrolled: the race demo's code was never fetched by the page itself.
  await page.goto('/learn/race-conditions')
  await page.goto('/lab?demo=cpu&base=100000')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  await context.setOffline(true)
  await page.goto('/learn/race-conditions')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('竞态条件')
  const slot = page.locator('[data-demo-slot="race"]').first()
  await slot.scrollIntoViewIfNeeded()
  const race = slot.locator('[data-demo="race"]')
  await expect(race).toBeVisible({ timeout: 20_000 })
  await race.getByLabel('每个 Worker 的累加次数').fill('50000')
  await race.getByRole('button', { name: '运行（Atomics.add）' }).click()
  await expect(race.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  await expect(race.getByTestId('run-result')).toHaveAttribute('data-lost', '0')

  await page.goto('/lab?demo=cpu&base=100000')
  const cpu = page.locator('.lab-demo [data-demo="cpu"]')
  await expect(cpu).toBeVisible({ timeout: 20_000 })
  await cpu.getByRole('button', { name: '运行 Web Worker 池' }).click()
  await expect(cpu.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })

  // A page never opened online gets a short Chinese page, not the browser's error.
  await page.goto('/learn/conclusion')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('现在离线')
  await context.setOffline(false)
})

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' })

  test('a chart whose script cannot be fetched says so in its place; the demo keeps working', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 400 })
    await page.goto('/learn/io-synchronous')
    await page
      .locator('[data-demo-slot="io"]')
      .first()
      .evaluate((element) => element.scrollIntoView({ block: 'start' }))
    const demo = page.locator('[data-demo="io"]').first()
    // The demo's top at the top of the screen: its charts, at its bottom, are far below.
    await demo.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await expect(demo.getByRole('button', { name: '运行 顺序' })).toBeAttached()
    // Charts load only when scrolled near: with no script reachable from now on, theirs fails.
    await expect(demo.locator('.recharts-wrapper')).toHaveCount(0)
    await page.route('**/_next/static/chunks/**', (route) => route.abort('internetdisconnected'))
    await demo.getByTestId('demo-charts').scrollIntoViewIfNeeded()
    await page.mouse.wheel(0, 1500)
    await expect(demo.getByRole('note').filter({ hasText: '图表没能加载' }).first()).toBeVisible()
    await expect(demo.locator('.recharts-wrapper')).toHaveCount(0)
    await expect(demo.getByRole('button', { name: '运行 顺序' })).toBeEnabled()
  })

  test('a demo whose code cannot be fetched says so in its own box; the chapter stays readable', async ({ page }) => {
    await page.goto('/learn/race-conditions')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('竞态条件')
    await page.route('**/_next/static/chunks/**', (route) => route.abort('internetdisconnected'))
    const slot = page.locator('[data-demo-slot="race"]').first()
    await slot.scrollIntoViewIfNeeded()
    await expect(slot.getByTestId('demo-unavailable')).toContainText('离线时无法加载此演示')
    // The text around it is still there.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('竞态条件')
    await expect(page.locator('article h2').first()).toBeVisible()
  })
})
