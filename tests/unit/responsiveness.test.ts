import { describe, expect, it } from 'vitest'
import { createFrameMeter } from '@/lib/responsiveness/frame-meter'
import { observeLongTasks } from '@/lib/responsiveness/long-tasks'

/** A hand-cranked animation-frame scheduler and clock. */
function fakeFrames() {
  let clock = 0
  let nextHandle = 1
  const pending = new Map<number, (time: number) => void>()
  return {
    requestFrame: (callback: (time: number) => void) => {
      const handle = nextHandle++
      pending.set(handle, callback)
      return handle
    },
    cancelFrame: (handle: number) => void pending.delete(handle),
    now: () => clock,
    /** Advances the clock by ms, then delivers one frame to whoever asked. */
    frameAfter(ms: number) {
      clock += ms
      const callbacks = [...pending.values()]
      pending.clear()
      for (const callback of callbacks) callback(clock)
    },
    get pending() {
      return pending.size
    },
  }
}

describe('createFrameMeter', () => {
  it('records every gap, the longest, and the long frames', () => {
    const frames = fakeFrames()
    const meter = createFrameMeter(frames)
    meter.start()
    for (const ms of [16, 17, 120, 16, 60]) frames.frameAfter(ms)
    const report = meter.stop()
    expect(report.gaps).toEqual([
      { t: 16, gap: 16 },
      { t: 33, gap: 17 },
      { t: 153, gap: 120 },
      { t: 169, gap: 16 },
      { t: 229, gap: 60 },
    ])
    expect(report).toMatchObject({ longestGapMs: 120, longFrames: 2, frames: 5, durationMs: 229 })
  })

  it('snapshot is live and a copy; stop cancels the pending frame', () => {
    const frames = fakeFrames()
    const meter = createFrameMeter({ ...frames, longFrameMs: 100 })
    meter.start()
    expect(meter.running).toBe(true)
    frames.frameAfter(16)
    const early = meter.snapshot()
    frames.frameAfter(200)
    expect(early.gaps).toHaveLength(1)
    expect(meter.snapshot()).toMatchObject({ longestGapMs: 200, longFrames: 1, frames: 2 })
    meter.stop()
    expect(meter.running).toBe(false)
    expect(frames.pending).toBe(0)
    frames.frameAfter(16)
    expect(meter.snapshot().frames).toBe(2)
  })

  it('restarts from scratch and ignores a second start', () => {
    const frames = fakeFrames()
    const meter = createFrameMeter(frames)
    meter.start()
    frames.frameAfter(300)
    meter.stop()
    meter.start()
    meter.start()
    expect(frames.pending).toBe(1)
    frames.frameAfter(10)
    expect(meter.stop()).toMatchObject({ longestGapMs: 10, longFrames: 0, frames: 1, gaps: [{ t: 10, gap: 10 }] })
  })

  it('stop before start gives an empty report', () => {
    const meter = createFrameMeter(fakeFrames())
    expect(meter.stop()).toEqual({ longestGapMs: 0, longFrames: 0, frames: 0, durationMs: 0, gaps: [] })
  })

  it('keeps at most maxSamples gaps, dropping the oldest', () => {
    const frames = fakeFrames()
    const meter = createFrameMeter({ ...frames, maxSamples: 3 })
    meter.start()
    for (let i = 0; i < 5; i++) frames.frameAfter(10)
    const report = meter.stop()
    expect(report.gaps.map((g) => g.t)).toEqual([30, 40, 50])
    expect(report.frames).toBe(5)
  })
})

describe('observeLongTasks', () => {
  it('is null where long tasks cannot be observed (Node)', () => {
    expect(observeLongTasks()).toBeNull()
  })
})
