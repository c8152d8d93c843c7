import { expect, test, type Locator } from '@playwright/test'
import { watchConsole } from './console'
import { openDemo } from './demo-helpers'

const chapter = '/learn/io-asyncio'

async function step(demo: Locator): Promise<number> {
  return Number(await demo.getAttribute('data-step'))
}

test('steps forward and back with the buttons and the arrow keys; the ends are disabled', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openDemo(page, chapter, 'event-loop')
  const previous = demo.getByRole('button', { name: '上一步' })
  const next = demo.getByRole('button', { name: '下一步' })
  const total = Number(await demo.getAttribute('data-total-steps'))
  expect(total).toBeGreaterThan(10)

  await expect(demo).toHaveAttribute('data-step', '1')
  await expect(demo).toHaveAttribute('data-event', 'start')
  await expect(demo.getByTestId('step-counter')).toHaveText(`第 1 / ${total} 步`)
  await expect(previous).toBeDisabled()
  await expect(next).toBeEnabled()

  await next.click()
  await next.click()
  await expect(demo).toHaveAttribute('data-step', '3')
  await previous.click()
  await expect(demo).toHaveAttribute('data-step', '2')
  await expect(previous).toBeEnabled()

  await demo.focus()
  await page.keyboard.press('ArrowRight')
  await expect(demo).toHaveAttribute('data-step', '3')
  await page.keyboard.press('ArrowRight')
  await expect(demo).toHaveAttribute('data-step', '4')
  await page.keyboard.press('ArrowLeft')
  await expect(demo).toHaveAttribute('data-step', '3')

  // Walk to the last step with the button: it then reports itself disabled and does nothing.
  for (let k = 3; k < total; k++) await next.click()
  await expect(demo).toHaveAttribute('data-step', String(total))
  await expect(demo).toHaveAttribute('data-event', 'end')
  await expect(next).toBeDisabled()
  await expect(previous).toBeEnabled()
  // aria-disabled (the button keeps focus), so Playwright will not click it unless forced.
  await next.click({ force: true })
  await page.keyboard.press('ArrowRight')
  await expect(demo).toHaveAttribute('data-step', String(total))
  await expect(demo.getByTestId('step-counter')).toHaveText(`第 ${total} / ${total} 步`)

  // And the first step again, from the keyboard.
  await page.keyboard.press('Home')
  await expect(demo).toHaveAttribute('data-step', '1')
  await expect(previous).toBeDisabled()
  expect(problems).toEqual([])
})

test('Space plays and pauses', async ({ page }) => {
  const demo = await openDemo(page, chapter, 'event-loop')
  await demo.getByRole('button', { name: '2×' }).click()
  await demo.focus()
  await page.keyboard.press('Space')
  await expect(demo).toHaveAttribute('data-playing', 'true')
  // At 2× a step takes half a second.
  await expect.poll(() => step(demo), { timeout: 5_000 }).toBeGreaterThanOrEqual(3)

  await page.keyboard.press('Space')
  await expect(demo).toHaveAttribute('data-playing', 'false')
  const paused = await step(demo)
  await page.waitForTimeout(1_500)
  expect(await step(demo)).toBe(paused)

  // The play button does the same.
  const play = demo.getByRole('button', { name: '播放' })
  await play.click()
  await expect(demo).toHaveAttribute('data-playing', 'true')
  await expect.poll(() => step(demo), { timeout: 5_000 }).toBeGreaterThan(paused)
  await demo.getByRole('button', { name: '暂停' }).click()
  await expect(demo).toHaveAttribute('data-playing', 'false')
})

test('重置 returns to step 1', async ({ page }) => {
  const demo = await openDemo(page, chapter, 'event-loop')
  const next = demo.getByRole('button', { name: '下一步' })
  for (let k = 0; k < 5; k++) await next.click()
  await expect(demo).toHaveAttribute('data-step', '6')
  await demo.getByRole('button', { name: '重置' }).click()
  await expect(demo).toHaveAttribute('data-step', '1')
  await expect(demo).toHaveAttribute('data-event', 'start')
  await expect(demo.getByTestId('event-loop-clock')).toHaveText('时钟 t = 0')
  await expect(demo.getByRole('button', { name: '上一步' })).toBeDisabled()
})

test('a task that awaits goes to the waiting list, not back to the ready list', async ({ page }) => {
  const demo = await openDemo(page, chapter, 'event-loop')
  const ready = demo.getByTestId('ready-list')
  const running = demo.getByTestId('running-slot')
  const waiting = demo.getByTestId('waiting-list')
  await expect(ready.locator('[data-task]')).toHaveCount(4)

  await demo.focus()
  while ((await demo.getAttribute('data-event')) !== 'await') await page.keyboard.press('ArrowRight')
  const task = await demo.getAttribute('data-event-task')
  expect(task).toMatch(/^[A-Z]$/)
  await expect(waiting.locator(`[data-task="${task}"]`)).toBeVisible()
  await expect(ready.locator(`[data-task="${task}"]`)).toHaveCount(0)
  await expect(running.locator(`[data-task="${task}"]`)).toHaveCount(0)
  await expect(demo.getByTestId('event-loop-explanation')).toContainText('等待列表')

  // Once its I/O completes it comes back to the ready list.
  while (!((await demo.getAttribute('data-event')) === 'io-done' && (await demo.getAttribute('data-event-task')) === task)) {
    await page.keyboard.press('ArrowRight')
  }
  await expect(ready.locator(`[data-task="${task}"]`)).toBeVisible()
  await expect(waiting.locator(`[data-task="${task}"]`)).toHaveCount(0)
})

test('the timeline shows the total is far below the sum of the waits', async ({ page }) => {
  const demo = await openDemo(page, chapter, 'event-loop')
  const total = Number(await demo.getByTestId('total-time').textContent())
  const waitSum = Number(await demo.getByTestId('wait-sum').textContent())
  expect(total).toBeGreaterThan(0)
  expect(total).toBeLessThan(waitSum)
  await expect(demo.getByTestId('event-loop-timeline').getByRole('img')).toHaveCount(4)
})
