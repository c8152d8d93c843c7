// Counts the browser's own "long tasks" (main-thread work over 50 ms) while a demo runs, where
// PerformanceObserver supports the 'longtask' entry type (Chromium does; Firefox and Safari do not).

export interface LongTaskReport {
  count: number
  totalMs: number
  longestMs: number
}

export interface LongTaskCounter {
  snapshot(): LongTaskReport
  /** Disconnects the observer and returns the final counts. */
  stop(): LongTaskReport
}

/** Starts counting; null where long tasks cannot be observed (Node, Firefox, Safari). */
export function observeLongTasks(): LongTaskCounter | null {
  if (typeof PerformanceObserver === 'undefined') return null
  if (!(PerformanceObserver.supportedEntryTypes ?? []).includes('longtask')) return null

  const report: LongTaskReport = { count: 0, totalMs: 0, longestMs: 0 }
  const add = (entries: PerformanceEntryList): void => {
    for (const entry of entries) {
      report.count++
      report.totalMs += entry.duration
      report.longestMs = Math.max(report.longestMs, entry.duration)
    }
  }
  const observer = new PerformanceObserver((list) => add(list.getEntries()))
  observer.observe({ type: 'longtask' })
  return {
    snapshot: () => ({ ...report }),
    stop: () => {
      // Entries queued but not yet delivered to the callback.
      add(observer.takeRecords())
      observer.disconnect()
      return { ...report }
    },
  }
}
