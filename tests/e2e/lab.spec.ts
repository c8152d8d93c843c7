import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { watchConsole } from './console'
import { openLab, readRunResult } from './demo-helpers'

test('a URL with settings reproduces them, and the address bar keeps them shareable', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openLab(page, 'demo=io&sites=12&latency=50&jitter=10&pool=3&hosts=1&seed=rehearsal')
  await expect(demo.getByLabel('网站数量')).toHaveValue('12')
  await expect(demo.getByLabel('延迟')).toHaveValue('50')
  await expect(demo.getByLabel('抖动')).toHaveValue('10')
  await expect(demo.getByLabel('池大小')).toHaveValue('3')
  await expect(demo.getByLabel('随机种子')).toHaveValue('rehearsal')
  await expect(page.getByTestId('url-problems')).toHaveCount(0)
  await demo.getByLabel('网站数量').fill('20')
  await expect(page).toHaveURL(/sites=20/)
  expect(problems).toEqual([])
})

test('a malformed URL opens with defaults and a note naming each bad value', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openLab(page, 'demo=io&sites=abc&latency=-5&pool=1e9&scale=7&wat=1&sites=3')
  const note = page.getByTestId('url-problems')
  await expect(note).toBeVisible()
  await expect(note).toContainText('sites=abc')
  await expect(note).toContainText('网站数量必须是 1 到 500 之间的整数')
  await expect(note).toContainText('latency=-5')
  await expect(note).toContainText('pool=1e9')
  await expect(note).toContainText('scale=7')
  await expect(note).toContainText('不认识的参数 wat')
  await expect(demo.getByLabel('网站数量')).toHaveValue('160')
  await expect(demo.getByLabel('池大小')).toHaveValue('5')
  expect(problems).toEqual([])
})

test('keyboard: 1–4 pick a strategy, R runs it, A runs all, S stops, ? shows the keys', async ({ page }) => {
  const demo = await openLab(page, 'demo=io&sites=6&latency=20')
  await page.keyboard.press('2')
  await page.keyboard.press('r')
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'pool', status: 'done', jobs: 6 })

  await page.keyboard.press('a')
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'workers', { timeout: 30_000 })
  await expect(page.getByTestId('run-history').locator('li')).toHaveCount(5)

  await demo.getByLabel('网站数量').fill('200')
  await demo.getByLabel('延迟').fill('500')
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('1')
  await page.keyboard.press('r')
  await expect(demo.getByRole('button', { name: '停止' })).toBeEnabled()
  await page.keyboard.press('s')
  expect(await readRunResult(demo)).toMatchObject({ strategy: 'sequential', status: 'cancelled' })

  await page.keyboard.press('?')
  await expect(page.getByTestId('keyboard-help')).toBeVisible()
  await expect(page.getByTestId('keyboard-help')).toContainText('全部运行')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('keyboard-help')).toBeHidden()
})

test('← and → step through the run history', async ({ page }) => {
  const demo = await openLab(page, 'demo=io&sites=4&latency=10')
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await readRunResult(demo)
  await demo.getByRole('button', { name: '运行 Promise.all' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'async')
  const figure = page.getByTestId('lab-figure').first()
  await expect(figure).toContainText('Promise.all')
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('ArrowRight')
  await expect(figure).toContainText('顺序')
  await page.keyboard.press('ArrowLeft')
  await expect(figure).toContainText('Promise.all')
})

test('export gives a non-empty PNG and a CSV whose rows are the run’s spans', async ({ page }) => {
  const demo = await openLab(page, 'demo=io&sites=8&latency=20')
  await demo.getByRole('button', { name: '运行 并发池' }).click()
  await readRunResult(demo)
  const spans = await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('concurrency-lab:runs') ?? '{}') as { state?: { runs?: { spans: { job: number; lane: number }[] }[] } }
    return stored.state?.runs?.[0]?.spans ?? []
  })
  expect(spans).toHaveLength(8)

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PNG' }).click()])
  expect(png.suggestedFilename()).toMatch(/\.png$/)
  const pngBytes = readFileSync((await png.path())!)
  expect(pngBytes.length).toBeGreaterThan(5_000)
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG')

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()])
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split(/\r\n/)
  expect(lines[0]).toBe('run_name,settings,run,workload,strategy,job,lane,start_ms,end_ms,duration_ms,wire_start_ms,wire_end_ms,queued_ms,ok,failure,detail')
  expect(lines).toHaveLength(1 + spans.length)
  const rows = lines.slice(1).map((line) => line.split(','))
  expect(rows.map((row) => [Number(row[5]), Number(row[6])]).sort((a, b) => a[0]! - b[0]!)).toEqual(
    spans.map((span) => [span.job, span.lane]).sort((a, b) => a[0]! - b[0]!),
  )

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 SVG' }).click()])
  const svgText = readFileSync((await svg.path())!, 'utf8')
  expect(svgText).toContain('<svg')
  expect(svgText).toContain('并发池')
})

