import { expect, test } from '@playwright/test'
import { openDemo } from './demo-helpers'

// Runs alone after the other suites (see playwright.config.ts): it compares timings and frame gaps.
test('the main thread freezes while workers keep the page smooth, and workers are faster on ≥ 2 cores', async ({ page }) => {
  const demo = await openDemo(page, '/learn/cpu-bound', 'cpu')
  await demo.getByLabel('基数').fill('20000000')
  const details = demo.getByTestId('cpu-details')

  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await expect(details).toHaveAttribute('data-strategy', 'sequential', { timeout: 60_000 })
  const sequentialGap = Number(await details.getAttribute('data-longest-gap-ms'))
  const sequentialMs = Number(await demo.getByTestId('run-result').getAttribute('data-total-ms'))
  // The whole run happens in one task: the page cannot paint until it ends.
  expect(sequentialGap).toBeGreaterThan(Math.min(200, sequentialMs * 0.8))

  await demo.getByRole('button', { name: '运行 Web Worker 池' }).click()
  await expect(details).toHaveAttribute('data-strategy', 'workers', { timeout: 60_000 })
  expect(Number(await details.getAttribute('data-longest-gap-ms'))).toBeLessThan(100)

  const cores = await page.evaluate(() => navigator.hardwareConcurrency)
  if (cores >= 2) {
    const speedUp = Number(await demo.getByTestId('speed-up').getAttribute('data-speed-up'))
    expect(speedUp).toBeGreaterThan(1.2)
  }
})
