import { expect, test, type Locator, type Page } from '@playwright/test'
import { watchConsole } from './console'
import { openDemo, setKnob, trackWorkers } from './demo-helpers'

const chapter = '/learn/race-conditions'

interface RaceResult {
  strategy: string
  jobs: number
  status: string
  totalMs: number
  expected: number
  actual: number
  lost: number
  serial: number
}

async function readRaceResult(demo: Locator): Promise<RaceResult> {
  const data = await demo.getByTestId('run-result').evaluate((element) => ({ ...(element as HTMLElement).dataset }))
  return {
    strategy: String(data.strategy),
    jobs: Number(data.jobs),
    status: String(data.status),
    totalMs: Number(data.totalMs),
    expected: Number(data.expected),
    actual: Number(data.actual),
    lost: Number(data.lost),
    serial: Number(data.runSerial),
  }
}

/** Clicks a run button and waits for that run's result (each run has a new serial). */
async function runRace(demo: Locator, button: string): Promise<RaceResult> {
  const result = demo.getByTestId('run-result')
  const before = (await result.count()) > 0 ? Number(await result.getAttribute('data-run-serial')) : 0
  await demo.getByRole('button', { name: button }).click()
  await expect(result).toHaveAttribute('data-run-serial', String(before + 1), { timeout: 60_000 })
  const data = await readRaceResult(demo)
  expect(Number.isFinite(data.totalMs)).toBe(true)
  return data
}

/** The race demo on the page already loaded (openDemo would navigate). */
async function demoOnThisPage(page: Page, index: number): Promise<Locator> {
  const slot = page.locator('[data-demo-slot="race"]').nth(index)
  await slot.scrollIntoViewIfNeeded()
  const demo = slot.locator('[data-demo="race"]')
  await expect(demo).toBeVisible()
  return demo
}

async function isolated(page: Page): Promise<boolean> {
  return page.evaluate(() => crossOriginIsolated)
}

test('shared memory: the plain increment loses updates, Atomics.add never does', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openDemo(page, chapter, 'race', 0)
  await expect(demo).toHaveAttribute('data-variant', 'shared-memory')
  // Loaded directly, the page comes with COOP + COEP (next.config.mjs): SharedArrayBuffer is there.
  expect(await isolated(page)).toBe(true)
  await expect(demo.getByTestId('isolation-note')).toHaveCount(0)
  await setKnob(demo, 'Worker 数', 4)
  await setKnob(demo, '每个 Worker 的累加次数', 1_000_000)

  // 4 × 1,000,000 plain increments lose updates on every run we have seen, but on a busy 2-core
  // machine the OS may run the workers one after another; so allow up to 3 runs and require a loss
  // in at least one of them.
  const plainRuns: RaceResult[] = []
  while (plainRuns.length < 3 && !plainRuns.some((run) => run.lost > 0)) {
    const run = await runRace(demo, '运行（不加锁）')
    expect(run).toMatchObject({ strategy: 'plain', jobs: 4, status: 'done', expected: 4_000_000 })
    expect(run.actual + run.lost).toBe(run.expected)
    expect(run.actual).toBeGreaterThan(0)
    plainRuns.push(run)
  }
  expect(plainRuns.some((run) => run.lost > 0)).toBe(true)

  const atomic = await runRace(demo, '运行（Atomics.add）')
  expect(atomic).toMatchObject({ strategy: 'atomic', jobs: 4, status: 'done', expected: 4_000_000, actual: 4_000_000, lost: 0 })

  const history = demo.getByTestId('race-history')
  await expect(history.locator('tbody tr')).toHaveCount(plainRuns.length + 1)
  await expect(history.locator('tbody tr').first()).toContainText('Atomics.add')
  expect(problems).toEqual([])
})

test('shared memory: 停止 cancels the run and terminates its workers', async ({ page }) => {
  const problems = watchConsole(page)
  const workers = trackWorkers(page)
  const demo = await openDemo(page, chapter, 'race', 0)
  // Long enough (several seconds here) that 停止 lands while the workers are still counting.
  await setKnob(demo, '每个 Worker 的累加次数', 10_000_000)
  await demo.getByRole('button', { name: '运行（不加锁）' }).click()
  const stop = demo.getByRole('button', { name: '停止' })
  await expect(stop).toBeEnabled()
  await expect.poll(() => workers.created()).toBe(4)
  await stop.click()
  const result = demo.getByTestId('run-result')
  await expect(result).toHaveAttribute('data-status', 'cancelled')
  await expect(result).toHaveAttribute('data-strategy', 'plain')
  await expect(result).not.toHaveAttribute('data-actual')
  await expect.poll(() => workers.alive()).toBe(0)
  await expect(demo.getByRole('button', { name: '运行（不加锁）' })).toBeEnabled()
  expect(problems).toEqual([])
})

test('async tasks: an await between read and write loses updates, the lock fixes it', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openDemo(page, chapter, 'race', 1)
  await expect(demo).toHaveAttribute('data-variant', 'async')
  await setKnob(demo, '任务数', 4)
  await setKnob(demo, '每个任务的累加次数', 10)

  const unsafe = await runRace(demo, '运行（有 await 的读改写）')
  expect(unsafe).toMatchObject({ strategy: 'unsafe', jobs: 4, status: 'done', expected: 40 })
  expect(unsafe.lost).toBeGreaterThan(0)
  expect(unsafe.actual + unsafe.lost).toBe(40)
  // The log shows the interleaving: every task reads the same value before anyone writes.
  const lines = demo.getByTestId('race-log').locator('li')
  await expect(lines.nth(0)).toContainText('任务 A 读到 counter = 0，然后 await')
  await expect(lines.nth(1)).toContainText('任务 B 读到 counter = 0，然后 await')

  const locked = await runRace(demo, '运行（加锁修复）')
  expect(locked).toMatchObject({ strategy: 'locked', jobs: 4, status: 'done', expected: 40, actual: 40, lost: 0 })
  await expect(lines.nth(0)).toContainText('任务 A 拿到锁')
  expect(problems).toEqual([])
})

test("arriving by the previous chapter's 下一章 loads the chapter in full: isolated, no reload note, the demo enabled", async ({ page }) => {
  const problems = watchConsole(page)
  await page.goto('/learn/io-threading')
  await Promise.all([page.waitForEvent('load'), page.locator('a[rel="next"][href="/learn/race-conditions"]').click()])
  await page.waitForURL('**/learn/race-conditions')
  expect(await isolated(page)).toBe(true)
  const demo = await demoOnThisPage(page, 0)
  await expect(demo.getByTestId('isolation-note')).toHaveCount(0)
  await expect(demo.getByRole('button', { name: '运行（不加锁）' })).toBeEnabled()
  const asyncDemo = await demoOnThisPage(page, 1)
  await expect(asyncDemo.getByRole('button', { name: '运行（加锁修复）' })).toBeEnabled()
  expect(problems).toEqual([])
})
