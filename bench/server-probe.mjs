// Diagnostics for a server under load, without touching its code: event-loop delay
// (perf_hooks.monitorEventLoopDelay), event-loop utilisation, GC pauses and heap size.
//
// Two uses:
// - preloaded into a child process (`node --import <this file's URL> dist/server.mjs`) with
//   LOAD_PROBE_IPC=1 and an IPC channel: answers { probe: 'reset' } and { probe: 'report' } messages;
// - imported by a worker thread (the bare server in load-helpers.mjs), which relays the messages.
import { constants, monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks'
import { isMainThread } from 'node:worker_threads'

export function createProbe() {
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  let gc
  const resetGc = () => {
    gc = { count: 0, major: 0, totalMs: 0, maxMs: 0 }
  }
  resetGc()
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++
      gc.totalMs += entry.duration
      gc.maxMs = Math.max(gc.maxMs, entry.duration)
      if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++
    }
  })
  observer.observe({ entryTypes: ['gc'] })
  let utilisationMark = performance.eventLoopUtilization()
  return {
    reset() {
      delay.reset()
      resetGc()
      utilisationMark = performance.eventLoopUtilization()
    },
    report() {
      return {
        delayP50Ms: delay.percentile(50) / 1e6,
        delayP99Ms: delay.percentile(99) / 1e6,
        delayMaxMs: delay.max / 1e6,
        utilisation: performance.eventLoopUtilization(utilisationMark).utilization,
        gc: { ...gc },
        heapUsedMb: process.memoryUsage().heapUsed / 1048576,
      }
    },
  }
}

if (isMainThread && process.env.LOAD_PROBE_IPC === '1' && typeof process.send === 'function') {
  const probe = createProbe()
  process.on('message', (message) => {
    if (message?.probe === 'reset') probe.reset()
    if (message?.probe === 'report') process.send({ probe: 'report', ...probe.report() })
  })
  // The channel must not keep the server alive on its own.
  process.channel?.unref()
}
