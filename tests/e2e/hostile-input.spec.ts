import { expect, test } from '@playwright/test'
import { watchConsole } from './console'
import { openLab } from './demo-helpers'

test('lab parameters named like inherited object properties are unknown names, never a crash', async ({ page }) => {
  const problems = watchConsole(page)
  const names = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']
  for (const name of names) {
    await openLab(page, `demo=io&${name}=1`)
    await expect(page.getByTestId('url-problems')).toContainText(`不认识的参数 ${name}`)
  }
  expect(problems).toEqual([])
})

test('when some downloads fail, the result says how many and why', async ({ page }) => {
  const demo = await openLab(page, 'demo=io&sites=6&latency=10&jitter=0')
  let answered = 0
  // Every third request refused by the network, every third an injected 503 with the route's JSON.
  await page.route('**/api/latency**', async (route) => {
    const turn = answered++ % 3
    if (turn === 0) return route.abort('connectionrefused')
    if (turn === 1) {
      return route.fulfill({
        status: 503,
        contentType: 'application/json; charset=utf-8',
        headers: { 'Access-Control-Allow-Origin': '*' },
        body: JSON.stringify({ error: { field: 'fail', message: '模拟的服务器故障：按 fail=0.5 的概率，这次请求失败了（503）' } }),
      })
    }
    return route.continue()
  })
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  const result = demo.getByTestId('run-result')
  await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  await expect(result).toContainText('其中 4 个失败')
  await expect(result).toContainText('2 个服务器返回 503（模拟的服务器故障')
  await expect(result).toContainText('2 个网络错误')
})

test('with localStorage full, a run stays on screen, the page says history was not saved, and nothing throws', async ({ page }) => {
  const problems = watchConsole(page)
  const demo = await openLab(page, 'demo=io&sites=3&latency=5&jitter=0')
  // Fill the origin's storage to the brim with another key.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20)
    for (let index = 0; chunk.length > 1;) {
      try {
        localStorage.setItem(`filler-${index++}`, chunk)
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1)
      }
    }
  })
  await demo.getByRole('button', { name: '运行 顺序' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  await expect(demo.getByTestId('history-storage-problem')).toContainText('浏览器的存储空间已满')
  expect(problems.filter((problem) => /QuotaExceeded/.test(problem))).toEqual([])
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key)
  })
})
