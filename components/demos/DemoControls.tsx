'use client'

import { useRef, useState } from 'react'
import type { Run, StrategyId } from '@/lib/engine/types'
import { RunButton } from './RunButton'
import demo from './demo.module.css'

/**
 * Between two strategies of a series: the time for a key or click that waited behind a frozen step
 * to reach the page, so it stops the series before the next step (a loaded browser delivered a
 * key pressed during the sequential CPU run 110 ms after the freeze ended).
 */
const pauseBetweenStepsMs = 300

/**
 * Runs strategies one after another (run together they would compete for connections or cores)
 * and stops at the first that does not finish. `stop` ends the current run and the series: a stop
 * pressed while a main-thread run froze the page is read only once that run is over, and must
 * still keep the next strategy from starting.
 */
export function useRunSeries(stopRun: () => void) {
  const [busy, setBusy] = useState(false)
  const stopped = useRef(false)
  async function runSeries(strategies: readonly StrategyId[], runOne: (strategy: StrategyId) => Promise<Run | null>) {
    stopped.current = false
    setBusy(true)
    try {
      for (const [step, strategy] of strategies.entries()) {
        if (step > 0) await new Promise((resolve) => setTimeout(resolve, pauseBetweenStepsMs))
        if (stopped.current) break
        const run = await runOne(strategy)
        if (!run || run.status !== 'done') break
      }
    } finally {
      setBusy(false)
    }
  }
  const stop = () => {
    stopped.current = true
    stopRun()
  }
  return { busy, runSeries, stop }
}

interface DemoControlsProps {
  running: boolean
  /** False when a knob holds a refused value. */
  canRun?: boolean
  onRunAll: () => void
  onStop: () => void
  done: number
  total: number
  progressLabel: string
  /** What the progress bar's text says; defaults to "done/total". */
  progressText?: string
}

/** 全部运行, 停止 and the progress bar, shared by the demos. */
export function DemoControls({ running, canRun = true, onRunAll, onStop, done, total, progressLabel, progressText }: DemoControlsProps) {
  return (
    <div className={demo.controls}>
      <RunButton running={running} canRun={canRun} onRun={onRunAll}>
        全部运行
      </RunButton>
      <button type="button" className={demo.stop} disabled={!running} onClick={onStop}>
        停止
      </button>
      <div className={demo.progress}>
        <progress max={total} value={done} aria-label={progressLabel} />
        <span>{progressText ?? `${done}/${total}`}</span>
      </div>
    </div>
  )
}
