import { expect, test, type Page } from '@playwright/test'

/** Visible text outside the charts whose font is under 18 px, as "size tag text". */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    // A chart's text is drawn at its font size times the drawing's scale (rendered width / viewBox width).
    for (const text of document.querySelectorAll<SVGTextElement>('.lab-page svg text')) {
      const svg = text.ownerSVGElement
      if (!svg || text.getBoundingClientRect().width === 0 || text.closest('[hidden]')) continue
      const viewBox = svg.viewBox.baseVal
      const scale = viewBox && viewBox.width ? svg.getBoundingClientRect().width / viewBox.width : 1
      const size = parseFloat(getComputedStyle(text).fontSize) * scale
      if (size < 17.5) found.push(`${size.toFixed(1)}px svg text "${(text.textContent ?? '').slice(0, 24)}"`)
    }
    for (const element of document.querySelectorAll<HTMLElement>('.lab-page *')) {
      if (element.closest('svg, [hidden], .visually-hidden')) continue
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent?.trim() ?? '')
        .join('')
      const box = element.getBoundingClientRect()
      if (!text || box.width === 0 || box.height === 0) continue
      const size = parseFloat(getComputedStyle(element).fontSize)
      if (size < 17.5) found.push(`${size}px ${element.tagName} "${text.slice(0, 24)}"`)
    }
    return found
  })
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`projector at ${width}×${height}: after a run the timeline and the totals are on screen, no text under 18 px`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await page.goto('/lab?demo=io&sites=40&latency=100&jitter=0&present=1')
    const demo = page.locator('.lab-demo [data-demo="io"]')
    await expect(demo).toBeVisible({ timeout: 20_000 })
    // The knobs fold into one line that opens on demand.
    const summary = demo.getByTestId('knob-summary')
    await expect(summary).toContainText('40 个网站')
    await expect(demo.getByLabel('网站数量')).toBeHidden()
    await page.keyboard.press('3')
    await page.keyboard.press('r')
    await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'async', { timeout: 30_000 })
    await page.waitForTimeout(1_500)
    // Nobody scrolled: the run brought its result line and charts up by itself.
    for (const chart of [demo.getByTestId('timeline-chart'), demo.getByTestId('demo-charts').locator('figure').last()]) {
      const box = (await chart.boundingBox())!
      expect(box.y, 'chart top on screen').toBeGreaterThanOrEqual(0)
      expect(box.y + box.height, 'chart bottom on screen').toBeLessThanOrEqual(height)
    }
    expect(await smallText(page)).toEqual([])
    await summary.locator('summary').click()
    await expect(demo.getByLabel('网站数量')).toBeVisible()
    // The seed field shows its whole placeholder.
    const cut = await demo.getByLabel('随机种子').evaluate((input: HTMLInputElement) => {
      const context = document.createElement('canvas').getContext('2d')!
      context.font = getComputedStyle(input).font
      return (
        context.measureText(input.placeholder).width -
        (input.clientWidth - parseFloat(getComputedStyle(input).paddingLeft) - parseFloat(getComputedStyle(input).paddingRight))
      )
    })
    expect(cut).toBeLessThanOrEqual(0)
  })
}
