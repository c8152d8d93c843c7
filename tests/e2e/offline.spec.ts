import { expect, test } from '@playwright/test'

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

test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' })

  test('a chart whose script cannot be fetched says so in its place; the demo keeps working', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 400 })
    await page.goto('/learn/io-synchronous')
    await page.locator('[data-demo-slot="io"]').first().evaluate((element) => element.scrollIntoView({ block: 'start' }))
    const demo = page.locator('[data-demo="io"]').first()
    // The demo's top at the top of the screen: its charts, at its bottom, are far below.
    await demo.evaluate((element) => element.scrollIntoView({ block: 'start' }))
    await expect(demo.getByRole('button', { name: '运行 顺序' })).toBeAttached()
    // Charts load only when scrolled near: with no script reachable from now on, theirs fails.
    await expect(demo.locator('.recharts-wrapper')).toHaveCount(0)
    await page.route('**/_next/static/chunks/**', (route) => route.abort('internetdisconnected'))
    await demo.locator('.demo-charts').scrollIntoViewIfNeeded()
    await page.mouse.wheel(0, 1500)
    await expect(demo.getByRole('note').filter({ hasText: '图表没能加载' }).first()).toBeVisible()
    await expect(demo.locator('.recharts-wrapper')).toHaveCount(0)
    await expect(demo.getByRole('button', { name: '运行 顺序' })).toBeEnabled()
  })
})
