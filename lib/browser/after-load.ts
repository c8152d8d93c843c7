// Work a reader does not wait for (prefetching the next chapter, the offline service worker,
// warming a worker pool) runs after the page has loaded and the browser is idle, so it never
// competes with the first paint and hydration for the network or the main thread.

/** Runs `task` once after the load event, in an idle period (at the latest `timeoutMs` later). Returns a cancel function. */
export function afterLoadWhenIdle(task: () => void, timeoutMs = 3000): () => void {
  let cancelled = false
  let cancelIdle: (() => void) | null = null
  const scheduleIdle = () => {
    if (cancelled) return
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(task, { timeout: timeoutMs })
      cancelIdle = () => cancelIdleCallback(handle)
    } else {
      const handle = setTimeout(task, 200)
      cancelIdle = () => clearTimeout(handle)
    }
  }
  if (document.readyState === 'complete') scheduleIdle()
  else window.addEventListener('load', scheduleIdle, { once: true })
  return () => {
    cancelled = true
    window.removeEventListener('load', scheduleIdle)
    cancelIdle?.()
  }
}
