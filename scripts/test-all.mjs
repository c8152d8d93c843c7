// `npm test`: every check and suite, in order, then one line "N passed, N failed" over all of them.
// Static checks count one each; vitest and Playwright count their tests.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

mkdirSync('.reports', { recursive: true })
let passed = 0
let failed = 0
const failures = []

function step(name, command, args, options = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, ...options })
  const ok = result.status === 0
  console.log(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return ok
}

function check(name, command, args) {
  if (step(name, command, args)) passed++
  else {
    failed++
    failures.push(name)
  }
}

/** Adds a runner's own counts from its JSON report; a missing report counts as one failure. */
function suite(name, ok, readCounts) {
  let counts
  try {
    counts = readCounts()
  } catch {
    counts = undefined
  }
  if (!counts) {
    failed++
    failures.push(`${name} (no report)`)
    return
  }
  passed += counts.passed
  failed += counts.failed
  if (counts.failed || !ok) failures.push(name)
  if (!ok && counts.failed === 0) {
    failed++
  }
}

const npx = 'npx'
const seedOverlap = '../shared/tools/seed-overlap.mjs'

check('type check', npx, ['tsc', '--noEmit'])
check('format (prettier --check)', npx, ['prettier', '--check', '.'])
check('lint, with the import boundary app → components → lib', npx, ['eslint', '.', '--max-warnings=0'])
check('copy lint (autocorrect)', 'node', ['scripts/lint-copy.mjs'])
if (existsSync(seedOverlap)) check('own words (seed overlap)', 'node', [seedOverlap, 'content', 'components'])
check('chapter listings (TypeScript type-checked, Python parsed)', 'node', ['scripts/check-listings.mjs'])

rmSync('.reports/vitest.json', { force: true })
const unitOk = step('unit tests (vitest)', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.reports/vitest.json'])
suite('unit tests', unitOk, () => {
  const report = JSON.parse(readFileSync('.reports/vitest.json', 'utf8'))
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numTotalTestSuites && !report.success && report.numFailedTests === 0 ? 1 : 0),
  }
})

const built = step('production build', 'npm', ['run', 'build'])
if (built) passed++
else {
  failed++
  failures.push('production build')
}

if (built) check('self-contained build starts with plain node and answers (scripts/probe-standalone.mjs)', 'node', ['scripts/probe-standalone.mjs'])

if (built) {
  rmSync('.reports/playwright.json', { force: true })
  const e2eOk = step('end-to-end tests (Playwright, system Chromium)', npx, ['playwright', 'test'])
  suite('end-to-end tests', e2eOk, () => {
    const report = JSON.parse(readFileSync('.reports/playwright.json', 'utf8'))
    // "flaky" passed on retry; "unexpected" failed.
    return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected }
  })
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
