// The two "web sites" of the article's I/O example, as latency profiles.
// The article's program downloads jython.org and olympus.realpython.org/dice 80 times each
// (160 downloads) and its sequential run took 14.3 s: about 90 ms per download on average.
// The sizes are the byte counts the article prints ("Read 10966 from https://www.jython.org").

export interface LatencySettings {
  /** Base delay in ms before the answer. */
  ms: number
  /** The delay varies uniformly within ms ± jitter (never below 0). */
  jitter: number
  /** Response body size in bytes. */
  size: number
  /** Probability (0–1) that the answer is a 503. */
  fail: number
}

export const siteProfileNames = ['jython', 'olympus'] as const

export type SiteProfileName = (typeof siteProfileNames)[number]

export interface SiteProfile extends LatencySettings {
  /** The article's URL this profile stands in for. */
  standsFor: string
}

export const siteProfiles: Readonly<Record<SiteProfileName, Readonly<SiteProfile>>> = {
  // HTTPS with a larger page: a little slower than the average.
  jython: { standsFor: 'https://www.jython.org', ms: 105, jitter: 25, size: 10966, fail: 0 },
  // A tiny plain-HTTP page: a little faster. (105 + 75) / 2 = 90 ms; 160 × 90 ms ≈ 14.4 s.
  olympus: { standsFor: 'http://olympus.realpython.org/dice', ms: 75, jitter: 15, size: 276, fail: 0 },
}

/** Without a site, no jitter and no failures, so a bare `?ms=100` waits exactly 100 ms. */
export const defaultLatencySettings: Readonly<LatencySettings> = { ms: 100, jitter: 0, size: 1024, fail: 0 }

export const latencyLimits = {
  maxMs: 10_000,
  maxJitter: 5_000,
  maxSize: 1_048_576,
  maxSeedLength: 64,
} as const
