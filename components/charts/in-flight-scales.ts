// The in-flight chart's scales, React-free so tests can check them: whether issued and on-wire
// requests share one scale or get a panel each, and where each panel's axis ends.
import type { IssuedAndWirePoint } from '@/lib/engine/analysis'

/**
 * When the program issues more than this many times what the wire carries, one shared scale
 * flattens the capped series into the axis (160 issued against 6 on the wire left the wire a
 * 2 px line): the two series then get a panel each, each with its own labelled scale.
 */
export const splitAbove = 2

export interface InFlightScales {
  split: boolean
  /** The top of the issued series' axis (its own panel when split). */
  issuedMax: number
  /** The top of the on-wire panel's axis: headroom above the cap, so its label sits above the line. */
  wireMax: number
}

function peak(points: readonly IssuedAndWirePoint[], key: 'issued' | 'onWire'): number {
  return points.reduce((most, point) => Math.max(most, point[key]), 0)
}

export function inFlightScales(points: readonly IssuedAndWirePoint[], cap: number): InFlightScales {
  const issuedMax = Math.max(1, peak(points, 'issued'))
  const wirePeak = Math.max(1, peak(points, 'onWire'), Number.isFinite(cap) ? cap : 0)
  const split = issuedMax > splitAbove * wirePeak
  return { split, issuedMax, wireMax: (split ? wirePeak : Math.max(issuedMax, wirePeak)) + 2 }
}

/** Integer ticks from 0 to max, at most five of them, max always among them. */
export function integerTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 4))
  const ticks: number[] = []
  for (let value = 0; value < max; value += step) ticks.push(value)
  ticks.push(max)
  return ticks
}
