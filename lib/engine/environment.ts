// Where a run ran: recorded with every run so a chart can say "HTTP/1.1, 8 cores, Chrome".
// Safe in Node (unit tests), where most of it is simply unknown.
import type { RunEnvironment } from './types'

export interface CollectEnvironmentOptions {
  /** The run's request URLs; their resource timing entries tell the protocol. */
  urls?: readonly string[]
}

export function collectEnvironment(options: CollectEnvironmentOptions = {}): RunEnvironment {
  const hasNavigator = typeof navigator !== 'undefined'
  return {
    protocol: detectProtocol(options.urls ?? []),
    cores: hasNavigator && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : null,
    crossOriginIsolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated === true,
    browser: hasNavigator && typeof navigator.userAgent === 'string' ? browserName(navigator.userAgent) : runtimeName(),
  }
}

function isTimingWithProtocol(entry: PerformanceEntry): entry is PerformanceResourceTiming {
  return 'nextHopProtocol' in entry && typeof entry.nextHopProtocol === 'string'
}

function detectProtocol(urls: readonly string[]): string | null {
  if (typeof performance === 'undefined' || typeof performance.getEntriesByType !== 'function') return null
  const wanted = new Set(urls.map(absoluteUrl))
  const counts = new Map<string, number>()
  for (const entry of performance.getEntriesByType('resource')) {
    if (!isTimingWithProtocol(entry) || !wanted.has(entry.name) || entry.nextHopProtocol === '') continue
    counts.set(entry.nextHopProtocol, (counts.get(entry.nextHopProtocol) ?? 0) + 1)
  }
  let mostUsed: string | null = null
  for (const [protocol, count] of counts) {
    if (mostUsed === null || count > (counts.get(mostUsed) ?? 0)) mostUsed = protocol
  }
  if (mostUsed !== null) return mostUsed
  // No entries: the URLs were fetched in workers (their own timeline) or the resource timing
  // buffer is full. The page came from the same server, so its navigation protocol is the answer.
  const [navigation] = performance.getEntriesByType('navigation')
  return navigation && isTimingWithProtocol(navigation) && navigation.nextHopProtocol !== '' ? navigation.nextHopProtocol : null
}

function absoluteUrl(url: string): string {
  try {
    return typeof location === 'undefined' ? new URL(url).href : new URL(url, location.href).href
  } catch {
    return url
  }
}

/** A short name for charts and exports: "Chrome 131", "Firefox 133", "Safari 18". */
export function browserName(userAgent: string): string {
  const rules: ReadonlyArray<readonly [RegExp, string]> = [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Chrome Headless'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
    [/Node\.js\/(\d+)/, 'Node.js'],
  ]
  for (const [pattern, name] of rules) {
    const match = pattern.exec(userAgent)
    if (match) return `${name} ${match[1]}`
  }
  return userAgent.split(' ')[0] || '未知浏览器'
}

function runtimeName(): string {
  const nodeVersion = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node
  return nodeVersion ? `Node.js ${nodeVersion.split('.')[0]}` : '未知环境'
}
