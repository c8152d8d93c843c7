import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readChapterFixtures } from './chapters'
import { openDemo, readRunResult, setKnob } from './demo-helpers'

/** WCAG 2.1 A and AA: what the site promises its readers. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
const colorSchemes = ['light', 'dark'] as const

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>
type Violation = AxeResults['violations'][number]

function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')
      return `${violation.id} [${violation.impact}] ${violation.help} (${violation.helpUrl})\n${nodes}`
    })
    .join('\n\n')
}

/** Demos load when scrolled near: bring each one in and wait for it, so axe checks it too. */
async function loadEveryDemo(page: Page) {
  const slots = page.locator('[data-demo-slot]')
  const count = await slots.count()
  for (let index = 0; index < count; index++) {
    const slot = slots.nth(index)
    await slot.scrollIntoViewIfNeeded()
    // A demo id without a demo yet renders a placeholder paragraph instead.
    await expect(slot.locator('[data-demo], [data-testid="demo-unavailable"]').first()).toBeVisible({ timeout: 30_000 })
  }
  await page.evaluate(() => window.scrollTo(0, 0))
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(serious.length, `axe found serious or critical problems on ${page.url()}:\n\n${describeViolations(serious)}`).toBe(0)
}

const routes = [
  { name: 'home', path: '/' },
  ...readChapterFixtures().map((chapter) => ({ name: chapter.slug, path: `/learn/${chapter.slug}` })),
  { name: 'lab', path: '/lab' },
  { name: 'run-locally', path: '/run-locally' },
  { name: '404', path: '/no-such-page' },
]

for (const scheme of colorSchemes) {
  test.describe(`accessibility, ${scheme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      // Settled styles: axe must not measure a colour halfway through a transition.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' })
    })

    for (const route of routes) {
      test(`${route.name} (${route.path}) has no serious or critical axe violations`, async ({ page }) => {
        test.setTimeout(120_000)
        const response = await page.goto(route.path)
        if (route.name === 'lab') test.skip(response?.status() === 404, '/lab is not built yet')
        else if (route.name === '404') expect(response?.status()).toBe(404)
        else expect(response?.status()).toBe(200)
        await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /dark/ : /^(?!.*dark)/)
        await loadEveryDemo(page)
        await expectNoSeriousViolations(page)
      })
    }

    test('the open search dialog, with results, has no serious or critical axe violations', async ({ page }) => {
      await page.goto('/learn/io-asyncio')
      await page.getByRole('button', { name: '搜索' }).click()
      await page.getByRole('combobox', { name: '搜索全部章节' }).fill('事件循环')
      await expect(page.getByTestId('search-dialog').getByRole('option').first()).toBeVisible()
      await expectNoSeriousViolations(page)
    })
  })
}

test('keyboard: Tab reaches the I/O demo’s 运行 buttons and Enter starts a run', async ({ page }) => {
  test.setTimeout(120_000)
  // Load the demo first (it appears when scrolled near) and keep the run short.
  const demo = await openDemo(page, '/learn/io-synchronous', 'io')
  await setKnob(demo, '网站数量', 6)
  await setKnob(demo, '延迟', 50)

  const focused = page.locator(':focus')
  const focusedRunButton = () =>
    page.evaluate(() => {
      const element = document.activeElement
      const isRunButton = element instanceof HTMLButtonElement && element.closest('[data-demo="io"]') !== null && element.textContent?.includes('运行') === true
      return isRunButton ? element.textContent : null
    })
  /** Tabs from the top of the page (the skip link is its first stop) to the demo's first 运行 button. */
  const tabToFirstRunButton = async () => {
    await page.locator('.skip-link').focus()
    for (let presses = 0; presses < 400; presses++) {
      await page.keyboard.press('Tab')
      const name = await focusedRunButton()
      if (name !== null) return name
    }
    throw new Error('no 运行 button in the I/O demo after 400 Tab presses')
  }

  // Every strategy's 运行 button is reachable, one after another.
  const runButtonNames = [await tabToFirstRunButton()]
  for (let more = 0; more < 40; more++) {
    await page.keyboard.press('Tab')
    if (!(await focused.evaluate((element) => element.closest('[data-demo="io"]') !== null))) break
    const name = await focusedRunButton()
    if (name !== null) runButtonNames.push(name)
  }
  expect(runButtonNames.length, runButtonNames.join('、')).toBeGreaterThanOrEqual(4)

  await tabToFirstRunButton()
  await expect(focused).toHaveAccessibleName(/运行/)
  // Keyboard focus must be visible where it lands.
  expect(await focused.evaluate((element) => element.matches(':focus-visible'))).toBe(true)
  await page.keyboard.press('Enter')
  const result = await readRunResult(demo)
  expect(result).toMatchObject({ jobs: 6, status: 'done' })
})
