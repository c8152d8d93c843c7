import { expect, test, type Locator, type Page } from '@playwright/test'

// Each spec loads CPython in the browser (a few seconds, more on a busy machine).
test.describe.configure({ timeout: 180_000 })

async function openRunner(page: Page, path: string, program: string): Promise<Locator> {
  await page.goto(path)
  const slot = page.locator(`[data-demo-slot="python"]`).filter({ has: page.locator(`[data-program="${program}"]`) })
  const any = page.locator('[data-demo-slot="python"]')
  const count = await any.count()
  for (let index = 0; index < count; index++) await any.nth(index).scrollIntoViewIfNeeded()
  const demo = slot.locator(`[data-demo="python"][data-program="${program}"]`)
  await demo.scrollIntoViewIfNeeded()
  await expect(demo).toBeVisible()
  return demo
}

async function setKnob(demo: Locator, label: string, value: number) {
  const input = demo.getByLabel(label, { exact: false }).first()
  await input.fill(String(value))
  await input.blur()
}

async function runAndRead(demo: Locator) {
  await demo.getByRole('button', { name: /运行.*Python|Python.*运行/ }).click()
  const result = demo.getByTestId('run-result')
  await expect(result).toBeVisible({ timeout: 150_000 })
  return result
}

test('the asyncio listing runs in the browser’s CPython: a py-asyncio run with one span per download, concurrently', async ({ page }) => {
  const demo = await openRunner(page, '/learn/io-asyncio', 'io-asyncio')
  await setKnob(demo, '网站数量', 12)
  await setKnob(demo, '延迟', 300)
  await expect(demo.getByTestId('python-source')).toContainText('] * 6')
  await expect(demo.getByTestId('python-source')).toContainText('site=jython&ms=300&jitter=0')
  const result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-strategy', 'py-asyncio')
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-jobs', '12')
  // 12 downloads of 300 ms at once (two waves of 6 on HTTP/1.1): far less than 12 × 300 ms.
  const total = Number(await result.getAttribute('data-total-ms'))
  expect(total).toBeGreaterThan(550)
  expect(total).toBeLessThan(2_500)
  expect(Number(await result.getAttribute('data-max-in-flight'))).toBeGreaterThan(6)
  await expect(demo.getByTestId('python-output')).toContainText('下载了 12 个页面')
})

/** The runs the history store kept (newest first), as the lab reads them. */
async function storedRuns(page: Page): Promise<Array<{ strategy: string; runtime: string; spans: Array<{ lane: number; value?: string }> }>> {
  return page.evaluate(() => JSON.parse(localStorage.getItem('concurrency-lab:runs') ?? '{"state":{"runs":[]}}').state.runs)
}

async function replaceListing(page: Page, demo: Locator, code: string) {
  const edit = demo.getByRole('button', { name: '编辑', exact: true })
  const editor = demo.getByRole('textbox', { name: '编辑 Python 程序' })
  // The runner is loaded lazily (the lab's panel too): wait for its 编辑 or its open editor
  // before deciding, or an isVisible() taken before it rendered skips the click.
  await expect(edit.or(editor)).toBeVisible({ timeout: 30_000 })
  if (await edit.isVisible()) await edit.click()
  await expect(editor).toBeVisible({ timeout: 20_000 })
  await editor.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(code)
}

test('the synchronous listing downloads one page after another with pyxhr', async ({ page }) => {
  const demo = await openRunner(page, '/learn/io-synchronous', 'io-synchronous')
  await setKnob(demo, '网站数量', 4)
  await setKnob(demo, '延迟', 150)
  const result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-strategy', 'py-sequential')
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-jobs', '4')
  await expect(result).toHaveAttribute('data-max-in-flight', '1')
  expect(Number(await result.getAttribute('data-total-ms'))).toBeGreaterThan(4 * 150)
  await expect(demo.getByTestId('python-output')).toContainText('下载了 4 个页面')
})

