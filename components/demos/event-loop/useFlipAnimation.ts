'use client'

import { useLayoutEffect, useRef, type RefObject } from 'react'

interface Offset {
  x: number
  y: number
}

/**
 * Makes elements marked `data-flip-id` glide from where they were to where they are now, even when
 * React moved them into another list (FLIP: measure First and Last, Invert, Play). Positions are
 * taken relative to the container, so scrolling between steps does not count as a move.
 * Skipped when the reader prefers reduced motion.
 */
export function useFlipAnimation(container: RefObject<HTMLElement | null>, trigger: unknown, durationMs: number) {
  const previous = useRef(new Map<string, Offset>())

  useLayoutEffect(() => {
    const root = container.current
    if (!root) return
    const origin = root.getBoundingClientRect()
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    const current = new Map<string, Offset>()
    for (const element of root.querySelectorAll<HTMLElement>('[data-flip-id]')) {
      const id = element.dataset.flipId
      if (!id) continue
      // Measure where layout put it, not where an unfinished glide shows it.
      for (const animation of element.getAnimations()) animation.cancel()
      const rect = element.getBoundingClientRect()
      const offset = { x: rect.left - origin.left, y: rect.top - origin.top }
      current.set(id, offset)
      const before = previous.current.get(id)
      if (reduceMotion || !before) continue
      const dx = before.x - offset.x
      const dy = before.y - offset.y
      if (Math.abs(dx) < 1 && Math.abs(dy) < 1) continue
      element.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: 'none' }], {
        duration: durationMs,
        easing: 'cubic-bezier(0.2, 0.7, 0.3, 1)',
      })
    }
    previous.current = current
  }, [container, trigger, durationMs])
}
