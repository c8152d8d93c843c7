'use client'

import { useState } from 'react'
import type { Run, StrategyId } from '@/lib/engine/types'
import { RunButton } from './RunButton'

/**
 * Runs strategies one after another (run together they would compete for connections or cores)
 * and stops at the first that does not finish.
 */
export function useRunSeries() {
  const [busy, setBusy] = useState(false)
  async function runSeries(strategies: readonly StrategyId[], runOne: (strategy: StrategyId) => Promise<Run | null>) {
    setBusy(true)
    try {
      for (const strategy of strategies) {
        const run = await runOne(strategy)
        if (!run || run.status !== 'done') break
      }
    } finally {
      setBusy(false)
    }
  }
  return { busy, runSeries }
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
    <div className="demo-controls">
      <RunButton running={running} canRun={canRun} onRun={onRunAll}>
        全部运行
      </RunButton>
      <button type="button" className="button-stop" disabled={!running} onClick={onStop}>
        停止
      </button>
      <div className="demo-progress">
        <progress max={total} value={done} aria-label={progressLabel} />
        <span>{progressText ?? `${done}/${total}`}</span>
      </div>
    </div>
  )
}
