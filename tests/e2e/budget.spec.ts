import { expect, test } from '@playwright/test'
import { firstLoadBudgets, measureFirstLoadJs } from '../../scripts/first-load-js.mjs'
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
