import { expect, test, type Locator } from '@playwright/test'
import { openDemo, openLab, readRunResult, setKnob } from './demo-helpers'

type Box = { x: number; y: number; width: number; height: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

async function boxesOf(locator: Locator): Promise<Box[]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect()
      return { x, y, width, height }
    }),
  )
}

test('before any run the timeline shows a note, not a 0ms … 1ms axis', async ({ page }) => {
  const demo = await openDemo(page, '/learn/io-synchronous', 'io')
  const timeline = demo.getByTestId('timeline-chart')
  await expect(timeline.getByTestId('timeline-empty')).toHaveText(/还没有运行/)
  await expect(timeline.locator('text', { hasText: /^1ms$/ })).toHaveCount(0)
})

for (const { name, width, height } of [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a wide lab', width: 1920, height: 1080 },
]) {
  test(`on ${name} the note before a run takes the box the first drawing then fills: nothing below it moves`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    const demo = await openLab(page, 'demo=io&sites=6&latency=50&strategy=sequential')
    const timeline = demo.getByTestId('timeline-chart')
    await expect(timeline.getByTestId('timeline-empty')).toBeVisible()
    const before = (await timeline.boundingBox())!
    await demo.getByRole('button', { name: '运行 顺序' }).click()
    expect(await readRunResult(demo)).toMatchObject({ strategy: 'sequential', status: 'done' })
    await expect(timeline.getByTestId('timeline-empty')).toHaveCount(0)
    const after = (await timeline.boundingBox())!
    expect(after.width).toBeCloseTo(before.width, 0)
    expect(after.height).toBeCloseTo(before.height, 0)
  })
}

test('after Promise.all: the in-flight chart gives the capped line its own readable scale, its cap label clear of every tick; totals legend in bar order at the axis size', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const demo = await openDemo(page, '/learn/io-synchronous', 'io')
  await setKnob(demo, '网站数量', 30)
  await demo.getByRole('button', { name: '运行 Promise.all' }).click()
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'async', status: 'done' })
  await expect(demo.getByTestId('timeline-chart').getByTestId('timeline-empty')).toHaveCount(0)

  const caption = demo.getByTestId('in-flight-caption')
  await caption.scrollIntoViewIfNeeded()
  const chart = demo.locator('.in-flight-chart')
  await expect(chart).toBeVisible({ timeout: 20_000 })
  // 30 issued against 6 on the wire: a panel each.
  await expect(chart).toHaveAttribute('data-split', 'true')
  await expect(chart.getByTestId('in-flight-legend')).toContainText('纵轴放大到 0–8')
  const wirePanel = chart.getByTestId('in-flight-wire-panel')
  const capLabel = wirePanel.locator('text.recharts-label', { hasText: '连接上限' })
  await expect(capLabel).toHaveText('连接上限 6')
  const [label] = await boxesOf(capLabel)
  const ticks = await boxesOf(chart.locator('.recharts-cartesian-axis-tick-value'))
  expect(ticks.length).toBeGreaterThan(4)
  for (const tick of ticks) expect(overlaps(label!, tick)).toBe(false)
  // The cap line sits in the panel's upper half, not flattened into the time axis.
  const [line] = await boxesOf(wirePanel.locator('.recharts-reference-line line'))
  const [plot] = await boxesOf(wirePanel.locator('.recharts-cartesian-grid'))
  expect(line!.y - plot!.y).toBeLessThan(plot!.height / 2)

  const totals = demo.locator('figure', { hasText: '总用时' })
  await totals.scrollIntoViewIfNeeded()
  const legend = totals.locator('li.recharts-legend-item')
  await expect(legend).toHaveText(['本次测量（浏览器）', '模型预测'])
  const legendSize = await legend.first().evaluate((item) => getComputedStyle(item).fontSize)
  const tickSize = await totals
    .locator('.recharts-cartesian-axis-tick-value')
    .first()
    .evaluate((tick) => getComputedStyle(tick).fontSize)
  expect(legendSize).toBe(tickSize)
})

test('strategy cards: no lone ≈ line, and the run buttons of a row share one height and one line', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const demo = await openDemo(page, '/learn/io-synchronous', 'io')
  const heads = demo.getByTestId('strategy-python-head')
  await expect(heads).toHaveCount(4)
  for (const text of await heads.allTextContents()) expect(text).toMatch(/^≈\u00a0\S/)
  // The head never wraps: all its boxes sit on one line.
  const tops = await heads.evaluateAll((elements) =>
    elements.map((element) => new Set([...element.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size),
  )
  expect(tops).toEqual([1, 1, 1, 1])
  const buttons = await boxesOf(demo.getByTestId('strategy-card').getByRole('button', { name: /^运行/ }))
  expect(buttons).toHaveLength(4)
  // The four cards share one row at this width.
  for (const button of buttons) {
    expect(Math.abs(button.y - buttons[0]!.y)).toBeLessThan(1)
    expect(Math.abs(button.height - buttons[0]!.height)).toBeLessThan(1)
  }
})

test('CPU totals: the article’s bars say at which size they are', async ({ page }) => {
  const demo = await openDemo(page, '/learn/cpu-bound', 'cpu')
  const totals = demo.locator('figure', { hasText: '总用时' })
  await totals.scrollIntoViewIfNeeded()
  await expect(totals.locator('figcaption')).toContainText('是原文的 12.0 倍')
  await expect(totals.locator('li.recharts-legend-item')).toHaveText(['本次测量（浏览器）', '原文 Python（按本次规模折算）'], { timeout: 20_000 })
  await expect(demo.getByTestId('strategy-card').first()).toContainText('折算约 93.6 秒')

  await demo.getByRole('button', { name: /^原文（/ }).click()
  await expect(totals.locator('figcaption')).toContainText('同一规模')
  await expect(totals.locator('li.recharts-legend-item')).toHaveText(['本次测量（浏览器）', '原文 Python（同一规模）'])
  await expect(demo.getByTestId('strategy-card').first()).toContainText('同步版本 7.8 秒')
  // The chip is explained on the page itself, with the glossary one tap away.
  await expect(demo.getByTestId('isolation-note')).toContainText('SharedArrayBuffer')
  await expect(demo.getByTestId('isolation-note').getByRole('link', { name: '什么是跨源隔离' })).toHaveAttribute('href', /\/learn\/glossary#/)
})

test('the sweep says which of its rounds it is on', async ({ page }) => {
  const demo = await openDemo(page, '/learn/io-threading', 'io-sweep')
  await setKnob(demo, '每轮网站数', 6)
  await setKnob(demo, '延迟', 100)
  await demo.getByRole('button', { name: '运行扫描' }).click()
  await expect(demo.getByTestId('sweep-progress')).toHaveText(/^第 \d+\/12 轮：正在测池大小 \d+…$/)
  await demo.getByRole('button', { name: '停止' }).click()
})
