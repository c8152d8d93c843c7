'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

type IntentLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch' | 'onPointerEnter' | 'onFocus' | 'onTouchStart'> & { href: string }

/**
 * A link that fetches its page when the reader reaches for it (the pointer over it, focus, a
 * touch) rather than when it appears: for the header's links, on every page, and the home page's
 * 开始阅读. Prefetched on sight, they loaded other pages' payloads, scripts and styles (a chapter
 * brings 25 KB of demo styles) during the page's own load, and each late stylesheet restyled the
 * whole page.
 */
export function IntentLink({ href, ...props }: IntentLinkProps) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return <Link {...props} href={href} prefetch={false} onPointerEnter={prefetch} onFocus={prefetch} onTouchStart={prefetch} />
}