test('the threading listing shows the real RuntimeError and why', async ({ page }) => {
  const demo = await openRunner(page, '/learn/io-threading', 'io-threading')
  await setKnob(demo, '网站数量', 2)
  const result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-strategy', 'py-threads')
  await expect(result).toHaveAttribute('data-status', 'error')
  await expect(demo.getByTestId('python-traceback')).toContainText("RuntimeError: can't start new thread")
  await expect(demo.getByTestId('python-expected-failure')).toContainText('不能启动线程')
})

test('the multiprocessing listing runs as a pool of interpreters, one worker each, with their start-up shown', async ({ page }) => {
  const demo = await openRunner(page, '/learn/io-multiprocessing', 'io-multiprocessing')
  await setKnob(demo, '网站数量', 6)
  await setKnob(demo, '延迟', 200)
  const result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-strategy', 'py-processes')
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-jobs', '6')
  await expect(demo.getByTestId('pool-startup')).toContainText('Python 解释器')
  await expect(demo.getByTestId('python-output')).toContainText('SpawnPoolWorker-1')
  await expect(demo.getByTestId('python-output')).toContainText('SpawnPoolWorker-2')
  const [run] = await storedRuns(page)
  expect(new Set(run?.spans.map((span) => span.lane))).toEqual(new Set([0, 1]))
})

test('the CPU programs: one interpreter, then N interpreters, with exact sums', async ({ page }) => {
  const single = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await setKnob(single, '规模', 200_000)
  const first = await runAndRead(single)
  await expect(first).toHaveAttribute('data-strategy', 'py-cpu')
  await expect(first).toHaveAttribute('data-status', 'done')
  await expect(first).toHaveAttribute('data-jobs', '20')
  const sum = (n: bigint) => ((n - 1n) * n * (2n * n - 1n)) / 6n
  const [sequential] = await storedRuns(page)
  expect(sequential?.spans.map((span) => span.value)).toEqual(Array.from({ length: 20 }, (_, x) => String(sum(200_000n + BigInt(x)))))

  const pooled = await openRunner(page, '/learn/cpu-bound', 'cpu-processes')
  await setKnob(pooled, '规模', 200_000)
  const second = await runAndRead(pooled)
  await expect(second).toHaveAttribute('data-strategy', 'py-cpu-processes')
  await expect(second).toHaveAttribute('data-status', 'done')
  await expect(second).toHaveAttribute('data-jobs', '20')
  const [processes] = await storedRuns(page)
  expect(new Set(processes?.spans.map((span) => span.lane)).size).toBeGreaterThan(1)
  expect(processes?.spans.map((span) => span.value).sort()).toEqual(sequential?.spans.map((span) => span.value).sort())
})

test('an edited listing runs, survives a reload, and resets to the chapter’s; a syntax error shows the traceback', async ({ page }) => {
  const demo = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await replaceListing(page, demo, 'print("你好，" + "浏览器里的 Python")\n')
  await runAndRead(demo)
  await expect(demo.getByTestId('python-output')).toContainText('你好，浏览器里的 Python')
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'done')

  const again = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await expect(again.getByTestId('python-source')).toContainText('你好，')
  await again.getByRole('button', { name: '恢复本章的版本' }).click()
  await expect(again.getByTestId('python-source')).toContainText('def sum_of_squares(n):')

  await replaceListing(page, again, 'def broken(:\n    pass\n')
  const result = await runAndRead(again)
  await expect(result).toHaveAttribute('data-status', 'error')
  await expect(again.getByTestId('python-traceback')).toContainText('File "main.py", line 1')
  await expect(again.getByTestId('python-traceback')).toContainText('SyntaxError')
})

