'use client'

import { useCallback, useEffect, useState } from 'react'

export const playbackSpeeds = [0.5, 1, 2] as const
export type PlaybackSpeed = (typeof playbackSpeeds)[number]

/** One step a second at 1×: long enough to read the explanation line and follow a chip. */
const stepIntervalMs = 1_000

/** Steps through `count` states by hand or on a timer; playing stops by itself at the last one. */
export function useStepPlayer(count: number) {
  const last = Math.max(count - 1, 0)
  const [index, setIndex] = useState(0)
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<PlaybackSpeed>(1)

  // A timeout per step (not an interval): any step, by hand or by timer, restarts the wait.
  useEffect(() => {
    if (!playing) return
    const timer = setTimeout(() => {
      const next = Math.min(index + 1, last)
      setIndex(next)
      if (next >= last) setPlaying(false)
    }, stepIntervalMs / speed)
    return () => clearTimeout(timer)
  }, [playing, index, speed, last])

  const goTo = useCallback(
    (target: number) => {
      setPlaying(false)
      setIndex(Math.min(Math.max(target, 0), last))
    },
    [last],
  )

  const togglePlaying = useCallback(() => {
    if (playing) {
      setPlaying(false)
      return
    }
    // Play at the end starts over, rather than doing nothing.
    if (index >= last) setIndex(0)
    setPlaying(true)
  }, [playing, index, last])

  return {
    index,
    last,
    playing,
    speed,
    setSpeed,
    togglePlaying,
    previous: () => goTo(index - 1),
    next: () => goTo(index + 1),
    first: () => goTo(0),
    end: () => goTo(last),
    stepDurationMs: stepIntervalMs / speed,
  }
}
