'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'
import { fullLoadForIsolation } from '@/lib/security/headers'

/**
 * Fetches the previous and next chapters; it is mounted once the chapter has loaded (not during its own load). Links elsewhere do not
 * prefetch (it cost the first load), but these two are where a reader goes next, and once a demo
 * fills the browser's six connections to this host a late fetch would queue behind its requests.
 */
export function PrefetchNeighbours({ hrefs }: { hrefs: string[] }) {
  const router = useRouter()
  const key = hrefs.join(' ')
  useEffect(() => {
    const here = new URL(window.location.href)
    for (const href of key.split(' ')) {
      // A neighbour that a click loads as a new document (for cross-origin isolation) never uses a prefetch.
      if (href && fullLoadForIsolation(href, here, window.crossOriginIsolated) === null) router.prefetch(href)
    }
  }, [key, router])
  return null
}