/** Marks, in the page, when 停止 is clicked and when the result appears: the runner's own round trips are not the page's. */
async function timeStop(demo: Locator) {
  await demo.evaluate((element) => {
    const timing: { clicked?: number; ended?: number } = {}
    ;(window as unknown as { stopTiming: typeof timing }).stopTiming = timing
    Array.from(element.querySelectorAll('button'))
      .find((button) => button.textContent?.trim() === '停止')
      ?.addEventListener('click', () => (timing.clicked = performance.now()), { capture: true })
    new MutationObserver((_, observer) => {
      if (element.querySelector('[data-testid="run-result"]')) {
        timing.ended = performance.now()
        observer.disconnect()
      }
    }).observe(element, { childList: true, subtree: true })
  })
  return async () => {
    const timing = await demo.page().evaluate(() => (window as unknown as { stopTiming: { clicked: number; ended: number } }).stopTiming)
    return timing.ended - timing.clicked
  }
}

test('Stop ends an infinite loop within 2 s, and the next run starts a fresh interpreter', async ({ page }) => {
  const demo = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await replaceListing(page, demo, 'while True:\n    pass\n')
  await demo.getByRole('button', { name: '用 Python 运行' }).click()
  await expect(demo).toHaveAttribute('data-phase', 'running', { timeout: 120_000 })
  await page.waitForTimeout(1_000)
  const stopTook = await timeStop(demo)
  await demo.getByRole('button', { name: '停止' }).click()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'cancelled', { timeout: 5_000 })
  expect(await stopTook()).toBeLessThan(2_000)

  await replaceListing(page, demo, 'print(sum(range(10)))\n')
  await runAndRead(demo)
  await expect(demo.getByTestId('python-output')).toContainText('45')
})

test('a million printed lines end with the output capped and the page responsive', async ({ page }) => {
  const demo = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await replaceListing(page, demo, 'for i in range(1_000_000):\n    print(i)\n')
  const result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(demo.getByTestId('python-output')).toContainText('行没有显示')
  expect(await page.evaluate(() => 1 + 1)).toBe(2)
})

test('time.sleep(60) in the cross-origin isolated lab: Stop ends it within 2 s with 已停止, and the next run works', async ({ page }) => {
  await page.goto('/lab?demo=cpu&strategy=py-cpu')
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  const python = page.getByRole('region', { name: '运行环境' }).locator('[data-demo="python"]')
  await replaceListing(page, python, 'import time\nprint("睡一分钟")\ntime.sleep(60)\nprint("醒了")\n')
  await python.getByRole('button', { name: '用 Python 运行' }).click()
  await expect(python).toHaveAttribute('data-phase', 'running', { timeout: 120_000 })
  await expect(python.getByTestId('python-output')).toContainText('睡一分钟', { timeout: 10_000 })
  const stopTook = await timeStop(python)
  await python.getByRole('button', { name: '停止' }).click()
  const result = python.getByTestId('run-result')
  await expect(result).toHaveAttribute('data-status', 'cancelled', { timeout: 5_000 })
  await expect(result).toContainText('已停止')
  expect(await stopTook()).toBeLessThan(2_000)
  await expect(python.getByTestId('python-output')).not.toContainText('醒了')

  await replaceListing(page, python, 'print(sum(range(10)))\n')
  await expect(await runAndRead(python)).toHaveAttribute('data-status', 'done')
  await expect(python.getByTestId('python-output')).toContainText('45')
})

test('huge allocations end in a traceback with a Chinese explanation, gigabytes are given back, and the next run works', async ({ page }) => {
  const demo = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  // Larger than a 32-bit index: Python refuses it at once.
  await replaceListing(page, demo, 'x = bytearray(10**10)\n')
  let result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-status', 'error')
  await expect(demo.getByTestId('python-traceback')).toContainText('OverflowError')
  await expect(demo.getByTestId('python-hint')).toContainText('32 位')

  // 4 GB of list slots: more than the interpreter's whole memory.
  await replaceListing(page, demo, 'x = [0] * 10**9\n')
  result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-status', 'error')
  await expect(demo.getByTestId('python-traceback')).toContainText('MemoryError')
  await expect(demo.getByTestId('python-hint')).toContainText('内存不够')
  expect(await page.evaluate(() => 1 + 1)).toBe(2)

  // 1.5 GB that fits: the run succeeds, and the interpreter that grew to hold it is ended.
  await replaceListing(page, demo, 'x = bytearray(1_500_000_000)\nprint(len(x))\n')
  result = await runAndRead(demo)
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(demo.getByTestId('python-output')).toContainText('1500000000')
  await expect(demo.getByTestId('python-retired')).toContainText('解释器已经结束')

  await replaceListing(page, demo, 'print(sum(range(10)))\n')
  await demo.getByRole('button', { name: /运行.*Python|Python.*运行/ }).click()
  await expect(demo.getByTestId('python-load')).toBeVisible()
  await expect(demo.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 150_000 })
  await expect(demo.getByTestId('python-output')).toContainText('45')
})

