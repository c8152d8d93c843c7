import { describe, expect, it } from 'vitest'
import { inFlightScales, integerTicks } from '@/components/charts/in-flight-scales'

const point = (t: number, issued: number, onWire: number) => ({ t, issued, onWire })

describe('in-flight chart scales', () => {
  it('160 issued against a cap of 6: a panel each, the wire panel ending just above the cap', () => {
    const scales = inFlightScales([point(0, 0, 0), point(10, 160, 6), point(2000, 40, 6), point(2700, 0, 0)], 6)
    expect(scales).toEqual({ split: true, issuedMax: 160, wireMax: 8 })
  })

  it('a pool of 5 under a cap of 6: one shared scale, still with room above the cap line', () => {
    const scales = inFlightScales([point(0, 5, 5), point(3200, 0, 0)], 6)
    expect(scales.split).toBe(false)
    expect(scales.wireMax).toBe(8)
  })

  it('HTTP/2 (no cap): splits only when the issued far outrun the wire', () => {
    expect(inFlightScales([point(0, 160, 160)], Infinity)).toEqual({ split: false, issuedMax: 160, wireMax: 162 })
    expect(inFlightScales([point(0, 160, 20)], Infinity).split).toBe(true)
  })

  it('no points: still a drawable scale', () => {
    expect(inFlightScales([], 6)).toEqual({ split: false, issuedMax: 1, wireMax: 8 })
  })

  it('integer ticks end at the axis top, at most five', () => {
    expect(integerTicks(8)).toEqual([0, 2, 4, 6, 8])
    expect(integerTicks(3)).toEqual([0, 1, 2, 3])
    const ticks = integerTicks(162)
    expect(ticks.length).toBeLessThanOrEqual(5)
    expect(ticks.at(-1)).toBe(162)
    expect(ticks.every(Number.isInteger)).toBe(true)
  })
})
