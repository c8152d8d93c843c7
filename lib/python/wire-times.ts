// When a request really went out and came back, from the worker's resource timing. The prelude
// makes every latency URL unique, so a URL names one request.

export interface WireTimes {
  wireStartEpochMs: number
  wireEndEpochMs: number
}

export function wireTimesFor(url: string): WireTimes | undefined {
  let absolute: string
  try {
    absolute = new URL(url, self.location.href).href
  } catch {
    return undefined
  }
  const entry = performance.getEntriesByName(absolute, 'resource').at(-1) as PerformanceResourceTiming | undefined
  if (!entry || entry.requestStart <= 0 || entry.responseEnd <= 0) return undefined
  return { wireStartEpochMs: performance.timeOrigin + entry.requestStart, wireEndEpochMs: performance.timeOrigin + entry.responseEnd }
}
