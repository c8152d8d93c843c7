'use client'

import type { ReactNode } from 'react'
import { strategyInfo } from '@/lib/engine/strategies'
import type { StrategyId } from '@/lib/engine/types'
import { RunButton } from './RunButton'
import cards from './StrategyCard.module.css'

interface StrategyCardProps {
  strategy: StrategyId
  selected: boolean
  /** The line under the name: the article's counterpart, e.g. "≈ asyncio.gather" or "原文：同步版本 7.8 秒". */
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

/**
 * The counterpart line with its lead ("≈", "原文：") kept on one line with the first word after
 * it: a narrow card broke the line right after the lead and left a lone "≈" above
 * "ThreadPoolExecutor". Long API names get break opportunities (ThreadPool|Executor,
 * multiprocessing.|Pool) as <wbr>, so copying or finding the text is unchanged.
 */
function counterpartLine(counterpart: string): ReactNode[] {
  const lead = /^(?:[^\p{L}\p{N}\s]+\s*|\p{Script=Han}+：)/u.exec(counterpart)?.[0] ?? ''
  const segments = counterpart.slice(lead.length).split(/(?<=[a-z])(?=[A-Z])|(?<=\.)(?=\w)/)
  const head = segments[0] ?? ''
  // Chinese may break after any character: only its first stays with the lead.
  const glued = /^\p{Script=Han}/u.test(head) ? head.slice(0, 1) : (/^[\w]+/.exec(head)?.[0] ?? '')
  segments[0] = head.slice(glued.length)
  return [
    <span key="head" className={cards.pythonHead} data-testid="strategy-python-head">
      {lead.replace(/\s+$/, '\u00a0')}
      {glued}
    </span>,
    ...segments.flatMap((segment, index) => (index === 0 ? [segment] : [<wbr key={index} />, segment])),
  ]
}

/**
 * One strategy of a demo: its name, its figures, its run button and a way to show its charts.
 * Three parts (name, body, run button) that the strategies' grid lines up from card to card, so
 * the run buttons of a row share one line and one height (StrategyCard.module.css).
 */
export function StrategyCard({ strategy, selected, counterpart, children, footnote, running, canRun = true, onRun, selectLabel, onSelect }: StrategyCardProps) {
  const info = strategyInfo[strategy]
  return (
    <div className={selected ? `${cards.card} ${cards.selected}` : cards.card} data-testid="strategy-card" style={{ borderTopColor: info.color }}>
      <p className={cards.name}>
        {info.label}
        <span className={cards.python}>{counterpartLine(counterpart)}</span>
      </p>
      <div className={cards.body}>
        <p className={cards.figures}>{children}</p>
        {footnote}
        {selectLabel && onSelect && !selected ? (
          <button type="button" className={`link-button ${cards.select}`} onClick={onSelect}>
            {selectLabel}
          </button>
        ) : null}
      </div>
      <div className={cards.actions}>
        <RunButton running={running} canRun={canRun} onRun={onRun}>
          运行 {info.label}
        </RunButton>
      </div>
    </div>
  )
}
