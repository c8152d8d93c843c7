'use client'

import type { ReactNode } from 'react'
import { strategyInfo } from '@/lib/engine/strategies'
import type { StrategyId } from '@/lib/engine/types'
import { RunButton } from './RunButton'

interface StrategyCardProps {
  strategy: StrategyId
  selected: boolean
  /** The line under the name: the article's counterpart. */
  counterpart: string
  /** The card's figures (model, measured time, frame gaps…). */
  children: ReactNode
  /** A small note under the figures. */
  footnote?: ReactNode
  running: boolean
  canRun?: boolean
  onRun: () => void
  /** Shown when the strategy has a result and is not the one selected. */
  selectLabel?: string
  onSelect?: () => void
}

/** One strategy of a demo: its name, its figures, its run button and a way to show its charts. */
export function StrategyCard({ strategy, selected, counterpart, children, footnote, running, canRun = true, onRun, selectLabel, onSelect }: StrategyCardProps) {
  const info = strategyInfo[strategy]
  return (
    <div className={`strategy-card${selected ? ' strategy-card-selected' : ''}`} style={{ borderTopColor: info.color }}>
      <p className="strategy-name">
        {info.label}
        <span className="strategy-python">{counterpart}</span>
      </p>
      <p className="strategy-figures">{children}</p>
      {footnote}
      <div className="strategy-actions">
        <RunButton running={running} canRun={canRun} onRun={onRun}>
          运行 {info.label}
        </RunButton>
        {selectLabel && onSelect && !selected ? (
          <button type="button" className="button-link" onClick={onSelect}>
            {selectLabel}
          </button>
        ) : null}
      </div>
    </div>
  )
}
