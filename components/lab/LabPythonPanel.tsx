'use client'

import dynamic from 'next/dynamic'
import { DemoErrorBoundary, demoUnavailable } from '@/components/demos/DemoFallbacks'
import { isPythonStrategy } from '@/lib/engine/run-model'
import { strategyInfo } from '@/lib/engine/strategies'
import type { StrategyId } from '@/lib/engine/types'
import { labPythonStrategies, labStrategies } from '@/lib/lab/url-state'
import { pythonProgramFor } from '@/lib/python/programs'
import demo from '@/components/demos/demo.module.css'
import panel from './lab-panel.module.css'
import styles from './LabPythonPanel.module.css'

const PythonDemo = dynamic(() => import('@/components/python/PythonDemo').then((module) => module.PythonDemo, demoUnavailable('Python 运行器')), {
  ssr: false,
  loading: () => <div className={`demo-skeleton ${panel.skeleton}`}>Python 运行器加载中…</div>,
})

interface LabPythonPanelProps {
  workload: 'io' | 'cpu'
  strategy: StrategyId
  onSelect: (strategy: StrategyId) => void
}

/**
 * The lab's runtime switch: the browser's JavaScript (the demo above) or the article's own Python
 * programs on CPython in the browser. Python loads only when the reader picks it.
 */
export function LabPythonPanel({ workload, strategy, onSelect }: LabPythonPanelProps) {
  const programId = isPythonStrategy(strategy) ? pythonProgramFor(strategy) : null
  const python = programId !== null
  return (
    <section className={styles.python} aria-label="运行环境">
      <div className={panel.picker} role="radiogroup" aria-label="运行环境">
        <button
          type="button"
          className={demo.outlined}
          role="radio"
          aria-checked={!python}
          onClick={() => onSelect(strategyInfo[strategy].javascriptCounterpart ?? labStrategies[workload][0]!)}
        >
          浏览器 JavaScript
        </button>
        <button
          type="button"
          className={demo.outlined}
          role="radio"
          aria-checked={python}
          onClick={() =>
            onSelect(labPythonStrategies[workload].find((id) => strategyInfo[id].javascriptCounterpart === strategy) ?? labPythonStrategies[workload][0]!)
          }
        >
          浏览器里的 Python
        </button>
      </div>
      {programId ? (
        <>
          <div className={panel.picker} role="radiogroup" aria-label="Python 程序">
            {labPythonStrategies[workload].map((id) => (
              <button key={id} type="button" className={demo.outlined} role="radio" aria-checked={id === strategy} onClick={() => onSelect(id)}>
                {strategyInfo[id].label}
              </button>
            ))}
          </div>
          <DemoErrorBoundary key={strategy} name="Python 运行器">
            <PythonDemo programId={programId} />
          </DemoErrorBoundary>
          <p className={demo.note}>
            在下面的运行历史里勾选这次 Python 运行和一次 {strategyInfo[strategyInfo[strategy].javascriptCounterpart ?? strategy].label}{' '}
            运行，两张时间线会并排显示。
          </p>
        </>
      ) : null}
    </section>
  )
}
