'use client'

import { useEffect } from 'react'
import { readingProgress } from '@/lib/reading/progress'
import { withFinished, withPosition, withVisit } from '@/lib/reading/progress-updates'
import { passedHeadingIndex } from '@/lib/reading/scroll-spy'
import { measureHeadings } from './useActiveHeading'

/** How long the page must rest before its position is written: a scroll writes once, not per frame. */
const settleMs = 400

/**
 * Records, in this browser only, that this chapter is being read, the last heading scrolled past,
 * and that it was read to its end: when the element with `endId` (the 动手试试 section) or the
 * previous/next links (PrevNext) come into view.
 */
export function ReadingTracker({ slug, headingIds, endId }: { slug: string; headingIds: string[]; endId: string }) {
  useEffect(() => {
    readingProgress.set(withVisit(readingProgress.get(), slug, Date.now()))
    const ends = [document.getElementById(endId), document.querySelector('[data-prev-next]')].filter((element) => element !== null)
    const observer = new IntersectionObserver((changes) => {
      if (!changes.some((change) => change.isIntersecting)) return
      readingProgress.set(withFinished(readingProgress.get(), slug, Date.now()))
      observer.disconnect()
    })
    ends.forEach((element) => observer.observe(element))
    return () => observer.disconnect()
  }, [slug, endId])

  useEffect(() => {
    let timer = 0
    const record = () => {
      window.clearTimeout(timer)
      const { elements, tops, position } = measureHeadings(headingIds)
      const index = passedHeadingIndex(tops, position.triggerLine)
      const current = readingProgress.get()
      const next = withPosition(current, slug, index === undefined ? undefined : elements[index]?.id, Date.now())
      if (next !== current) readingProgress.set(next)
    }
    const onScroll = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(record, settleMs)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    // A reader who closes the tab mid-scroll still finds their place.
    window.addEventListener('pagehide', record)
    return () => {
      window.clearTimeout(timer)
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('pagehide', record)
    }
  }, [slug, headingIds])
  return null
}
