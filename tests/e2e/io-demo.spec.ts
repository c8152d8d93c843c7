import { expect, test } from '@playwright/test'
import { watchConsole } from './console'
import { openDemo, pageTop, readRunResult, setKnob, trackLatencyRequests, trackWorkers } from './demo-helpers'

const chapter = '/learn/io-synchronous'

test.describe('I/O demo', () => {
  for (const [strategy, label] of [
    ['sequential', '运行 顺序'],
    ['pool', '运行 并发池'],
    ['async', '运行 Promise.all'],
    ['workers', '运行 Web Worker 池'],
  ] as const) {
    test(`${strategy} completes and reports the contract's run-result`, async ({ page }) => {
      const problems = watchConsole(page)
      const demo = await openDemo(page, chapter, 'io')
      await setKnob(demo, '网站数量', 12)
      await setKnob(demo, '延迟', 50)
      await demo.getByRole('button', { name: label }).click()
      const result = await readRunResult(demo)
      expect(result).toMatchObject({ strategy, jobs: 12, status: 'done' })
      expect(result.totalMs).toBeGreaterThan(0)
      await expect(demo.getByTestId('timeline-chart').locator('rect[data-part="span"]')).toHaveCount(12)
      expect(problems).toEqual([])
    })
  }

  test('停止 mid-run aborts every request in flight', async ({ page, context }) => {
    const requests = trackLatencyRequests(context)
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 200)
    await setKnob(demo, '延迟', 500)
    await demo.getByRole('button', { name: '运行 并发池' }).click()
    await expect.poll(() => requests.inFlight()).toBe(5)
    await demo.getByRole('button', { name: '停止' }).click()
    const result = await readRunResult(demo)
    expect(result).toMatchObject({ strategy: 'pool', status: 'cancelled' })
    expect(result.jobs).toBeLessThan(200)
    await expect.poll(() => requests.inFlight(), { timeout: 5_000 }).toBe(0)
    const startedAtStop = requests.started()
    await page.waitForTimeout(1200)
    expect(requests.started()).toBe(startedAtStop)
  })

  test('停止 mid-run terminates every worker, and no worker starts another download', async ({ page, context }) => {
    const requests = trackLatencyRequests(context)
    const workers = trackWorkers(page)
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 200)
    await setKnob(demo, '延迟', 500)
    await demo.getByRole('button', { name: '运行 Web Worker 池' }).click()
    await expect.poll(() => requests.started()).toBeGreaterThan(1)
    expect(workers.created()).toBeGreaterThan(0)
    await demo.getByRole('button', { name: '停止' }).click()
    const result = await readRunResult(demo)
    expect(result).toMatchObject({ strategy: 'workers', status: 'cancelled' })
    // A terminated worker's downloads end with it; Playwright reports no event for them.
    await expect.poll(() => workers.alive(), { timeout: 5_000 }).toBe(0)
    const startedAtStop = requests.started()
    await page.waitForTimeout(1200)
    expect(requests.started()).toBe(startedAtStop)
  })

  test('leaving the page mid-run stops every request', async ({ page, context }) => {
    const requests = trackLatencyRequests(context)
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 200)
    await setKnob(demo, '延迟', 500)
    await demo.getByRole('button', { name: '运行 Promise.all' }).click()
    await expect.poll(() => requests.started()).toBeGreaterThan(1)
    // A client-side navigation unmounts the demo; its cleanup must abort the run.
    await page.getByRole('link', { name: /下一章/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/同步版本/)
    await expect.poll(() => requests.inFlight(), { timeout: 5_000 }).toBe(0)
    const startedAtLeave = requests.started()
    await page.waitForTimeout(1200)
    expect(requests.started()).toBe(startedAtLeave)
  })

  test('a refused knob value shows a Chinese message naming the range', async ({ page }) => {
    const demo = await openDemo(page, chapter, 'io')
    const input = demo.getByLabel('网站数量')
    await input.fill('100000')
    await expect(demo.getByRole('alert')).toHaveText('网站数量必须是 1 到 500 之间的整数')
    await input.fill('-3')
    await expect(demo.getByRole('alert')).toHaveText('网站数量必须是 1 到 500 之间的整数')
  })

  test('a re-run keeps the in-flight chart and the result line in their places, in boxes of the same size, until it ends', async ({ page }) => {
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 15)
    await setKnob(demo, '延迟', 400)
    const run = demo.getByRole('button', { name: '运行 并发池' })
    await run.click()
    await readRunResult(demo)
    const figure = demo.locator('figure', { has: page.getByTestId('in-flight-caption') })
    const chart = figure.locator(':scope > :last-child')
    // Charts load once they come near the screen.
    await figure.scrollIntoViewIfNeeded()
    await expect(chart.locator('svg').first()).toBeVisible({ timeout: 15_000 })
    const chartHeight = (await chart.boundingBox())!.height
    const totals = demo.getByTestId('demo-charts').locator('figure').last()
    const totalsTop = await pageTop(totals)
    // Three rounds of 400 ms with 5 slots: long enough to look at the page mid-run.
    await run.click()
    const placeholder = demo.getByText('运行结束后显示这次的结果')
    await expect(placeholder).toBeVisible()
    expect(Math.abs((await placeholder.boundingBox())!.height - chartHeight)).toBeLessThanOrEqual(2)
    // The result line's place is held too (it comes back when the run ends), so nothing below moves.
    await expect(demo.getByText('运行中……结果在运行结束后显示在这里')).toBeVisible()
    expect(Math.abs((await pageTop(totals)) - totalsTop)).toBeLessThanOrEqual(1)
    await expect(placeholder).toHaveCount(0, { timeout: 30_000 })
    await expect(demo.getByTestId('in-flight-caption')).toBeVisible()
  })

  test('knob settings survive a reload', async ({ page }) => {
    const demo = await openDemo(page, chapter, 'io')
    await setKnob(demo, '网站数量', 37)
    await page.reload()
    const again = await openDemo(page, chapter, 'io')
    await expect(again.getByLabel('网站数量')).toHaveValue('37')
  })
})

