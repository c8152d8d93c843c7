import { expect, test, type Locator } from '@playwright/test'
import { watchConsole } from './console'
import { openDemo } from './demo-helpers'

const chapter = '/learn/io-asyncio'

async function stepUntil(demo: Locator, done: () => Promise<boolean>) {
  const next = demo.getByRole('button', { name: '下一步' })
  for (let guard = 0; guard < 60 && !(await done()); guard++) await next.click()
  expect(await done()).toBe(true)
}

test('a task that never yields: the loop is stuck on it, the responses arrive and wait, every download finishes after it', async ({ page }) => {
  const problems = watchConsole(page)
  // The chapter's section on a task that never yields places a second stepper.
  const demo = await openDemo(page, chapter, 'event-loop', 1)
  await demo.getByRole('button', { name: '加一个不让出的任务' }).click()
  await expect(demo).toHaveAttribute('data-scenario', 'blocking')
  await expect(demo).toHaveAttribute('data-step', '1')
  await expect(demo.getByTestId('ready-list').locator('[data-task]')).toHaveCount(5)

  // Step to the first response that arrives while E computes.
  await stepUntil(demo, async () => (await demo.getAttribute('data-event')) === 'arrive')
  await expect(demo).toHaveAttribute('data-blocked', 'true')
  const running = demo.getByTestId('running-slot')
  await expect(running).toHaveAttribute('data-blocked', 'true')
  await expect(running.locator('[data-task="E"]')).toContainText('计算中，不 await')
  const arrived = String(await demo.getAttribute('data-event-task'))
  const waiting = demo.getByTestId('waiting-list')
  await expect(waiting.locator(`[data-task="${arrived}"]`)).toContainText('已到达，干等')
  await expect(demo.getByTestId('ready-list').locator('[data-task]')).toHaveCount(0)
  await expect(demo.getByTestId('event-loop-explanation')).toContainText('任务 E 还在计算')

  // Only once E has finished does the response reach the ready list.
  await stepUntil(demo, async () => (await demo.getAttribute('data-event')) === 'io-done')
  await expect(demo).toHaveAttribute('data-blocked', 'false')
  await expect(running.locator('[data-task]')).toHaveCount(0)
  await expect(demo.getByTestId('done-list').locator('[data-task="E"]')).toBeVisible()

  // The table: every download finishes at or after E, and later than if E had yielded.
  const table = demo.getByTestId('finish-times')
  const finishOf = async (task: string) => Number(await table.locator(`tr[data-task="${task}"]`).getAttribute('data-finish'))
  const comparedOf = async (task: string) => Number(await table.locator(`tr[data-task="${task}"]`).getAttribute('data-compared'))
  const computeEnd = await finishOf('E')
  for (const task of ['A', 'B', 'C', 'D']) {
    expect(await finishOf(task)).toBeGreaterThanOrEqual(computeEnd)
    expect(await finishOf(task)).toBeGreaterThan(await comparedOf(task))
  }
  expect(problems).toEqual([])
})

test('the same work split by yields: downloads finish before the computing task, and nothing waits on a busy loop', async ({ page }) => {
  const demo = await openDemo(page, chapter, 'event-loop', 1)
  const next = demo.getByRole('button', { name: '下一步' })
  for (let k = 0; k < 4; k++) await next.click()
  await demo.getByRole('button', { name: '让它分段让出' }).click()
  // A new scenario starts from its first step.
  await expect(demo).toHaveAttribute('data-scenario', 'yielding')
  await expect(demo).toHaveAttribute('data-step', '1')
  const total = Number(await demo.getAttribute('data-total-steps'))
  for (let k = 1; k < total; k++) {
    await next.click()
    await expect(demo).toHaveAttribute('data-blocked', 'false')
  }
  await expect(demo).toHaveAttribute('data-event', 'end')
  const table = demo.getByTestId('finish-times')
  const computeEnd = Number(await table.locator('tr[data-task="E"]').getAttribute('data-finish'))
  for (const task of ['A', 'B', 'C', 'D']) {
    expect(Number(await table.locator(`tr[data-task="${task}"]`).getAttribute('data-finish'))).toBeLessThan(computeEnd)
  }
})
