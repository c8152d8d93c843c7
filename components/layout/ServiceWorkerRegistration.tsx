'use client'

import { useEffect } from 'react'

/** Registers public/sw.js in production builds, so visited chapters open offline; mounted once the page has loaded. */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline copy then; the site works the same online.
    })
  }, [])
  return null
}
