import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { watchConsole } from './console'

// The reading path as readers and teachers use it: the TOC after Home/End, a language choice that
// sticks, glossary terms in place, the phone's in-page contents, reading progress, print, no JavaScript.

const desktop = { width: 1400, height: 900 }
const phone = { width: 390, height: 844 }

/** A glossary entry's first paragraph as written, up to its first full stop: what its popover must begin with. */
function glossaryOpening(term: string): string {
  const source = readFileSync(join(process.cwd(), 'content', 'glossary.mdx'), 'utf8')
  const paragraph = source.split(`\n## ${term}\n\n`)[1]?.split('\n')[0] ?? ''
  return paragraph.slice(0, paragraph.indexOf('。') + 1)
}

/** Opens a chapter and waits until it is hydrated (the TOC marks a heading), so its reading tracker runs. */
async function readChapter(page: Page, slug: string) {
  await page.goto(`/learn/${slug}`)
  await expect(page.getByTestId('toc').locator('a[aria-current="location"]')).toHaveCount(1)
}

async function tocCurrent(page: Page) {
  return page.getByTestId('toc').locator('a[aria-current="location"]')
}

test.describe('the TOC follows Home and End', () => {
  test('End marks the last entry, Home the first', async ({ page }) => {
    await page.setViewportSize(desktop)
    await page.goto('/learn/io-threading')
    const links = page.getByTestId('toc').getByRole('link')
    await expect(await tocCurrent(page)).toHaveCount(1)
    // A demo near the end may load and grow the page under the first End: press it again, as a reader would.
    await expect
      .poll(async () => {
        await page.keyboard.press('End')
        return page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2)
      })
      .toBe(true)
    await expect(links.last()).toHaveAttribute('aria-current', 'location')
    await expect(await tocCurrent(page)).toHaveCount(1)
    // On the way up, a demo loading as it passes the screen grows the page above the reader, and the
    // browser's scroll anchoring keeps them where they were: press Home again, as a reader would.
    await expect
      .poll(async () => {
        await page.keyboard.press('Home')
        return page.evaluate(() => scrollY)
      })
      .toBe(0)
    await expect(links.first()).toHaveAttribute('aria-current', 'location')
    await expect(await tocCurrent(page)).toHaveCount(1)
  })

  test('a jump to a middle heading marks that heading', async ({ page }) => {
    await page.setViewportSize(desktop)
    await page.goto('/learn/io-threading')
    const link = page.getByTestId('toc').getByRole('link', { name: '深入 concurrent.futures' })
    await link.click()
    await expect(link).toHaveAttribute('aria-current', 'location')
  })
})

test('the Python | TypeScript choice holds on every tab group, after a reload and on the next chapter', async ({ page }) => {
  const problems = watchConsole(page)
  await page.goto('/learn/cpu-bound')
  const groups = page.getByTestId('code-tabs')
  expect(await groups.count()).toBeGreaterThanOrEqual(2)
  const last = groups.last()
  await last.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  // Demos near the screen load and settle first: only the tab click may move anything.
  await page.waitForLoadState('networkidle')
  const before = await last.getByRole('tablist').boundingBox()
  await last.getByRole('tab', { name: /TypeScript/ }).click()
  for (const group of await groups.all()) await expect(group.getByRole('tab', { name: /TypeScript/ })).toHaveAttribute('aria-selected', 'true')
  // The groups above changed height; the one the reader clicked stays where it was on screen.
  const after = await last.getByRole('tablist').boundingBox()
  expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThanOrEqual(2)
  await expect(last.getByRole('tabpanel').filter({ visible: true }).locator('pre')).toHaveAttribute('data-language', 'ts')

  await page.reload()
  await expect(groups.first().getByRole('tab', { name: /TypeScript/ })).toHaveAttribute('aria-selected', 'true')

  // In-site navigation (下一章), not a new page load: the choice still applies.
  await page
    .getByRole('navigation', { name: '上一章和下一章' })
    .getByRole('link', { name: /下一章/ })
    .click()
  await expect(page).toHaveURL(/\/learn\/when-to-use-concurrency$/)
  const next = page.getByTestId('code-tabs')
  await expect(next.first().getByRole('tab', { name: /TypeScript/ })).toHaveAttribute('aria-selected', 'true')

  await next.first().getByRole('tab', { name: 'Python' }).click()
  await page.goto('/learn/io-asyncio')
  for (const group of await page.getByTestId('code-tabs').all())
    await expect(group.getByRole('tab', { name: 'Python' })).toHaveAttribute('aria-selected', 'true')
  expect(problems).toEqual([])
})