test('Promise.all issues every request at once, but the browser puts at most 6 on the wire', async ({ page }) => {
  const demo = await openDemo(page, '/learn/io-synchronous', 'io')
  await setKnob(demo, '网站数量', 24)
  await setKnob(demo, '延迟', 150)
  await demo.getByRole('button', { name: '运行 Promise.all' }).click()
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'async', status: 'done', maxInFlight: 24 })
  const caption = demo.getByTestId('in-flight-caption')
  await expect(caption).toHaveAttribute('data-peak-issued', '24')
  const onWire = Number(await caption.getAttribute('data-peak-on-wire'))
  expect(onWire).toBeGreaterThanOrEqual(5)
  expect(onWire).toBeLessThanOrEqual(6)
  // Most bars begin with a faint stretch: the time each request queued for a connection.
  expect(await demo.locator('[data-testid="timeline-chart"] rect[data-part="queued"]').count()).toBeGreaterThanOrEqual(12)
})

test('domain sharding over *.localhost lifts the cap to 6 per host name', async ({ page }) => {
  const demo = await openDemo(page, '/learn/io-synchronous', 'io')
  await setKnob(demo, '网站数量', 24)
  await setKnob(demo, '延迟', 150)
  await setKnob(demo, '主机名数量', 2)
  await expect(demo.getByTestId('connection-cap')).toContainText('12')
  await demo.getByRole('button', { name: '运行 Promise.all' }).click()
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'async', status: 'done', jobs: 24 })
  const onWire = Number(await demo.getByTestId('in-flight-caption').getAttribute('data-peak-on-wire'))
  expect(onWire).toBeGreaterThan(6)
  expect(onWire).toBeLessThanOrEqual(12)
})

test('on a phone the charts fit the screen, the timeline keeps its text size, and the totals name every strategy', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  const demo = await openDemo(page, chapter, 'io')
  await setKnob(demo, '网站数量', 4)
  await setKnob(demo, '延迟', 50)
  await demo.getByRole('button', { name: '全部运行' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'workers', { timeout: 60_000 })
  const totals = demo.getByTestId('demo-charts').locator('figure').last()
  await totals.scrollIntoViewIfNeeded()
  const ticks = totals.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
  await expect(ticks).toHaveCount(4, { timeout: 15_000 })
  // Wrapped names come back as one line per tspan; compare without the spaces.
  const names = (await ticks.allTextContents()).map((name) => name.replace(/\s/g, ''))
  expect(names).toEqual(['顺序', '并发池', 'Promise.all', 'WebWorker池'])
  const box = (await totals.locator('.recharts-wrapper').boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(390)
  // Tall enough to read: the plot is not squeezed to a strip by the axis and legend.
  expect(box.height).toBeGreaterThanOrEqual(238)
  // The timeline is drawn at the phone's width, not shrunk from a desktop drawing: its labels
  // stay at their 11 px (shrunk, they were about 5 px tall).
  const timeline = demo.getByTestId('timeline-chart')
  const timelineBox = (await timeline.boundingBox())!
  expect(timelineBox.x + timelineBox.width).toBeLessThanOrEqual(390)
  const labelHeight = await timeline
    .locator('text')
    .first()
    .evaluate((label) => label.getBoundingClientRect().height)
  expect(labelHeight).toBeGreaterThanOrEqual(10)
})
