import { expect, test } from '@playwright/test'
import { openDemo, readRunResult, setKnob } from './demo-helpers'

// Timing checks run in their own Playwright project, after the rest and alone, so the other
// tests' load does not distort them. Allowance: 25% plus 100 ms of scheduling on a busy machine.
const chapter = '/learn/io-synchronous'
const withinModel = (measured: number, model: number) => {
  expect(measured).toBeGreaterThanOrEqual(model)
  expect(measured).toBeLessThan(model * 1.25 + 100)
}

test.describe('I/O demo timing', () => {
  test('sequential takes about n × latency', async ({ page }) => {
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 10)
    await setKnob(demo, '延迟', 150)
    await demo.getByRole('button', { name: '运行 顺序' }).click()
    const result = await readRunResult(demo)
    expect(result.maxInFlight).toBe(1)
    withinModel(result.totalMs, 10 * 150)
  })

  test('Promise.all is held to 6 connections per host and lands near the model', async ({ page }) => {
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 24)
    await setKnob(demo, '延迟', 200)
    await expect(demo.getByTestId('connection-cap')).toContainText('6')
    await demo.getByRole('button', { name: '运行 Promise.all' }).click()
    const result = await readRunResult(demo)
    // The engine may see all 24 promises pending, but the browser only opens 6 connections:
    // ceil(24 / 6) × 200 ms = 800 ms, not 200 ms.
    withinModel(result.totalMs, 800)
  })

})
