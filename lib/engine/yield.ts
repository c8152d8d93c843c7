// How a strategy gives the browser a turn between jobs.
/**
 * Gives the browser a turn (input, rendering) between jobs. scheduler.yield() where it exists;
 * else a MessageChannel task, which unlike setTimeout(0) is not clamped to 4 ms when nested.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    })
  }
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** How long yieldForFrame waits for a frame that may never come (a tab hidden mid-run). */
export const frameWaitLimitMs = 100

/**
 * Gives the browser a turn that includes drawing a frame: what a reader of the async + yield demo
 * expects to see between two numbers. A bare task is not enough in Chromium: scheduler.yield()
 * continuations and message tasks run before a pending frame, which it lets in only after about
 * 100 ms without one, so with 75 ms jobs the page drew once every third job (longest gap 217–225
 * ms in six runs at the default size, measured with an ad-hoc probe). Here the next job starts in a task
 * queued from requestAnimationFrame, i.e. after that frame has been drawn. Where no frame will
 * come (no rAF, a hidden tab) it falls back to yieldToEventLoop, or stops waiting after
 * frameWaitLimitMs.
 */
export function yieldForFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.visibilityState === 'hidden') {
    return yieldToEventLoop()
  }
  return new Promise((resolve) => {
    let waiting = true
    const finish = () => {
      if (!waiting) return
      waiting = false
      clearTimeout(limit)
      cancelAnimationFrame(frame)
      resolve()
    }
    const frame = requestAnimationFrame(() => setTimeout(finish, 0))
    const limit = setTimeout(finish, frameWaitLimitMs)
  })
}
