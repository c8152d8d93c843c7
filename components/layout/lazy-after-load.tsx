'use client'

import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'

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
    const [ready, setReady] = useState(false)
    useEffect(() => afterLoadWhenIdle(() => setReady(true)), [])
    if (!ready) return null
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    )
  }
}
