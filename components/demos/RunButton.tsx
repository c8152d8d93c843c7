'use client'

import type { ReactNode } from 'react'
import demo from './demo.module.css'

/**
 * A run button. While a run is in progress it is aria-disabled rather than disabled, so the
 * pressed button keeps keyboard focus; `canRun` false (a refused knob value) disables it.
 */
export function RunButton({ running, canRun = true, onRun, children }: { running: boolean; canRun?: boolean; onRun: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={demo.run}
      disabled={!canRun}
      aria-disabled={running}
      onClick={() => {
        if (!running) onRun()
      }}
    >
      {children}
    </button>
  )
}
