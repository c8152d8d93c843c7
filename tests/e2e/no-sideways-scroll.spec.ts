import { expect, test, type Page } from '@playwright/test'
import { readChapterFixtures } from './chapters'
import { setKnob } from './demo-helpers'

const paths = ['/', '/lab', '/lab?demo=cpu', ...readChapterFixtures().map((chapter) => `/learn/${chapter.slug}`)]

/** Scrolls through the page so every demo and chart near the screen loads, then measures. */
async function sidewaysOverflow(page: Page): Promise<number> {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.documentElement.scrollHeight; y += 500) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 40))
    }
  })
  await page.waitForTimeout(300)
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

for (const width of [390, 1280, 1920]) {
  test(`no page scrolls sideways at ${width} px, with its demos loaded`, async ({ page }) => {
    test.setTimeout(180_000)
    await page.setViewportSize({ width, height: 844 })
    for (const path of paths) {
      await page.goto(path)
      expect(await sidewaysOverflow(page), `${path} at ${width} px`).toBeLessThanOrEqual(0)
    }
  })

  test(`no page scrolls sideways at ${width} px after its demo has run`, async ({ page }) => {
    await page.setViewportSize({ width, height: 844 })
    await page.goto('/learn/io-synchronous')
    const slot = page.locator('[data-demo-slot="io"]').first()
    await slot.scrollIntoViewIfNeeded()
    const demo = slot.locator('[data-demo="io"]')
    await setKnob(demo, '网站数量', 8)
    await setKnob(demo, '延迟', 10)
    await demo.getByRole('button', { name: '全部运行' }).click()
    await expect(demo.getByTestId('run-result')).toHaveAttribute('data-strategy', 'workers', { timeout: 60_000 })
    expect(await sidewaysOverflow(page), `io-synchronous at ${width} px after a run`).toBeLessThanOrEqual(0)
  })
}
