import { expect, test } from '@playwright/test'
import { firstLoadBudgets, measureFirstLoadJs } from '../../scripts/first-load-js.mjs'
import { measureRenderBlockingCss, renderBlockingCssBudgets, type RenderBlockingCssBudget } from '../../scripts/render-blocking-css.mjs'
import { readChapterFixtures } from './chapters'

// First-load JS per route, gzip: demos, charts and search load on demand, never up front.
const routes: [string, number][] = [
  ['/', firstLoadBudgets.home],
  ...readChapterFixtures().map((chapter): [string, number] => [`/learn/${chapter.slug}`, firstLoadBudgets.chapter]),
  ['/lab', firstLoadBudgets.lab],
]

test('every route stays within its first-load JavaScript budget', async ({ baseURL }) => {
  const over: string[] = []
  for (const [path, budget] of routes) {
    const { gzip } = await measureFirstLoadJs(baseURL!, path)
    if (gzip > budget) over.push(`${path}: ${(gzip / 1024).toFixed(1)} KB > ${(budget / 1024).toFixed(0)} KB`)
  }
  expect(over).toEqual([])
})

// Render-blocking CSS per route: each sheet is a request before the first paint, so a chapter
// must not wait for the demos' styles (they come with the demos).
const cssRoutes: [string, RenderBlockingCssBudget][] = [
  ['/', renderBlockingCssBudgets.home],
  ...readChapterFixtures().map((chapter): [string, RenderBlockingCssBudget] => [`/learn/${chapter.slug}`, renderBlockingCssBudgets.chapter]),
  ['/run-locally', renderBlockingCssBudgets.chapter],
  ['/lab', renderBlockingCssBudgets.lab],
]

test('every route stays within its render-blocking CSS budget', async ({ baseURL }) => {
  const over: string[] = []
  for (const [path, budget] of cssRoutes) {
    const { files, gzip } = await measureRenderBlockingCss(baseURL!, path)
    if (files > budget.files) over.push(`${path}: ${files} stylesheets > ${budget.files}`)
    if (gzip > budget.gzip) over.push(`${path}: ${(gzip / 1024).toFixed(1)} KB > ${(budget.gzip / 1024).toFixed(0)} KB`)
  }
  expect(over).toEqual([])
})