test.describe('glossary terms', () => {
  test('a click shows the definition in place; Esc and a click outside close it; Enter opens it', async ({ page }) => {
    const problems = watchConsole(page)
    await page.goto('/learn/io-threading')
    const url = page.url()
    const term = page.getByTestId('term').filter({ hasText: '线程池' }).first()
    await term.scrollIntoViewIfNeeded()
    await term.click()
    await expect(term).toHaveAttribute('aria-expanded', 'true')
    const popover = page.locator(`[id="${await term.getAttribute('aria-controls')}"]`)
    await expect(popover).toBeVisible()
    await expect(popover).toContainText(glossaryOpening('线程池'))
    expect(page.url()).toBe(url)

    await page.keyboard.press('Escape')
    await expect(popover).toBeHidden()
    await expect(term).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(popover).toBeVisible()
    await page.locator('h1').click()
    await expect(popover).toBeHidden()
    expect(page.url()).toBe(url)

    await term.click()
    await popover.getByRole('link', { name: '查看术语表' }).click()
    await expect(page).toHaveURL(/\/learn\/glossary#/)
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1))
    await expect(page.locator(`[id="${anchor}"]`)).toHaveText(/线程池/)
    expect(problems).toEqual([])
  })

  test('on a phone a tap opens it inside the screen', async ({ browser }) => {
    const context = await browser.newContext({ viewport: phone, hasTouch: true, isMobile: true })
    const page = await context.newPage()
    await page.goto('/learn/what-is-concurrency')
    // A tap before the page has hydrated follows the term's link to the glossary, as it does without JavaScript:
    // tap once the page has settled, as a reader who has it on screen does.
    await page.waitForLoadState('networkidle')
    const terms = page.getByTestId('term')
    for (const index of [0, 2]) {
      const term = terms.nth(index)
      await term.scrollIntoViewIfNeeded()
      await term.tap()
      const popover = page.locator(`[id="${await term.getAttribute('aria-controls')}"]`)
      await expect(popover).toBeVisible()
      const box = (await popover.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(phone.width)
      await page.locator('h1').tap()
      await expect(popover).toBeHidden()
    }
    await context.close()
  })
})

test('on a phone, 本章目录 opens at the top of the chapter and its links jump to their headings', async ({ page }) => {
  await page.setViewportSize(phone)
  await page.goto('/learn/io-threading')
  const contents = page.getByTestId('mobile-toc')
  await expect(contents).toBeInViewport()
  await contents.getByText('本章目录').click()
  const link = contents.getByRole('link', { name: '多线程版本的问题' })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page.locator('[id="多线程版本的问题"]')).toBeInViewport()
  await page.setViewportSize(desktop)
  await expect(contents).toBeHidden()
})

test('a returning reader: finished chapters are marked, 继续阅读 leads back, and the record clears', async ({ page }) => {
  const problems = watchConsole(page)
  await page.goto('/')
  const marks = page.locator('.chapter-cards').getByTestId('finished-mark')
  await expect(page.getByTestId('continue-reading')).toHaveCount(0)
  await expect(marks).toHaveCount(0)

  await readChapter(page, 'what-is-concurrency')
  await page.keyboard.press('End')
  // The position is written once the scroll settles.
  await page.waitForTimeout(800)
  await page.goto('/')
  const card = page.locator('.chapter-card').filter({ hasText: '什么是并发' })
  await expect(card.getByTestId('finished-mark')).toHaveText('✓ 已读完')
  await expect(marks).toHaveCount(1)
  const resume = page.getByTestId('continue-reading')
  await expect(resume).toHaveText('继续阅读：什么是并发')
  await expect(resume).toHaveAttribute('href', /^\/learn\/what-is-concurrency#.+/)

  await page.reload()
  await expect(resume).toHaveText('继续阅读：什么是并发')
  await resume.click()
  await expect(page).toHaveURL(/\/learn\/what-is-concurrency#/)
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1))
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport()
  // The sidebar marks it too, named for screen readers.
  await expect(
    page
      .locator('.learn-sidebar')
      .getByRole('navigation', { name: '章节' })
      .getByRole('link', { name: /^什么是并发\s*已读完$/ }),
  ).toBeVisible()

  // Another chapter opened (not finished) becomes the one to continue.
  await readChapter(page, 'io-threading')
  await page.goto('/')
  await expect(resume).toHaveText('继续阅读：I/O 密集型：多线程版本')
  await expect(marks).toHaveCount(1)

  await page.getByRole('button', { name: '清除阅读记录' }).click()
  await expect(resume).toHaveCount(0)
  await expect(marks).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('link', { name: /开始阅读/ })).toBeVisible()
  await expect(resume).toHaveCount(0)
  expect(problems).toEqual([])
})

