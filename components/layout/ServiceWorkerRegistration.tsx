'use client'

import { useEffect } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'

/** Registers public/sw.js in production builds, so visited chapters open offline. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    return afterLoadWhenIdle(() => {
      navigator.serviceWorker.register('/sw.js').catch(() => {
        // No offline copy then; the site works the same online.
      })
    })
  }, [])
  return null
}
