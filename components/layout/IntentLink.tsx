'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import type { ComponentProps } from 'react'

type IntentLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch' | 'onPointerEnter' | 'onFocus' | 'onTouchStart'> & { href: string }

/**
 * A header link that fetches its page when the reader reaches for it (the pointer over it, focus,
 * a touch) rather than when it appears. The header is on every page: prefetching its links on
 * sight loaded the home page's and the glossary's payloads, scripts and styles during every
 * page's own load, and each late stylesheet restyled the whole page.
 */
export function IntentLink({ href, ...props }: IntentLinkProps) {
  const router = useRouter()
  const prefetch = () => router.prefetch(href)
  return <Link {...props} href={href} prefetch={false} onPointerEnter={prefetch} onFocus={prefetch} onTouchStart={prefetch} />
}
