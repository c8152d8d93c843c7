'use client'

import { TimelineChart } from '@/components/charts/TimelineChart'
import { laneCount } from '@/lib/engine/analysis'
import { strategyInfo } from '@/lib/engine/strategies'
import type { Run } from '@/lib/engine/types'
import { runsToCsv, runsToJson } from '@/lib/export/spans'
import { compareRuns } from '@/lib/lab/comparison'
import { describeRunSettings, runTitle } from '@/lib/lab/run-description'
import { downloadText } from './chart-export'
import styles from './RunComparison.module.css'
import demo from '@/components/demos/demo.module.css'
import figure from './lab-figure.module.css'

/** Two runs on one time axis, which was faster and by how much, and both exported together. */
export function RunComparison({ runs: [first, second] }: { runs: [Run, Run] }) {
  const comparison = compareRuns(first, second, (run) => strategyInfo[run.strategy].label)
  const stem = `concurrency-lab-compare-${first.strategy}-vs-${second.strategy}`
  return (
    <div className="lab-compare" data-testid="run-compare" data-ratio={comparison.ratio.toFixed(2)} data-difference-ms={Math.round(comparison.differenceMs)}>
      <h3>对比</h3>
      <p className={demo.note} data-testid="run-compare-summary">
        {comparison.summary}两张时间线用同一条时间轴（0 到 {Math.round(comparison.axisMs)} 毫秒）。
      </p>
      <div className={figure.export} role="group" aria-label="导出这两次运行">
        <button type="button" className={demo.outlined} onClick={() => downloadText(runsToCsv([first, second]), `${stem}.csv`, 'text/csv;charset=utf-8')}>
          导出两次的 CSV
        </button>
        <button type="button" className={demo.outlined} onClick={() => downloadText(runsToJson([first, second]), `${stem}.json`, 'application/json')}>
          导出两次的 JSON
        </button>
      </div>
      <div className={styles.grid}>
        {[first, second].map((run) => (
          <div key={run.id} className={figure.figure} data-testid="lab-figure">
            <p className={figure.title}>{runTitle(run)}</p>
            <p className={figure.settings}>{describeRunSettings(run)}</p>
            <TimelineChart
              spans={run.spans}
              lanes={Math.max(laneCount(run.spans), 1)}
              durationMs={comparison.axisMs}
              color={strategyInfo[run.strategy].color}
              laneLabel="通道"
              title={runTitle(run)}
            />
          </div>
        ))}
      </div>
    </div>
  )
}
