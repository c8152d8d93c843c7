import { expect, test, type Page } from '@playwright/test'
import { watchConsole } from './console'

const indexPath = '/search-index.json'

function searchDialog(page: Page) {
  const dialog = page.getByTestId('search-dialog')
  return { dialog, input: dialog.getByRole('combobox', { name: '搜索全部章节' }), options: dialog.getByRole('option') }
}

/** The heading a result links to, found by its id (ids hold Chinese, the URL holds them encoded). */
function headingOf(page: Page, href: string) {
  const id = decodeURIComponent(href.slice(href.indexOf('#') + 1))
  return page.locator(`[id="${id}"]`)
}

test('the 搜索 button opens the search; Enter on the first hit for 事件循环 lands on its heading', async ({ page }) => {
  const problems = watchConsole(page)
  const indexRequests: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith(indexPath)) indexRequests.push(request.url())
  })
  await page.goto('/learn/what-is-concurrency')
  await page.waitForLoadState('networkidle')
  // Nothing of the search is fetched until a reader opens it.
  expect(indexRequests).toEqual([])

  await page.getByRole('button', { name: '搜索' }).click()
  const { dialog, input, options } = searchDialog(page)
  await expect(dialog).toBeVisible()
  await expect(input).toBeFocused()
  await input.fill('事件循环')
  const first = options.first()
  await expect(first).toHaveAttribute('href', /^\/learn\/io-asyncio#.+/)
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(first.locator('mark').first()).toHaveText('事件循环')
  const href = (await first.getAttribute('href'))!

  await input.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/learn\/io-asyncio#.+/)
  expect(decodeURIComponent(new URL(page.url()).hash)).toBe(decodeURIComponent(href.slice(href.indexOf('#'))))
  await expect(headingOf(page, href)).toBeInViewport()
  expect(indexRequests).toHaveLength(1)
  expect(problems).toEqual([])
})

test('"/" opens the search; arrows move the selection, Esc closes, Ctrl+K reopens, a click opens a hit', async ({ page }) => {
  const problems = watchConsole(page)
  await page.goto('/')
  await page.locator('body').press('/')
  const { dialog, input, options } = searchDialog(page)
  await expect(dialog).toBeVisible()
  await expect(input).toBeFocused()
  await page.keyboard.type('asyncio')
  await expect(options.first()).toHaveAttribute('href', /^\/learn\/io-asyncio#/)

  await input.press('ArrowDown')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!)
  await input.press('ArrowUp')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')

  await input.press('Escape')
  await expect(dialog).toBeHidden()
  await page.keyboard.press('Control+k')
  await expect(dialog).toBeVisible()
  await expect(input).toHaveValue('asyncio')

  const second = options.nth(1)
  const href = (await second.getAttribute('href'))!
  await second.click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/\/learn\/io-asyncio#.+/)
  await expect(headingOf(page, href)).toBeInViewport()
  expect(problems).toEqual([])
})

test('a query with no match says so in Chinese; "/" typed in the search box is text', async ({ page }) => {
  await page.goto('/learn/glossary')
  await page.getByRole('button', { name: '搜索' }).click()
  const { input, options } = searchDialog(page)
  await input.fill('qwzxvkj')
  await expect(page.getByTestId('search-status')).toHaveText('没有找到与「qwzxvkj」相关的内容')
  await expect(options).toHaveCount(0)
  await input.fill('')
  await input.pressSequentially('I/O')
  await expect(input).toHaveValue('I/O')
})
