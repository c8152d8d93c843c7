'use client'

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import demo from './demo.module.css'

/**
 * Where a demo's result sits. While a run is in progress the result is taken away (the test
 * contract reads `run-result` as "this run has finished"), and without a stand-in everything below
 * it — the charts a class is looking at — would jump up when a re-run starts and back down when it
 * ends. The stand-in says the run is going and keeps the height the result had.
 */
export function ResultSlot({ running, children }: { running: boolean; children: ReactNode }) {
  const slot = useRef<HTMLDivElement>(null)
  const isRunning = useRef(running)
  const [resultHeight, setResultHeight] = useState(0)
  // Set at commit, before the browser lays the stand-in out: the observer below must not take the
  // stand-in's own height for the result's.
  useLayoutEffect(() => {
    isRunning.current = running
  }, [running])
  useEffect(() => {
    const element = slot.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      if (!isRunning.current) setResultHeight(element.getBoundingClientRect().height)
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return (
    <div ref={slot} className="result-slot">
      {running ? (
        <p className={`${demo.result} ${demo.pending}`} style={resultHeight > 0 ? { minHeight: resultHeight } : undefined}>
          运行中……结果在运行结束后显示在这里
        </p>
      ) : (
        children
      )}
    </div>
  )
}
