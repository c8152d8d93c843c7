import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { watchConsole } from './console'

const sample = 'tests/e2e/fixtures/native-io-threads.json'

/** A python3 with requests, to run the threading program for real; without one the checked-in sample stands in. */
const python = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['-c', 'import requests']).status === 0)

/** Runs io_threads.py with 12 downloads against the test server; returns the file it wrote. */
function runThreadingProgram(baseURL: string): string {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'native-run-')), 'run-io-threads.json')
  const result = spawnSync(python!, ['public/programs/io_threads.py', '--base-url', baseURL, '--sites', '12', '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 60_000,
  })
  expect(result.stderr).toBe('')
  expect(result.status).toBe(0)
  expect(result.stdout).toMatch(/下载了 12 个页面，用时 \d+\.\d 秒/)
  return out
}

async function openLab(page: Page) {
  await page.goto('/lab?demo=io&sites=12&latency=90&jitter=20')
  await expect(page.locator('.lab-demo [data-demo]')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('import-runs')).toBeVisible()
}

async function importBuffer(page: Page, name: string, buffer: Buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer })
}

const historyRows = (page: Page) => page.getByTestId('run-history').locator('li')

test('a run of the threading program on this machine’s python3 is imported and charted', async ({ page, baseURL }) => {
  const problems = watchConsole(page)
  const file = python ? runThreadingProgram(baseURL!) : sample
  test.info().annotations.push({ type: 'source', description: python ? `io_threads.py run with ${python}` : `checked-in sample ${sample}` })
  await openLab(page)
  await page.getByTestId('import-file').setInputFiles(file)
  await expect(page.getByTestId('import-result')).toHaveText('已导入 1 条运行记录。')

  const row = historyRows(page).first()
  await expect(row).toContainText('Python 线程池')
  await expect(row.getByTestId('run-runtime')).toHaveText('本机 Python')
  const figure = page.getByTestId('lab-figure')
  await expect(figure).toHaveAttribute('data-runtime', 'native-python')
  await expect(figure).toContainText(/CPython 3\.\d+/)
  // Twelve downloads on at most five threads: one bar each, on five rows or fewer.
  const timeline = figure.getByTestId('timeline-chart')
  await expect(timeline.locator('[data-part="span"]')).toHaveCount(12)
  await expect(timeline).toHaveAttribute('aria-label', /：[1-5] 条通道，12 个任务已完成/)

  // Its total joins the browser's in the totals table, beside the browser run of the same knobs.
  await page.locator('.lab-demo').getByRole('button', { name: '运行 并发池' }).click()
  await expect(page.locator('.lab-demo [data-testid="run-result"]')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  const totals = page.locator('.lab-demo .visually-hidden table')
  await expect(totals.locator('th', { hasText: '本机 Python' })).toHaveCount(1)
  const poolRow = totals.locator('tr', { hasText: '并发池' })
  await expect(poolRow.locator('td').nth(2)).toHaveText(/\d+ 毫秒|\d+\.\d+ 秒/)

  // It compares side by side with the browser run, and exports again in the same format.
  await historyRows(page).nth(0).getByLabel('对比').check()
  await historyRows(page).nth(1).getByLabel('对比').check()
  await expect(page.getByTestId('run-compare').getByTestId('lab-figure')).toHaveCount(2)
  await historyRows(page).nth(1).locator('button').first().click()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 JSON' }).click()
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { format: string; version: number; runs: { runtime: string }[] }
  expect(exported).toMatchObject({ format: 'concurrency-lab/runs', version: 2, runs: [{ runtime: 'native-python' }] })
  expect(problems).toEqual([])
})

test('the run-locally page gives commands with this site’s address, and serves the programs', async ({ page, baseURL, request }) => {
  const problems = watchConsole(page)
  await page.goto('/run-locally#io-threads')
  await expect(page.getByTestId('command-io-threads')).toHaveText(`python3 io_threads.py --base-url ${baseURL}`)
  await expect(page.getByTestId('command-download')).toContainText(`${baseURL}/programs/lab_export.py`)
  for (const file of ['lab_export.py', 'io_threads.py']) {
    const response = await request.get(`/programs/${file}`)
    expect(response.status()).toBe(200)
    expect(await response.text()).toMatch(/^"""/)
  }
  await page.goto('/learn/io-threading')
  await page.getByRole('link', { name: '下载与说明' }).click()
  await expect(page).toHaveURL(/\/run-locally#io-threads$/)
  expect(problems).toEqual([])
})

test('a file dropped onto the lab is imported the same way', async ({ page }) => {
  await openLab(page)
  const text = readFileSync(sample, 'utf8')
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer()
    data.items.add(new File([content], 'run-io-threads.json', { type: 'application/json' }))
    return data
  }, text)
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await expect(page.getByTestId('import-result')).toHaveText('已导入 1 条运行记录。')
  await expect(historyRows(page).first().getByTestId('run-runtime')).toHaveText('本机 Python')
})

test('hostile files are refused with a Chinese reason, or kept as text, and the history stays as it was', async ({ page }) => {
  const problems = watchConsole(page)
  let dialogs = 0
  page.on('dialog', (dialog) => {
    dialogs++
    void dialog.dismiss()
  })
  await openLab(page)
  await importBuffer(page, 'first.json', readFileSync(sample))
  await expect(historyRows(page)).toHaveCount(1)

  const good = JSON.parse(readFileSync(sample, 'utf8')) as { runs: Record<string, unknown>[] }
  const refused: [string, Buffer, RegExp][] = [
    ['big.json', Buffer.alloc(2 * 1024 * 1024 + 1, 0x20), /文件太大（2\.0 MB）：最多 2\.0 MB/],
    ['future.json', Buffer.from(JSON.stringify({ ...good, version: 3 })), /这个文件来自更新版本的实验室（版本 3），本站只认得版本 2 及以下/],
    ['notes.json', Buffer.from('<html><script>alert(1)</script>'), /这不是 JSON 文件/],
    [
      'broken.json',
      Buffer.from(JSON.stringify({ ...good, runs: [{ ...good.runs[0], spans: 'many' }] })),
      /第 1 条运行记录.*字段 spans 缺失或类型不对：应为数组/,
    ],
  ]
  for (const [name, buffer, message] of refused) {
    await importBuffer(page, name, buffer)
    const error = page.getByTestId('import-error')
    await expect(error).toContainText(message)
    await expect(error).toContainText(`没有导入「${name}」`)
    await expect(historyRows(page)).toHaveCount(1)
  }

  // Markup in a span's detail stays text: no element is made from it, nothing runs.
  const [firstRun] = good.runs as { spans: Record<string, unknown>[] }[]
  const hostile = {
    ...good,
    runs: [{ ...firstRun, id: 'hostile', spans: firstRun!.spans.map((span) => ({ ...span, detail: '<img src=x onerror="alert(1)">' })) }],
  }
  await importBuffer(page, 'hostile.json', Buffer.from(JSON.stringify(hostile)))
  await expect(page.getByTestId('import-result')).toHaveText('已导入 1 条运行记录。')
  await expect(historyRows(page)).toHaveCount(2)
  const bar = page.getByTestId('lab-figure').locator('[data-part="span"] title').first()
  await expect(bar).toContainText('<img src=x onerror="alert(1)">')
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  expect(dialogs).toBe(0)
  expect(problems).toEqual([])
})
