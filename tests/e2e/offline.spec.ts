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
  await expect(page.locator('.lab-demo [data-demo="io"]')).toBeVisible()

  await context.setOffline(true)
  await page.goto('/learn/what-is-concurrency')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('什么是并发')
  await page.goto('/lab?demo=io&sites=3&latency=10')
  const demo = page.locator('.lab-demo [data-demo="io"]')
  await expect(demo).toBeVisible()
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await expect(demo.getByTestId('server-unreachable')).toBeVisible()
  await context.setOffline(false)
})
