import { expect, test } from '@playwright/test'
import { readChapterFixtures } from './chapters'
import { watchConsole } from './console'

const chapters = readChapterFixtures()

test.describe('every chapter', () => {
  for (const chapter of chapters) {
    test(`${chapter.slug} renders its title and headings without console errors`, async ({ page }) => {
      const problems = watchConsole(page)
      await page.goto(`/learn/${chapter.slug}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapter.title)
      const article = page.locator('article.prose')
      for (const heading of chapter.headings) {
        // Headings may hold inline code or links; compare their visible text without the anchor mark.
        const plain = heading.replace(/`/g, '').replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        await expect(article.locator('h2, h3').filter({ hasText: plain }).first()).toBeVisible()
      }
      await page.waitForLoadState('networkidle')
      expect(problems).toEqual([])
    })
  }
})

test('home lists every chapter in order and links to the first', async ({ page }) => {
  const problems = watchConsole(page)
  await page.goto('/')
  const cards = page.locator('.chapter-card-title')
  await expect(cards).toHaveText(chapters.map((chapter) => chapter.title))
  await page.getByRole('link', { name: /开始阅读/ }).click()
  await expect(page).toHaveURL(new RegExp(`/learn/${chapters[0]!.slug}$`))
  expect(problems).toEqual([])
})

test('TOC links land on their headings', async ({ page }) => {
  const chapter = chapters.find((entry) => entry.headings.length >= 4) ?? chapters[0]!
  await page.setViewportSize({ width: 1400, height: 900 })
  await page.goto(`/learn/${chapter.slug}`)
  const links = page.getByTestId('toc').getByRole('link')
  const count = await links.count()
  expect(count).toBeGreaterThanOrEqual(chapter.headings.length)
  for (const index of [count - 1, Math.floor(count / 2)]) {
    const link = links.nth(index)
    const href = (await link.getAttribute('href'))!
    await link.click()
    const id = decodeURIComponent(href.slice(1))
    const heading = page.locator(`[id="${id}"]`)
    await expect(heading).toBeInViewport()
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${id}`)
  }
})

test('previous/next links walk the chapters in order', async ({ page }) => {
  await page.goto(`/learn/${chapters[0]!.slug}`)
  await expect(page.getByRole('link', { name: /上一章/ })).toHaveCount(0)
  await page.getByRole('link', { name: /下一章/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapters[1]!.title)
  await page.getByRole('link', { name: /上一章/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapters[0]!.title)
})

test('theme toggle switches and persists across reload, with no flash of the other theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(`/learn/${chapters[0]!.slug}`)
  const html = page.locator('html')
  await expect(html).not.toHaveClass(/dark/)
  await page.getByTestId('theme-toggle').click()
  await expect(html).toHaveClass(/dark/)
  // Before any script of ours hydrates, the inline head script must already have set the class.
  await page.route('**/_next/static/**/*.js', (route) => route.abort())
  await page.reload()
  await expect(html).toHaveClass(/dark/)
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).toBe('rgb(22, 24, 29)')
})

test('the system dark preference applies on first visit', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/')
  await expect(page.locator('html')).toHaveClass(/dark/)
})

test('on a phone the chapter navigation folds into a menu that opens and navigates', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`/learn/${chapters[0]!.slug}`)
  await expect(page.locator('.learn-sidebar')).toBeHidden()
  const menu = page.getByTestId('mobile-menu')
  await expect(menu).toBeHidden()
  await page.getByTestId('mobile-menu-button').click()
  await expect(menu).toBeVisible()
  await menu.getByRole('link', { name: chapters[2]!.title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(chapters[2]!.title)
  await expect(menu).toBeHidden()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('skip link moves focus to the main content', async ({ page }) => {
  await page.goto(`/learn/${chapters[0]!.slug}`)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: '跳到正文' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main-content$/)
})

test('code blocks copy their code and code tabs switch language', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const withTabs = chapters.find((chapter) => chapter.slug === 'io-synchronous') ?? chapters[0]!
  await page.goto(`/learn/${withTabs.slug}`)
  const tabs = page.getByTestId('code-tabs').first()
  await expect(tabs.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true')
  await tabs.getByRole('tab', { name: /TypeScript/ }).click()
  const panel = tabs.getByRole('tabpanel').filter({ visible: true })
  await expect(panel.locator('pre')).toHaveAttribute('data-language', 'ts')
  await panel.getByTestId('copy-code').click()
  await expect(panel.getByTestId('copy-code')).toHaveText('已复制')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied.trim()).toBe((await panel.locator('pre').innerText()).trim())
})

test('an unknown address shows the Chinese 404 page', async ({ page }) => {
  const response = await page.goto('/learn/no-such-chapter')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('这一页不存在')
  await expect(page.getByRole('link', { name: '回到首页' })).toBeVisible()
})

/**
 * The least Chinese text (CJK characters, code excluded) each chapter's section of the article
 * warrants: the seed translation's own count for that section, and for the untranslated tail an
 * estimate from the facts it must cover (the article's own figures for its untranslated sections).
 */
const minimumLength: Record<string, number> = {
  'what-is-concurrency': 779,
  'what-is-parallelism': 459,
  'when-is-concurrency-useful': 655,
  'io-synchronous': 691,
  'io-threading': 1417,
  'race-conditions': 557,
  'io-asyncio': 2459,
  'io-multiprocessing': 800,
  'cpu-bound': 1200,
  'when-to-use-concurrency': 600,
  conclusion: 500,
  glossary: 500,
  // Our own pages beyond the article: the appendix on how the site measures, and the credits.
  'how-we-measure': 800,
  about: 400,
}

test('every section of the article has its chapter, and none is shorter than its section warrants', async ({ page }) => {
  expect(chapters.map((chapter) => chapter.slug).sort()).toEqual(Object.keys(minimumLength).sort())
  for (const chapter of chapters) {
    await page.goto(`/learn/${chapter.slug}`)
    const prose = await page.locator('article.prose').evaluate((article) => {
      const copy = article.cloneNode(true) as HTMLElement
      copy.querySelectorAll('pre, [data-demo-slot]').forEach((element) => element.remove())
      return copy.textContent ?? ''
    })
    const length = (prose.match(/[\u4e00-\u9fff]/g) ?? []).length
    expect(length, `${chapter.slug}: ${length} CJK characters`).toBeGreaterThanOrEqual(minimumLength[chapter.slug]!)
  }
})
