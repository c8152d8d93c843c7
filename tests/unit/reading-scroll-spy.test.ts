import { describe, expect, it } from 'vitest'
import { activeHeadingIndex, passedHeadingIndex, scrollPosition } from '@/lib/reading/scroll-spy'

const middle = { triggerLine: 300, atTop: false, atBottom: false }

describe('activeHeadingIndex', () => {
  it('is the last heading that reached the line', () => {
    expect(activeHeadingIndex([-900, -200, 250, 700], middle)).toBe(2)
    expect(activeHeadingIndex([-900, -200, 350, 700], middle)).toBe(1)
  })

  it('is the first heading while none has reached the line', () => {
    expect(activeHeadingIndex([400, 900], middle)).toBe(0)
  })

  it('is the first at the top of the page (Home), even with several headings above the line', () => {
    expect(activeHeadingIndex([120, 200, 280, 900], { ...middle, atTop: true })).toBe(0)
  })

  it('is the last at the bottom of the page (End), though its heading never reaches the line', () => {
    expect(activeHeadingIndex([-3000, -900, 500], { ...middle, atBottom: true })).toBe(2)
  })

  it('has nothing to mark without headings', () => {
    expect(activeHeadingIndex([], middle)).toBe(-1)
  })
})

describe('passedHeadingIndex', () => {
  it('is undefined above the first heading', () => {
    expect(passedHeadingIndex([400, 900], 300)).toBeUndefined()
    expect(passedHeadingIndex([-400, 900], 300)).toBe(0)
  })
})

describe('scrollPosition', () => {
  it('puts the line just below where a jump lands a heading, and knows top and bottom', () => {
    expect(scrollPosition({ scrollY: 0, innerHeight: 856, scrollHeight: 10_000 }, 72)).toEqual({ triggerLine: 112, atTop: true, atBottom: false })
    expect(scrollPosition({ scrollY: 9_143.5, innerHeight: 856, scrollHeight: 10_000 }, 72).atBottom).toBe(true)
    expect(scrollPosition({ scrollY: 5_000, innerHeight: 856, scrollHeight: 10_000 }, 72)).toMatchObject({ atTop: false, atBottom: false })
  })

  it('after a jump, the heading jumped to is reached and the next one, close below, is not', () => {
    const position = scrollPosition({ scrollY: 3_000, innerHeight: 900, scrollHeight: 10_000 }, 72)
    expect(activeHeadingIndex([-500, 72, 190, 600], position)).toBe(1)
  })
})