test('history survives a reload; a corrupted stored value does not break the page', async ({ page }) => {
  const demo = await openLab(page, 'demo=io&sites=3&latency=10')
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await readRunResult(demo)
  await page.reload()
  await expect(page.getByTestId('run-history').locator('li')).toHaveCount(1)

  const problems = watchConsole(page)
  await page.evaluate(() => localStorage.setItem('concurrency-lab:runs', '{"state":{"runs":"not a list"},"version":1'))
  await page.reload()
  await expect(page.locator('.lab-demo [data-demo="io"]')).toBeVisible()
  await expect(page.getByText('还没有运行记录')).toBeVisible()
  await page.evaluate(() => localStorage.setItem('concurrency-lab:runs', JSON.stringify({ state: { runs: [{ id: 1 }] }, version: 1 })))
  await page.reload()
  await expect(page.getByText('还没有运行记录')).toBeVisible()
  expect(problems.filter((problem) => !/Failed to load resource/.test(problem))).toEqual([])
})

test('projector mode at 1280×720: no page chrome, no horizontal scroll, chart text at least 18 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  const demo = await openLab(page, 'demo=io&sites=12&latency=20&present=1')
  await expect(page.locator('.site-header')).toBeHidden()
  await demo.getByRole('button', { name: '运行 Promise.all' }).click()
  await readRunResult(demo)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll('.lab-demo svg text')].map((text) => (text as SVGTextElement).getBoundingClientRect().height).filter((height) => height > 0),
  )
  expect(sizes.length).toBeGreaterThan(5)
  // A glyph box is about 1.2× the font size: 18 px type gives boxes of about 21 px.
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18)
  // The larger labels fit: no value-axis label starts left of its chart (a fixed-width axis cut
  // "650ms" down to "50ms"). recharts draws the ticks once it has measured them, after the result.
  const yTicks = page.locator('.lab-demo .recharts-yAxis-tick-labels text')
  await expect.poll(() => yTicks.count()).toBeGreaterThan(2)
  const yLabelOverhang = await page.evaluate(() =>
    [...document.querySelectorAll('.lab-demo .recharts-yAxis-tick-labels text')].map((text) => {
      const chart = text.closest('svg')!.getBoundingClientRect()
      return chart.left - text.getBoundingClientRect().left
    }),
  )
  expect(yLabelOverhang.length).toBeGreaterThan(2)
  expect(Math.max(...yLabelOverhang)).toBeLessThanOrEqual(0)
  await page.getByTestId('projector-toggle').click()
  await expect(page.locator('.site-header')).toBeVisible()
})

test('a chapter demo opens in the lab with the same settings', async ({ page }) => {
  await page.goto('/learn/io-synchronous')
  await page.locator('[data-demo-slot="io"]').first().scrollIntoViewIfNeeded()
  const demo = page.locator('[data-demo="io"]').first()
  await demo.getByLabel('网站数量').fill('42')
  await demo.getByTestId('open-in-lab').click()
  await expect(page).toHaveURL(/\/lab\?.*sites=42/)
  await expect(page.locator('.lab-demo [data-demo="io"]').getByLabel('网站数量')).toHaveValue('42')
})

