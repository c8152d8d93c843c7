#!/usr/bin/env node
// Load on /api/latency over loopback, three servers side by side:
//   fast — our custom server (dist/server.mjs), which answers /api/latency without Next
//   next — a plain `next start`, where the ordinary route handler answers
//   bare — a bare Node http server doing the same timed wait (the floor)
// Measures client-side overshoot (observed latency − requested ms) at 50, 200 and 400 concurrent
// waits of 100 ms, and throughput at ms=0, alternating servers round by round so that background
// load hits all three alike. Needs `npm run build` first. Bounded to under 2 minutes.
//
// The bare server runs in a worker thread of this process: its own event loop, like the other
// two servers have their own process, so it does not share a thread with the load generator.
import { existsSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { format, freePort, host, log, percentile, projectRoot, requestOnce, runBench, startBareServer, startChild, waitUntilServing } from './load-helpers.mjs'

const waitMs = 100
const concurrencies = [50, 200, 400]
const latencyRounds = 5
const throughputConcurrency = 64
const throughputRounds = 6
const throughputRoundMs = 700
const overallLimitMs = 115_000

// ---- client -----------------------------------------------------------------------------------

async function burst(target, concurrency, ms) {
  const results = await Promise.all(Array.from({ length: concurrency }, () => requestOnce(target.agent, target.port, ms)))
  return results
}

async function throughputRound(target, durationMs) {
  const deadline = performance.now() + durationMs
  let completed = 0
  let failed = 0
  const loop = async () => {
    while (performance.now() < deadline) {
      const result = await requestOnce(target.agent, target.port, 0)
      if (result.ok) completed++
      else failed++
    }
  }
  const startedAt = performance.now()
  await Promise.all(Array.from({ length: throughputConcurrency }, loop))
  return { completed, failed, seconds: (performance.now() - startedAt) / 1000 }
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  const fastEntry = path.join(projectRoot, 'dist/server.mjs')
  const nextBuildId = path.join(projectRoot, '.next/BUILD_ID')
  const missing = []
  if (!existsSync(fastEntry)) missing.push('dist/server.mjs (run `npm run build`, which ends with node scripts/build-server.mjs)')
  if (!existsSync(nextBuildId)) missing.push('.next (run `npm run build`)')
  if (missing.length > 0) {
    log(`Missing: ${missing.join('; ')}.`)
    log('Only the bare Node server will be measured.')
  }

  const targets = []
  const bare = { name: 'bare', port: await freePort(), agent: new http.Agent({ keepAlive: true, maxSockets: Infinity }) }
  await startBareServer(bare.port)
  targets.push(bare)

  if (existsSync(fastEntry) && existsSync(nextBuildId)) {
    const port = await freePort()
    const handle = startChild('fast', [fastEntry], { PORT: String(port), HOSTNAME: host })
    targets.push({ name: 'fast', port, handle, agent: new http.Agent({ keepAlive: true, maxSockets: Infinity }) })
  }
  if (existsSync(nextBuildId)) {
    const port = await freePort()
    const nextBin = path.join(projectRoot, 'node_modules/next/dist/bin/next')
    const handle = startChild('next', [nextBin, 'start', '-p', String(port), '-H', host], {})
    targets.push({ name: 'next', port, handle, agent: new http.Agent({ keepAlive: true, maxSockets: Infinity }) })
  }

  for (const target of targets) {
    try {
      await waitUntilServing(target, 45_000)
    } catch (error) {
      log(String(error.message))
      if (target.handle) log(`--- ${target.name} output ---\n${target.handle.output()}`)
      throw error
    }
  }
  log(`Servers on ${host}: ${targets.map((target) => `${target.name}:${target.port}`).join(', ')}`)

  // Overshoot at each concurrency: a warm-up burst (opens the sockets), then rounds that alternate
  // which server goes first.
  const overshoot = new Map()
  for (const concurrency of concurrencies) {
    for (const target of targets) await burst(target, concurrency, waitMs)
    for (let round = 0; round < latencyRounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse()
      for (const target of order) {
        const results = await burst(target, concurrency, waitMs)
        const key = `${target.name}@${concurrency}`
        const entry = overshoot.get(key) ?? { samples: [], failed: 0 }
        for (const result of results) {
          if (result.ok) entry.samples.push(result.elapsed - waitMs)
          else entry.failed++
        }
        overshoot.set(key, entry)
      }
    }
  }

  const throughput = new Map()
  for (let round = 0; round < throughputRounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse()
    for (const target of order) {
      const result = await throughputRound(target, throughputRoundMs)
      const entry = throughput.get(target.name) ?? { completed: 0, failed: 0, seconds: 0 }
      entry.completed += result.completed
      entry.failed += result.failed
      entry.seconds += result.seconds
      throughput.set(target.name, entry)
    }
  }

  // ---- report ----
  const stats = (name, concurrency) => {
    const entry = overshoot.get(`${name}@${concurrency}`)
    if (!entry) return { p50: NaN, p99: NaN, failed: 0 }
    const sorted = [...entry.samples].sort((a, b) => a - b)
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), failed: entry.failed }
  }
  const rate = (name) => {
    const entry = throughput.get(name)
    return entry ? entry.completed / entry.seconds : NaN
  }

  log('')
  log(`Overshoot = observed − ${waitMs} ms requested, client side, ${latencyRounds} rounds per cell (ms)`)
  const header = ['server', ...concurrencies.flatMap((c) => [`p50@${c}`, `p99@${c}`]), 'req/s @ms=0', 'errors']
  log(header.map((cell) => cell.padStart(12)).join(''))
  for (const target of targets) {
    const cells = [target.name]
    let errors = throughput.get(target.name)?.failed ?? 0
    for (const concurrency of concurrencies) {
      const { p50, p99, failed } = stats(target.name, concurrency)
      cells.push(format(p50), format(p99))
      errors += failed
    }
    cells.push(format(rate(target.name), 0), String(errors))
    log(cells.map((cell) => String(cell).padStart(12)).join(''))
  }

  log('')
  log('Ratios against bare Node:')
  for (const target of targets.filter((candidate) => candidate.name !== 'bare')) {
    const p99Ratios = concurrencies.map((c) => `${format(stats(target.name, c).p99 / stats('bare', c).p99, 2)}× @${c}`).join(', ')
    log(`  ${target.name}: throughput ${format(rate(target.name) / rate('bare'), 2)}×, p99 overshoot ${p99Ratios}`)
  }

  log('')
  if (targets.some((target) => target.name === 'fast')) {
    const throughputRatio = rate('fast') / rate('bare')
    const fastP99 = stats('fast', 400).p99
    const p99Limit = 1.5 * stats('bare', 400).p99 + 10
    const throughputOk = throughputRatio >= 0.7
    const p99Ok = fastP99 <= p99Limit
    log(`Fast path throughput ≥ 0.7× bare: ${throughputOk ? 'MET' : 'NOT MET'} (${format(throughputRatio, 2)}×)`)
    log(`Fast path p99 overshoot at 400 ≤ 1.5× bare + 10 ms: ${p99Ok ? 'MET' : 'NOT MET'} (${format(fastP99)} ms vs limit ${format(p99Limit)} ms)`)
    process.exitCode = throughputOk && p99Ok ? 0 : 1
  } else {
    log('Fast path not measured (see the missing files above).')
    process.exitCode = 1
  }
}

runBench(main, { limitMs: overallLimitMs })
