import { expect, test, type Locator, type Page } from '@playwright/test'

// Each spec loads CPython in the browser (a few seconds, more on a busy machine).
test.describe.configure({ timeout: 180_000 })

async function openRunner(page: Page, path: string, program: string): Promise<Locator> {
  await page.goto(path)
  const slot = page.locator(`[data-demo-slot="python"]`).filter({ has: page.locator(`[data-program="${program}"]`) })
  const any = page.locator('[data-demo-slot="python"]')
  const count = await any.count()
  for (let index = 0; index < count; index++) await any.nth(index).scrollIntoViewIfNeeded()
  const demo = slot.locator(`[data-demo="python"][data-program="${program}"]`)
  await demo.scrollIntoViewIfNeeded()
  await expect(demo).toBeVisible()
  return demo
}

async function setKnob(demo: Locator, label: string, value: number) {
  const input = demo.getByLabel(label, { exact: false }).first()
  await input.fill(String(value))
  await input.blur()
}

async function runAndRead(demo: Locator) {
  await demo.getByRole('button', { name: /运行.*Python|Python.*运行/ }).click()
  const result = demo.getByTestId('run-result')
  await expect(result).toBeVisible({ timeout: 150_000 })
  return result
}

test('the asyncio listing runs in the browser’s CPython: a py-asyncio run with one span per download, concurrently', async ({ page }) => {
  const demo = await openRunner(page, '/learn/io-asyncio', 'io-asyncio')
  await setKnob(demo, '网站数量', 12)
  await setKnob(demo, '延迟', 300)
  await expect(demo.getByTestId('python-source')).toContainText('] * 6')
  await expect(demo.getByTestId('python-source')).toContainText('site=jython&ms=300&jitter=0')
  const result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-strategy', 'py-asyncio')
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-jobs', '12')
  // 12 downloads of 300 ms at once (two waves of 6 on HTTP/1.1): far less than 12 × 300 ms.
  const total = Number(await result.getAttribute('data-total-ms'))
  expect(total).toBeGreaterThan(550)
  expect(total).toBeLessThan(2_500)
  expect(Number(await result.getAttribute('data-max-in-flight'))).toBeGreaterThan(6)
  await expect(demo.getByTestId('python-output')).toContainText('下载了 12 个页面')
})
