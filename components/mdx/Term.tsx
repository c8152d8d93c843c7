'use client'

import Link from 'next/link'
import { useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react'
import type { GlossaryEntry } from '@/lib/glossary/definitions'
import { glossarySlug } from '@/lib/glossary/definitions'
import styles from './Term.module.css'

const subscribeNothing = () => () => {}

/** Room kept between the popover and the viewport's edges, in px. */
const edge = 8

/**
 * A term's first use in a chapter. With JavaScript, a button that unfolds the glossary's definition
 * in place, so the reader keeps their place; without it (and in the server's HTML) a link to the
 * entry. `entry` comes from the chapter page, which reads the glossary's own compile.
 */
export function Term({ id, entry, children }: { id: string; entry?: GlossaryEntry; children: ReactNode }) {
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  )
  const href = `/learn/${glossarySlug}${entry ? `#${entry.anchor}` : ''}`
  if (!hydrated || !entry) {
    return (
      <Link href={href} className={styles.term} data-term prefetch={false}>
        {children}
      </Link>
    )
  }
  return (
    <TermDisclosure term={id} entry={entry} href={href}>
      {children}
    </TermDisclosure>
  )
}

function TermDisclosure({ term, entry, href, children }: { term: string; entry: GlossaryEntry; href: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const [shift, setShift] = useState({ x: 0, above: false })
  const wrapper = useRef<HTMLSpanElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const popover = useRef<HTMLSpanElement>(null)
  const popoverId = useId()

  useEffect(() => {
    if (!open) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      button.current?.focus()
    }
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapper.current?.contains(event.target)) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open])

  // Keeps the box on screen: a term near the right edge of a phone would push it off.
  useLayoutEffect(() => {
    const box = popover.current
    if (!open || !box) return
    const rect = box.getBoundingClientRect()
    // The layout viewport: a phone's innerWidth grows once anything (this box, say) overflows it.
    const { clientWidth, clientHeight } = document.documentElement
    const overflowRight = rect.right - (clientWidth - edge)
    const x = overflowRight > 0 ? -Math.min(overflowRight, rect.left - edge) : 0
    const above = rect.bottom > clientHeight - edge && rect.top - rect.height - 40 > edge
    setShift({ x, above })
    return () => setShift({ x: 0, above: false })
  }, [open])

  return (
    <span ref={wrapper} className={styles.wrapper}>
      <button
        ref={button}
        type="button"
        className={`${styles.term} ${styles.button}`}
        data-term
        aria-expanded={open}
        aria-controls={popoverId}
        data-testid="term"
        onClick={() => setOpen((value) => !value)}
      >
        {children}
      </button>
      <span
        ref={popover}
        id={popoverId}
        className={shift.above ? `${styles.popover} ${styles.above}` : styles.popover}
        style={{ translate: `${shift.x}px 0` }}
        data-testid="term-popover"
        hidden={!open}
      >
        <span className={styles.title}>{term}</span>
        <span className="term-popover-text">{entry.definition}</span>
        <Link href={href} className={styles.link} prefetch={false}>
          查看术语表
        </Link>
      </span>
    </span>
  )
}