test('a corrupt reading record starts fresh instead of breaking the home page', async ({ page }) => {
  const problems = watchConsole(page)
  await page.goto('/')
  await page.evaluate(() => localStorage.setItem('concurrency-lab:reading:v1', '{"lastSlug": 42'))
  await page.reload()
  await expect(page.getByRole('link', { name: /开始阅读/ })).toBeVisible()
  await expect(page.getByTestId('continue-reading')).toHaveCount(0)
  await readChapter(page, 'what-is-parallelism')
  await page.goto('/')
  await expect(page.getByTestId('continue-reading')).toHaveText('继续阅读：什么是并行')
  expect(problems).toEqual([])
})

test.describe('print', () => {
  test('a handout: no header, navigation or buttons; answers unfolded, then folded again; links show where they lead', async ({ page }) => {
    await page.goto('/learn/what-is-concurrency')
    const answers = page.locator('details').filter({ has: page.locator('summary', { hasText: '查看答案' }) })
    await expect(answers.first()).not.toHaveAttribute('open')
    await page.emulateMedia({ media: 'print' })
    for (const selector of [
      '.site-header',
      '.learn-sidebar',
      '.learn-toc',
      'nav[aria-label="上一章和下一章"]',
      '[data-testid="theme-toggle"]',
      '[data-testid="copy-code"]',
      '[role="tablist"]',
    ]) {
      await expect(page.locator(selector).first(), selector).toBeHidden()
    }
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    for (const answer of await answers.all()) await expect(answer).toHaveAttribute('open', '')
    const external = page.locator('article a[href^="http"]').first()
    expect(await external.evaluate((link) => getComputedStyle(link, '::after').content)).toBe(`" (${await external.getAttribute('href')})"`)
    const internal = page.locator('article a[href^="/learn/"]:not([data-term])').first()
    expect(await internal.evaluate((link) => getComputedStyle(link, '::after').content)).toContain('/learn/')
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    await expect(answers.first()).not.toHaveAttribute('open')
    await page.emulateMedia({ media: 'screen' })
    await expect(page.locator('.site-header')).toBeVisible()
  })

  test('a demo that was never run prints a note, not its empty controls', async ({ page }) => {
    await page.goto('/learn/io-synchronous')
    const slot = page.locator('[data-demo-slot="io"]').first()
    await slot.scrollIntoViewIfNeeded()
    await expect(slot.locator('[data-demo="io"]')).toBeVisible()
    await page.emulateMedia({ media: 'print' })
    await expect(slot.locator('[data-demo="io"]')).toBeHidden()
    expect(await slot.evaluate((element) => getComputedStyle(element, '::after').content)).toContain('交互演示')
  })
})

test('without JavaScript the chapter reads, and demos and the lab say they need JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/learn/io-synchronous')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const skeleton = page.locator('[data-demo-slot] .demo-skeleton').first()
  // Whatever the box holds for a browser with scripts (a loading note, a load button) is not shown.
  for (const child of await skeleton.locator(':scope > *').all()) await expect(child).toBeHidden()
  expect(await skeleton.evaluate((element) => getComputedStyle(element, '::after').content)).toContain('此演示需要 JavaScript')
  // A term is still a link to its glossary entry.
  await expect(page.locator('a[data-term]').first()).toHaveAttribute('href', /^\/learn\/glossary#/)

  await page.goto('/lab')
  await expect(page.getByTestId('lab-needs-javascript')).toBeVisible()
  await expect(page.getByTestId('lab-needs-javascript')).toContainText('实验室需要 JavaScript')
  await expect(page.getByText('实验室加载中…')).toBeHidden()
  await context.close()
})