test('after one Python run, the chapter and its Python run work offline', async ({ page, context }) => {
  await page.goto('/learn/cpu-bound')
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const online = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  await setKnob(online, '规模', 100_000)
  await expect(await runAndRead(online)).toHaveAttribute('data-status', 'done')

  await context.setOffline(true)
  const offline = await openRunner(page, '/learn/cpu-bound', 'cpu-sequential')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const result = await runAndRead(offline)
  await expect(result).toHaveAttribute('data-status', 'done')
  await expect(result).toHaveAttribute('data-jobs', '20')
  await context.setOffline(false)
})

test('in the lab: a Python program chosen by URL, its run beside its JavaScript counterpart, in projector mode', async ({ page }) => {
  await page.goto('/lab?demo=io&sites=6&latency=100&strategy=py-asyncio')
  await expect(page.getByRole('radio', { name: '浏览器里的 Python' })).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByRole('radio', { name: 'Python asyncio' })).toHaveAttribute('aria-checked', 'true')
  const javascript = page.locator('.lab-demo [data-demo="io"]')
  await javascript.getByRole('button', { name: '运行 Promise.all' }).click()
  await expect(javascript.getByTestId('run-result')).toHaveAttribute('data-status', 'done', { timeout: 60_000 })

  const python = page.getByRole('region', { name: '运行环境' }).locator('[data-demo="python"]')
  await setKnob(python, '网站数量', 6)
  await setKnob(python, '延迟', 100)
  const result = await runAndRead(python)
  await expect(result).toHaveAttribute('data-strategy', 'py-asyncio')
  await expect(result).toHaveAttribute('data-status', 'done')
  expect(page.url()).toContain('strategy=py-asyncio')

  const history = page.getByTestId('run-history')
  await expect(history.locator('li')).toHaveCount(2)
  await expect(history.locator('li').first()).toContainText('浏览器里的 Python')
  for (const item of await history.locator('li').all()) await item.getByLabel('对比').check()
  await expect(page.getByTestId('run-compare').getByTestId('lab-figure')).toHaveCount(2)
  await expect(page.getByTestId('run-compare')).toContainText('Python asyncio')
  await expect(page.getByTestId('run-compare')).toContainText('Promise.all')

  await page.getByTestId('projector-toggle').click()
  await expect(page.locator('html')).toHaveClass(/projector/)
  await expect(python).toBeVisible()
})

test('in the cross-origin isolated lab, Stop interrupts Python itself: KeyboardInterrupt, within 2 s', async ({ page }) => {
  await page.goto('/lab?demo=cpu&strategy=py-cpu')
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  const python = page.getByRole('region', { name: '运行环境' }).locator('[data-demo="python"]')
  await replaceListing(page, python, 'n = 0\nwhile True:\n    n += 1\n')
  await python.getByRole('button', { name: '用 Python 运行' }).click()
  await expect(python).toHaveAttribute('data-phase', 'running', { timeout: 120_000 })
  await page.waitForTimeout(500)
  const stoppedAt = Date.now()
  await python.getByRole('button', { name: '停止' }).click()
  await expect(python.getByTestId('run-result')).toHaveAttribute('data-status', 'cancelled', { timeout: 5_000 })
  expect(Date.now() - stoppedAt).toBeLessThan(3_000)
  await expect(python.getByTestId('python-traceback')).toContainText('KeyboardInterrupt')
})
