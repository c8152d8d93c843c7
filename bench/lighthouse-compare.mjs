#!/usr/bin/env node
// Lighthouse on one path of several servers that are already running, taken in turn run by run
// (this host's speed drifts too much for servers audited one after the other to be compared).
// Used to tell which part of a page costs what: e.g. the real build beside a bare Next app that
// serves the same HTML and CSS without our client code.
//
//   node bench/lighthouse-compare.mjs <path> <runs> <origin>[|<blocked url pattern>] ...
//   node bench/lighthouse-compare.mjs / 5 http://127.0.0.1:3301 'http://127.0.0.1:3301|*_rsc=*'
//
// An origin may carry URL patterns after "|" that Lighthouse blocks (here: Next's RSC prefetches;
// several are separated by further "|").
// Each target is audited once, unmeasured, before the measured runs: the first audit in a new
// browser pays for warming it up, and would count against whichever target came first.
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromiumArgs, resolveChromium } from '../scripts/chromium-path.mjs'

const [path, runsArgument, ...targets] = process.argv.slice(2)
const runs = Number(runsArgument)
if (!path?.startsWith('/') || !Number.isInteger(runs) || runs < 1 || targets.length === 0) {
  console.error('usage: node bench/lighthouse-compare.mjs <path> <runs> <origin>[|<blocked pattern>] ...')
  process.exit(2)
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const results = new Map(targets.map((target) => [target, []]))
const chrome = await chromeLauncher.launch({ chromePath: resolveChromium(), chromeFlags: ['--headless=new', ...chromiumArgs] })
try {
  for (let run = -1; run < runs; run++) {
    for (const target of run % 2 === 0 ? targets : [...targets].reverse()) {
      const [origin, ...blocked] = target.split('|')
      const audit = () =>
        lighthouse(`${origin}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          maxWaitForLoad: 45_000,
          ...(blocked.length > 0 ? { blockedUrlPatterns: blocked } : {}),
        })
      let result = await audit()
      // Lighthouse sometimes loses the navigation in its own trace; that audit is taken again.
      for (let retry = 0; retry < 2 && result?.lhr.runtimeError?.code === 'NO_NAVSTART'; retry++) result = await audit()
      if (!result || result.lhr.runtimeError) throw new Error(`${origin}${path}: ${result?.lhr.runtimeError?.message ?? 'no result'}`)
      const { lhr } = result
      if (run < 0) continue
      results.get(target).push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        tbt: lhr.audits['total-blocking-time'].numericValue,
        lcp: lhr.audits['largest-contentful-paint'].numericValue,
        fcp: lhr.audits['first-contentful-paint'].numericValue,
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
      })
    }
  }
} finally {
  await chrome.kill()
}
console.log(`Lighthouse, ${path}, ${runs} runs each, taken in turn; medians`)
for (const [target, rows] of results) {
  console.log(
    `${target.padEnd(44)} perf ${String(median(rows.map((row) => row.score))).padEnd(4)}(${rows.map((row) => row.score).join('/')})  ` +
      `TBT ${Math.round(median(rows.map((row) => row.tbt)))} ms  FCP ${(median(rows.map((row) => row.fcp)) / 1000).toFixed(2)} s  ` +
      `LCP ${(median(rows.map((row) => row.lcp)) / 1000).toFixed(2)} s  CLS max ${Math.max(...rows.map((row) => row.cls)).toFixed(3)}`,
  )
}
// A round audits every target within a minute or two, so the difference inside a round is less
// exposed to the host's drift than the gap between two medians.
const [first, ...others] = [...results.values()]
for (const [index, rows] of others.entries()) {
  const differences = rows.map((row, run) => row.score - first[run].score)
  const tbtDifferences = rows.map((row, run) => row.tbt - first[run].tbt)
  console.log(
    `${targets[index + 1]} minus ${targets[0]}, round by round: perf median ${median(differences)} ` +
      `(${Math.min(...differences)} to ${Math.max(...differences)}; ahead in ${differences.filter((d) => d > 0).length}, ` +
      `level in ${differences.filter((d) => d === 0).length}, behind in ${differences.filter((d) => d < 0).length} of ${runs})  ` +
      `TBT median ${Math.round(median(tbtDifferences))} ms`,
  )
}