test('S during 全部运行, pressed while a CPU run freezes the page, stops the series before the next strategy', async ({ page }) => {
  // Where the key lands is up to the browser and this test's own process, which a loaded host can hold back for seconds,
  // so the test reads the key event's own time stamp (when the browser took it): whichever strategy it arrived during, no
  // later strategy may start after it.
  await page.addInitScript(() => {
    window.addEventListener('keydown', (event) => {
      if (event.key === 's') (window as unknown as { stopPressedAt: number }).stopPressedAt = event.timeStamp
    })
  })
  const demo = await openLab(page, 'demo=cpu&base=60000000')
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('a')
  await expect(demo.getByRole('button', { name: '停止' })).toBeEnabled()
  await page.keyboard.press('s')
  // The series has ended, and a wrongly continuing one had the time to start its next strategy.
  const runAll = demo.getByRole('button', { name: '全部运行' })
  await expect(runAll).not.toHaveAttribute('aria-disabled', 'true', { timeout: 60_000 })
  await page.waitForTimeout(2_000)
  await expect(runAll).not.toHaveAttribute('aria-disabled', 'true')
  const outcome = await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('concurrency-lab:runs') ?? '{}') as { state?: { runs?: { strategy: string; startedAt: string }[] } }
    const pressedAt = (window as unknown as { stopPressedAt?: number }).stopPressedAt ?? Number.NaN
    const runs = (stored.state?.runs ?? []).map((run) => ({ strategy: run.strategy, startMs: Date.parse(run.startedAt) - performance.timeOrigin }))
    return { pressedAt, runs }
  })
  expect(outcome.pressedAt).toBeGreaterThan(0)
  expect(outcome.runs.length).toBeGreaterThan(0)
  expect(outcome.runs.length).toBeLessThan(4)
  // The key may reach the browser as the first strategy takes the thread; no later strategy may start after it.
  for (const run of outcome.runs.filter((run) => run.strategy !== 'sequential')) {
    expect(run.startMs, `${run.strategy} started after the stop`).toBeLessThan(outcome.pressedAt)
  }
})

test('two runs ticked 对比 share one time axis, say which was faster by how much, and export together', async ({ page }) => {
  const demo = await openLab(page, 'demo=io&sites=12&latency=50&jitter=0')
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'sequential', { timeout: 30_000 })
  await demo.getByRole('button', { name: '运行 Promise.all' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'async', { timeout: 30_000 })
  const history = page.getByTestId('run-history')
  for (const box of await history.getByRole('checkbox', { name: '对比' }).all()) await box.check()
  const compare = page.getByTestId('run-compare')
  await expect(compare).toBeVisible()
  // 12 × 50 ms one after another, against two waves of 6: the sequential run is several times slower.
  expect(Number(await compare.getAttribute('data-ratio'))).toBeGreaterThan(2.5)
  expect(Number(await compare.getAttribute('data-difference-ms'))).toBeGreaterThan(300)
  await expect(page.getByTestId('run-compare-summary')).toContainText('Promise.all 更快')
  // One axis: both timelines end their time axis on the same tick.
  const lastTicks = await compare.locator('[data-testid="lab-figure"]').evaluateAll((figures) =>
    figures.map((figure) =>
      [...figure.querySelectorAll('text')]
        .map((text) => text.textContent ?? '')
        .filter((label) => /ms$|s$/.test(label))
        .pop(),
    ),
  )
  expect(lastTicks).toHaveLength(2)
  expect(lastTicks[0]).toBe(lastTicks[1])
  const [csv] = await Promise.all([page.waitForEvent('download'), compare.getByRole('button', { name: '导出两次的 CSV' }).click()])
  const rows = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split(/\r\n/)
    .slice(1)
  expect(new Set(rows.map((row) => row.split(',')[4]))).toEqual(new Set(['sequential', 'async']))
  expect(rows).toHaveLength(24)
})
