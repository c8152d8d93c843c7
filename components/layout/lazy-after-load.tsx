'use client'

import { lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'

// One moment for the whole page: every after-load part appears in the same task and the same
// render. A page has a dozen (the navigation's marks alone are one per chapter); with an idle
// callback and a commit each, a main thread busy until then would run them all back to back as
// one long frame.
let pageLoaded = false
const waiting = new Set<() => void>()
if (typeof window !== 'undefined') {
  afterLoadWhenIdle(() => {
    pageLoaded = true
    for (const notify of waiting) notify()
  })
}

function subscribe(onChange: () => void): () => void {
  waiting.add(onChange)
  return () => waiting.delete(onChange)
}

/**
 * A component whose code is fetched once the page has loaded and the browser is idle, for the
 * parts no reader waits for at first paint; it renders nothing until then. If its script cannot
 * be fetched (offline, never cached), the part is simply absent: the page around it stays.
 */
export function lazyAfterLoad<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Loaded = lazy(() =>
    load()
      .catch(() => () => null)
      .then((component) => ({ default: component })),
  )
  return function AfterLoad(props: P) {
    const ready = useSyncExternalStore(
      subscribe,
      () => pageLoaded,
      () => false,
    )
    if (!ready) return null
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    )
  }
}
