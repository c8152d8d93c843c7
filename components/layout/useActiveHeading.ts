'use client'

import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { activeHeadingIndex, scrollPosition, type ScrollPosition } from '@/lib/reading/scroll-spy'

/** Where a jump to a heading puts it: the stylesheet's scroll-padding-top (below the sticky header). */
function landingLine(): number {
  return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0
}

/** Heading elements by id, in document order, and where the window stands now. */
export function measureHeadings(ids: readonly string[]): { elements: HTMLElement[]; tops: number[]; position: ScrollPosition } {
  const elements = ids.map((id) => document.getElementById(id)).filter((element): element is HTMLElement => element !== null)
  const root = document.documentElement
  const position = scrollPosition({ scrollY: window.scrollY, innerHeight: window.innerHeight, scrollHeight: root.scrollHeight }, landingLine())
  return { elements, tops: elements.map((element) => element.getBoundingClientRect().top), position }
}

/** Calls `onScroll` at most once a frame while the page scrolls or resizes, and once at the start. */
export function useScrollFrames(onScroll: () => void) {
  const latest = useRef(onScroll)
  useLayoutEffect(() => {
    latest.current = onScroll
  })
  useEffect(() => {
    let frame = 0
    const schedule = () => {
      if (frame) return
      frame = requestAnimationFrame(() => {
        frame = 0
        latest.current()
      })
    }
    schedule()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [])
}

/** The id of the heading being read (see activeHeadingIndex), null before the first measure. */
export function useActiveHeading(ids: readonly string[]): string | null {
  const [activeId, setActiveId] = useState<string | null>(null)
  useScrollFrames(() => {
    const { elements, tops, position } = measureHeadings(ids)
    setActiveId(elements[activeHeadingIndex(tops, position)]?.id ?? null)
  })
  return activeId
}
