// A listing's knobs are its own numbers: the number of sites is the `* 80` that repeats the two
// URLs, the latency is an `ms=` on their query, the CPU size is the program's 1_000_000. A knob
// rewrites the text the reader sees and runs, and reads its value back from it: nothing hidden.
import { siteProfiles } from '@/lib/latency/profiles'
import { cpuBaseLimits } from '@/lib/workloads/cpu'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

const repeatPattern = /\] \* (\d+)/
const sitePattern = /site=(jython|olympus)(?:&ms=(\d+)&jitter=0)?/g
const cpuPattern = /numbers = \[([\d_]+) \+ x for x in range\((\d+)\)\]/

export const sitesLimits = { min: 2, max: 160 } as const
export const latencyLimits = { min: 0, max: 2_000 } as const

/** How many downloads the listing makes (2 × its repeat), or null if it no longer says. */
export function readSites(source: string): number | null {
  const match = repeatPattern.exec(source)
  return match ? 2 * Number(match[1]) : null
}

export function writeSites(source: string, sites: number): string {
  return source.replace(repeatPattern, `] * ${Math.max(1, Math.round(sites / 2))}`)
}

/** The latency the listing asks for, ms; null when it uses the sites' own profiles. */
export function readLatency(source: string): number | null {
  const match = [...source.matchAll(sitePattern)][0]
  return match?.[2] !== undefined ? Number(match[2]) : null
}

export function writeLatency(source: string, latencyMs: number | null): string {
  return source.replace(sitePattern, (_, site: string) => (latencyMs === null ? `site=${site}` : `site=${site}&ms=${latencyMs}&jitter=0`))
}

/** The latency and jitter a run of this listing meets: the knob's, or the two profiles' mean. */
export function effectiveLatency(source: string): { latencyMs: number; jitterMs: number } {
  const latency = readLatency(source)
  if (latency !== null) return { latencyMs: latency, jitterMs: 0 }
  const { jython, olympus } = siteProfiles
  return { latencyMs: (jython.ms + olympus.ms) / 2, jitterMs: (jython.jitter + olympus.jitter) / 2 }
}

/** The CPU program's first n and how many numbers, or null if the listing no longer says. */
export function readCpuSize(source: string): { base: number; jobs: number } | null {
  const match = cpuPattern.exec(source)
  return match ? { base: Number(match[1]!.replaceAll('_', '')), jobs: Number(match[2]) } : null
}

export function writeCpuBase(source: string, base: number): string {
  return source.replace(cpuPattern, (_, __: string, jobs: string) => `numbers = [${pythonInt(base)} + x for x in range(${jobs})]`)
}

export const pythonCpuBaseLimits = { min: cpuBaseLimits.min, max: 20_000_000 } as const

/** 1000000 → "1_000_000", as the chapter writes its numbers. */
export function pythonInt(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '_')
}

/** Why a knob's value is refused, in Chinese; null when it is allowed. */
export function checkKnob(value: number, limits: { min: number; max: number }, what: string): string | null {
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) return integerRangeMessage(what, limits.min, limits.max)
  return null
}
