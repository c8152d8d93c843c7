import { expect, test } from '@playwright/test'

// Following the chapters in order, by the site's own links (client-side navigation), must still
// bring the race chapter and the lab up cross-origin isolated, and keyboard readers reach demos.

test('下一章 into the race chapter arrives cross-origin isolated, and its shared-memory demo runs', async ({ page }) => {
  await page.goto('/learn/io-threading')
  await page
    .getByRole('link', { name: /下一章/ })
    .first()
    .click()
  await expect(page).toHaveURL(/\/learn\/race-conditions/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('竞态条件')
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  const slot = page.locator('[data-demo-slot="race"]').first()
  await slot.scrollIntoViewIfNeeded()
  const demo = slot.locator('[data-demo="race"]')
  await demo.getByLabel('每个 Worker 的累加次数').fill('50000')
  await demo.getByRole('button', { name: '运行（Atomics.add）' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
})

test("the header's 实验室 link and a search hit into the lab arrive cross-origin isolated", async ({ page }) => {
  await page.goto('/learn/what-is-concurrency')
  await page.locator('.site-header').getByRole('link', { name: '实验室', exact: true }).click()
  await expect(page).toHaveURL(/\/lab/)
  await expect.poll(() => page.evaluate(() => crossOriginIsolated)).toBe(true)
})

test('a page that is not isolated prefetches its neighbour chapter, never the isolated pages a click loads anew', async ({ page }) => {
  const prefetched: string[] = []
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname)
  })
  // io-threading: its previous chapter is io-synchronous, its next the (isolated) race chapter; the header links the lab.
  await page.goto('/learn/io-threading')
  await expect.poll(() => prefetched.includes('/learn/io-synchronous'), { timeout: 15_000 }).toBe(true)
  await page.waitForLoadState('networkidle')
  expect(prefetched.filter((path) => path === '/lab' || path === '/learn/race-conditions')).toEqual([])
})

test("the header's links fetch their pages when reached for, not during every page's load", async ({ page }) => {
  const prefetched: string[] = []
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname)
  })
  await page.goto('/lab')
  await expect(page.locator('[data-demo="io"]')).toBeVisible()
  await page.waitForLoadState('networkidle')
  // The lab links no chapter in its body: whatever it prefetched on its own came from the header.
  expect(prefetched).toEqual([])

  const header = page.locator('.site-header')
  await header.getByRole('link', { name: '术语表', exact: true }).hover()
  await expect.poll(() => prefetched.includes('/learn/glossary')).toBe(true)
  await header.getByRole('link', { name: /并发实验室/ }).focus()
  await expect.poll(() => prefetched.includes('/')).toBe(true)
  await header.getByRole('link', { name: '术语表', exact: true }).click()
  await expect(page).toHaveURL(/\/learn\/glossary$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('术语表')
})

test('Tab from the top of io-synchronous reaches its 运行 buttons, and the demo runs by keyboard', async ({ page }) => {
  await page.goto('/learn/io-synchronous')
  let reached = false
  for (let press = 0; press < 200 && !reached; press++) {
    await page.keyboard.press('Tab')
    reached = await page.evaluate(() => {
      const active = document.activeElement
      return active instanceof HTMLButtonElement && active.closest('[data-demo="io"]') !== null && /运行/.test(active.textContent ?? '')
    })
  }
  expect(reached).toBe(true)
  const demo = page.locator('[data-demo="io"]').first()
  const sites = demo.getByLabel('网站数量')
  await sites.focus()
  await sites.fill('5')
  await demo.getByLabel('延迟').first().fill('10')
  await demo.getByRole('button', { name: '运行 顺序' }).focus()
  await page.keyboard.press('Enter')
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
})
