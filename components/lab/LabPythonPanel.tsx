'use client'

import dynamic from 'next/dynamic'
import { DemoErrorBoundary, demoUnavailable } from '@/components/demos/DemoFallbacks'
import { isPythonStrategy, type PythonStrategyId } from '@/lib/engine/run-model'
import { strategyInfo } from '@/lib/engine/strategies'
import type { StrategyId } from '@/lib/engine/types'
import { labPythonStrategies, labStrategies } from '@/lib/lab/url-state'
import demo from '@/components/demos/demo.module.css'
import panel from './lab-panel.module.css'
import styles from './LabPythonPanel.module.css'

// The listings come with the runner's own chunk: the lab needs none of them until Python is picked.
const PythonDemoForStrategy = dynamic(
  () =>
    Promise.all([import('@/components/python/PythonDemo'), import('@/lib/python/programs')]).then(
      ([{ PythonDemo }, { pythonProgramFor }]) =>
        function PythonDemoForStrategy({ strategy }: { strategy: PythonStrategyId }) {
          return <PythonDemo programId={pythonProgramFor(strategy)} />
        },
      demoUnavailable('Python 运行器'),
    ),
  {
    ssr: false,
    loading: () => <div className={`demo-skeleton ${panel.skeleton}`}>Python 运行器加载中…</div>,
  },
)

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
  const python = isPythonStrategy(strategy)
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
      {python ? (
        <>
          <div className={panel.picker} role="radiogroup" aria-label="Python 程序">
            {labPythonStrategies[workload].map((id) => (
              <button key={id} type="button" className={demo.outlined} role="radio" aria-checked={id === strategy} onClick={() => onSelect(id)}>
                {strategyInfo[id].label}
              </button>
            ))}
          </div>
          <DemoErrorBoundary key={strategy} name="Python 运行器">
            <PythonDemoForStrategy strategy={strategy} />
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
