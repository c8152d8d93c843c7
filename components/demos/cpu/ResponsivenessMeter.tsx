'use client'

import { useEffect, useRef } from 'react'
import meter from './ResponsivenessMeter.module.css'

/**
 * A dot that crosses its track on every animation frame, moved by JavaScript on the main thread
 * (a CSS animation would keep running on the compositor and hide the freeze). When the main
 * thread is busy the dot stops, and the readout shows how long the latest gap was.
 */
export function ResponsivenessMeter() {
  const dot = useRef<HTMLSpanElement>(null)
  const readout = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches
    let last = performance.now()
    let position = 0
    let frameCount = 0
    let worst = 0
    let worstAt = last
    let lastReadout = 0
    let handle = requestAnimationFrame(function frame(now) {
      const gap = now - last
      last = now
      // Remember the worst gap of the last two seconds, so a freeze stays readable after it ends.
      if (gap > worst || now - worstAt > 2000) {
        worst = gap
        worstAt = now
      }
      position = (position + (reducedMotion ? 0 : gap / 20)) % 100
      frameCount++
      // The dot moves on every second frame: still smooth to the eye, and half the compositing
      // work, which on two cores is taken from the very workers the meter is watching. Gaps are
      // still read on every frame.
      if (dot.current && frameCount % 2 === 0) dot.current.style.transform = `translateX(${position}cqw)`
      // Text changes cost layout and paint; four times a second is readable and cheap.
      if (readout.current && (now - lastReadout > 250 || gap > 100)) {
        lastReadout = now
        readout.current.textContent = `${Math.round(gap)} ms（近 2 秒最长 ${Math.round(worst)} ms）`
      }
      handle = requestAnimationFrame(frame)
    })
    return () => cancelAnimationFrame(handle)
  }, [])
  return (
    <div className={meter.meter} data-testid="responsiveness-meter">
      <div className={meter.track} aria-hidden="true">
        <span ref={dot} className={meter.dot} />
      </div>
      <p className={meter.readout}>
        页面响应：帧间隔 <span ref={readout}>—</span>
      </p>
    </div>
  )
}
