'use client'

import { useEffect } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'

/**
 * How long after this part mounts (itself after the load and an idle period) the worker is
 * registered. Its install fetches every static file of the site; the lab and the demos are still
 * fetching and mounting their own code in the first second after the load event, and an install
 * running beside them made their first layout take half as long again on a two-core machine.
 */
const settleMs = 2000

/** Registers public/sw.js in production builds, so visited chapters open offline; once the page has settled. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    let cancelIdle: (() => void) | null = null
    const timer = window.setTimeout(() => {
      cancelIdle = afterLoadWhenIdle(() => {
        navigator.serviceWorker.register('/sw.js').catch(() => {
          // No offline copy then; the site works the same online.
        })
      })
    }, settleMs)
    return () => {
      window.clearTimeout(timer)
      cancelIdle?.()
    }
  }, [])
  return null
}
