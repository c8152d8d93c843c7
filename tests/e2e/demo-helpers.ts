import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test'

/** Demos load when they come near the viewport; scroll to the slot and wait for the demo. */
export async function openDemo(page: Page, path: string, id: string, index = 0): Promise<Locator> {
  await page.goto(path)
  const slot = page.locator(`[data-demo-slot="${id}"]`).nth(index)
  await slot.scrollIntoViewIfNeeded()
  const demo = slot.locator(`[data-demo="${id}"]`)
  await expect(demo).toBeVisible()
  return demo
}

/** Opens the lab with a query and waits for its demo; the lab's own chunk loads after the shell, which on two busy cores has taken more than the default 5 s. */
export async function openLab(page: Page, query: string): Promise<Locator> {
  await page.goto(`/lab?${query}`)
  const demo = page.locator('.lab-demo [data-demo]')
  await expect(demo).toBeVisible({ timeout: 20_000 })
  return demo
}

export async function setKnob(demo: Locator, label: string, value: number) {
  const input = demo.getByLabel(label, { exact: false }).first()
  await input.fill(String(value))
  await input.blur()
  await expect(input).toHaveValue(String(value))
}

export interface RunResultData {
  strategy: string
  jobs: number
  totalMs: number
  status: string
  maxInFlight: number
}

export async function readRunResult(demo: Locator): Promise<RunResultData> {
  const result = demo.getByTestId('run-result')
  await expect(result).toBeVisible({ timeout: 90_000 })
  const data = await result.evaluate((element) => ({ ...(element as HTMLElement).dataset }))
  return {
    strategy: String(data.strategy),
    jobs: Number(data.jobs),
    totalMs: Number(data.totalMs),
    status: String(data.status),
    maxInFlight: Number(data.maxInFlight),
  }
}

/** Tracks requests to the latency route (from the page and its workers) that have not ended. */
export function trackLatencyRequests(context: BrowserContext) {
  const open = new Set<unknown>()
  let started = 0
  context.on('request', (request) => {
    if (request.url().includes('/api/latency')) {
      open.add(request)
      started++
    }
  })
  const end = (request: unknown) => open.delete(request)
  context.on('requestfinished', end)
  context.on('requestfailed', end)
  return { inFlight: () => open.size, started: () => started }
}

/** Tracks the page's dedicated workers that are still alive. */
export function trackWorkers(page: Page) {
  const alive = new Set<unknown>()
  let created = 0
  page.on('worker', (worker) => {
    alive.add(worker)
    created++
    worker.on('close', () => alive.delete(worker))
  })
  return { alive: () => alive.size, created: () => created }
}

/** Where an element's top edge is on the page, in CSS pixels (to check that it did not move). */
export function pageTop(element: Locator): Promise<number> {
  return element.evaluate((node) => node.getBoundingClientRect().top + window.scrollY)
}
