/** Where a reader's eye is taken to be, and whether the page can scroll any further. */
export interface ScrollPosition {
  /** Px from the viewport's top: a heading at or above this line has been reached. */
  triggerLine: number
  /** The page is scrolled to its end (or cannot scroll): nothing below can still rise to the line. */
  atBottom: boolean
  /** The page is scrolled to its very top. */
  atTop: boolean
}

/**
 * Which heading is being read, as an index into `tops` (each heading's viewport top, in document
 * order), or -1 when there are none. At the top of the page it is the first; at the bottom the
 * last, though a short last section never lifts its heading to the line; in between the last
 * heading that has reached the line, or the first while none has.
 */
export function activeHeadingIndex(tops: readonly number[], { triggerLine, atBottom, atTop }: ScrollPosition): number {
  if (tops.length === 0) return -1
  if (atTop) return 0
  if (atBottom) return tops.length - 1
  let active = 0
  tops.forEach((top, index) => {
    if (top <= triggerLine) active = index
  })
  return active
}

/** The last heading scrolled past, for "continue where you left off"; undefined above the first. */
export function passedHeadingIndex(tops: readonly number[], triggerLine: number): number | undefined {
  let passed: number | undefined
  tops.forEach((top, index) => {
    if (top <= triggerLine) passed = index
  })
  return passed
}

/** How far below the line a jump puts a heading (its scroll-padding-top) a heading still counts as reached, in px. */
const headingAllowance = 40

/**
 * The position of a window that has scrolled `scrollY` of `scrollHeight`, `innerHeight` tall, where
 * a jump to a heading puts it `landingLine` px from the top (the page's scroll-padding-top).
 */
export function scrollPosition(
  { scrollY, innerHeight, scrollHeight }: { scrollY: number; innerHeight: number; scrollHeight: number },
  landingLine: number,
): ScrollPosition {
  return {
    // Just below where a jump lands: after a TOC click the heading jumped to is the one marked,
    // though the next heading may be on screen too.
    triggerLine: landingLine + headingAllowance,
    // A pixel's slack: zoomed pages scroll to fractional offsets.
    atBottom: scrollY + innerHeight >= scrollHeight - 2,
    atTop: scrollY <= 0,
  }
}
