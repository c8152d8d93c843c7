// How janky the page got while the CPU demo ran: the gap between successive animation frames.
// At 60 Hz a healthy gap is about 16.7 ms; a sum computed on the main thread shows up as one gap
// as long as the computation. Clock and frame scheduling are injected so tests can fake them.

export interface FrameGap {
  /** ms since start() at which the frame arrived. */
  t: number
  /** ms since the previous frame (the first gap is measured from start()). */
  gap: number
}

export interface FrameMeterReport {
  longestGapMs: number
  /** Gaps longer than longFrameMs. */
  longFrames: number
  frames: number
  /** ms from start() to the last frame seen. */
  durationMs: number
  /** Time series for a chart; the oldest samples are dropped beyond maxSamples. */
  gaps: FrameGap[]
}

export interface FrameMeterOptions {
  requestFrame: (callback: (time: number) => void) => number
  cancelFrame: (handle: number) => void
  now: () => number
  /** A gap above this counts as a long frame; 50 ms is where the browser's long tasks start too. */
  longFrameMs?: number
  maxSamples?: number
}

export interface FrameMeter {
  /** Starts measuring (again, from scratch); does nothing if already running. */
  start(): void
  /** Stops and returns the final report; safe to call when not running. */
  stop(): FrameMeterReport
  /** The report so far, while running, for a live chart. */
  snapshot(): FrameMeterReport
  readonly running: boolean
}

export function createFrameMeter({ requestFrame, cancelFrame, now, longFrameMs = 50, maxSamples = 10_000 }: FrameMeterOptions): FrameMeter {
  let handle: number | null = null
  let startedAt = 0
  let lastFrameAt = 0
  let longestGapMs = 0
  let longFrames = 0
  let frames = 0
  let gaps: FrameGap[] = []

  const onFrame = (): void => {
    const time = now()
    const gap = time - lastFrameAt
    lastFrameAt = time
    frames++
    if (gap > longestGapMs) longestGapMs = gap
    if (gap > longFrameMs) longFrames++
    gaps.push({ t: time - startedAt, gap })
    if (gaps.length > maxSamples) gaps.shift()
    handle = requestFrame(onFrame)
  }

  const snapshot = (): FrameMeterReport => ({
    longestGapMs,
    longFrames,
    frames,
    durationMs: lastFrameAt - startedAt,
    gaps: gaps.slice(),
  })

  return {
    start() {
      if (handle !== null) return
      startedAt = now()
      lastFrameAt = startedAt
      longestGapMs = 0
      longFrames = 0
      frames = 0
      gaps = []
      handle = requestFrame(onFrame)
    },
    stop() {
      if (handle !== null) cancelFrame(handle)
      handle = null
      return snapshot()
    },
    snapshot,
    get running() {
      return handle !== null
    },
  }
}

/** The meter on the real page clock and requestAnimationFrame; null outside a browser. */
export function createBrowserFrameMeter(longFrameMs?: number): FrameMeter | null {
  if (typeof requestAnimationFrame !== 'function' || typeof performance === 'undefined') return null
  return createFrameMeter({
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    now: () => performance.now(),
    longFrameMs,
  })
}
