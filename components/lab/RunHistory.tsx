'use client'

import { useRef, useState } from 'react'
import { TimelineChart } from '@/components/charts/TimelineChart'
import { strategyInfo } from '@/lib/engine/strategies'
import { useRunHistory } from '@/components/demos/useRunHistory'
import { laneCount } from '@/lib/engine/analysis'
import { ioSettingsLike } from '@/lib/demos/native-runs'
import type { IoRun, Run } from '@/lib/engine/types'
import { csvColumnNotes, runsToCsv, runsToJson } from '@/lib/export/spans'
import { formatDuration } from '@/lib/format/units'
import { describeRunSettings, runTitle, runtimeLabel } from '@/lib/lab/run-description'
import { runHistoryStore } from '@/lib/store/run-history'
import { buildSvgFile, downloadText, exportPng } from './chart-export'
import { RunComparison } from './RunComparison'
import demo from '@/components/demos/demo.module.css'
import figureStyles from './lab-figure.module.css'
import styles from './RunHistory.module.css'
import knobs from '@/components/demos/knobs.module.css'

function RunFigure({ run, figureRef }: { run: Run; figureRef?: React.Ref<HTMLDivElement> }) {
  return (
    <div ref={figureRef} className={figureStyles.figure} data-testid="lab-figure" data-run-id={run.id} data-runtime={run.runtime}>
      <p className={figureStyles.title}>{runTitle(run)}</p>
      <p className={figureStyles.settings}>
        {describeRunSettings(run)} · {run.environment.browser} · {run.environment.protocol ?? '协议未知'} · {new Date(run.startedAt).toLocaleString('zh-CN')}
      </p>
      <TimelineChart
        spans={run.spans}
        lanes={Math.max(laneCount(run.spans), 1)}
        durationMs={Math.max(run.totalMs, 1)}
        color={strategyInfo[run.strategy].color}
        laneLabel="通道"
        title={runTitle(run)}
      />
    </div>
  )
}

/** A native run's knobs, one click away: the browser then runs the same experiment beside it. */
function SameExperiment({ run }: { run: IoRun }) {
  const current = useRunHistory((state) => state.ioSettings)
  const like = ioSettingsLike(run, current)
  if (!like) return null
  if (JSON.stringify(like) === JSON.stringify(current)) {
    return <p className={demo.note}>实验室的参数和这次运行相同：在上面点「运行」，浏览器的结果会和它并排出现在总用时图里。</p>
  }
  return (
    <p className={demo.note}>
      <button type="button" className="link-button" onClick={() => runHistoryStore.getState().setIoSettings(like)} data-testid="same-experiment">
        把实验室的参数设成和这次运行一样
      </button>
      （{like.sites} 个网站、延迟 {like.latencyMs} 毫秒、抖动 {like.jitterMs} 毫秒），再在浏览器里运行来对比。
    </p>
  )
}

/** The lab's memory: past runs, one shown at a time (←/→), any two side by side, and export. */
export function RunHistory({ workload, shownIndex, onShow }: { workload: Run['workload']; shownIndex: number; onShow: (index: number) => void }) {
  const allRuns = useRunHistory((state) => state.runs)
  const runs = allRuns.filter((run) => run.workload === workload)
  const [compared, setCompared] = useState<string[]>([])
  const [exportError, setExportError] = useState<string | null>(null)
  const figure = useRef<HTMLDivElement>(null)
  const shown = runs[Math.min(shownIndex, runs.length - 1)]
  const comparedRuns = runs.filter((run) => compared.includes(run.id))

  if (runs.length === 0) {
    return (
      <section className={styles.history} aria-labelledby="lab-history-title">
        <h2 id="lab-history-title">运行历史</h2>
        <p className={demo.note}>还没有运行记录。点「运行」或按 R 开始。</p>
      </section>
    )
  }

  const fileStem = shown ? `concurrency-lab-${shown.workload}-${shown.strategy}-${shown.startedAt.slice(0, 19).replace(/[:T]/g, '-')}` : 'concurrency-lab'

  async function run(action: () => Promise<void> | void) {
    setExportError(null)
    try {
      await action()
    } catch (error) {
      setExportError(`导出失败：${error instanceof Error ? error.message : String(error)}`)
    }
  }

  return (
    <section className={styles.history} aria-labelledby="lab-history-title">
      <div className={styles.header}>
        <h2 id="lab-history-title">运行历史</h2>
        <button type="button" className="link-button" onClick={() => runHistoryStore.getState().clearRuns()}>
          清空历史
        </button>
      </div>
      <ol className={styles.list} data-testid="run-history">
        {runs.map((run, index) => (
          <li key={run.id} className={index === shownIndex ? 'lab-history-current' : undefined}>
            <button type="button" className={demo.outlined} aria-pressed={index === shownIndex} onClick={() => onShow(index)}>
              <span className={styles.strategy} style={{ borderColor: strategyInfo[run.strategy].color }}>
                {strategyInfo[run.strategy].label}
              </span>
              {run.runtime !== 'browser-js' ? (
                <span className={styles.runtime} data-testid="run-runtime">
                  {runtimeLabel(run)}
                </span>
              ) : null}
              <strong>{formatDuration(run.totalMs)}</strong>
              <span className={styles.settings}>{describeRunSettings(run)}</span>
              {run.status !== 'done' ? <span className={styles.status}>{run.status === 'cancelled' ? '已停止' : '出错'}</span> : null}
            </button>
            <label className={styles.compare}>
              <input
                type="checkbox"
                checked={compared.includes(run.id)}
                onChange={(event) => setCompared((current) => (event.target.checked ? [...current, run.id].slice(-2) : current.filter((id) => id !== run.id)))}
              />
              对比
            </label>
          </li>
        ))}
      </ol>

      {shown ? (
        <div className="lab-shown">
          <div className={figureStyles.export} role="group" aria-label="导出">
            <button type="button" className={demo.outlined} onClick={() => void run(() => exportPng(figure.current!, `${fileStem}.png`))}>
              导出 PNG
            </button>
            <button
              type="button"
              className={demo.outlined}
              onClick={() =>
                void run(() => {
                  const svg = figure.current?.querySelector('svg')
                  if (!svg) throw new Error('没有可导出的图表')
                  downloadText(buildSvgFile(svg, runTitle(shown), describeRunSettings(shown)), `${fileStem}.svg`, 'image/svg+xml')
                })
              }
            >
              导出 SVG
            </button>
            <button
              type="button"
              className={demo.outlined}
              onClick={() => void run(() => downloadText(runsToCsv([shown]), `${fileStem}.csv`, 'text/csv;charset=utf-8'))}
            >
              导出 CSV
            </button>
            <button
              type="button"
              className={demo.outlined}
              onClick={() => void run(() => downloadText(runsToJson([shown]), `${fileStem}.json`, 'application/json'))}
            >
              导出 JSON
            </button>
          </div>
          <details className={styles.csvColumns}>
            <summary>CSV 各列的含义</summary>
            <dl>
              {csvColumnNotes.map(([column, meaning]) => (
                <div key={column}>
                  <dt>
                    <code>{column}</code>
                  </dt>
                  <dd>{meaning}</dd>
                </div>
              ))}
            </dl>
          </details>
          {exportError ? (
            <p className={knobs.error} role="alert">
              {exportError}
            </p>
          ) : null}
          {shown.workload === 'io' && shown.runtime === 'native-python' ? <SameExperiment run={shown} /> : null}
          <RunFigure run={shown} figureRef={figure} />
        </div>
      ) : null}

      {comparedRuns.length === 2 ? (
        <RunComparison runs={[comparedRuns[0]!, comparedRuns[1]!]} />
      ) : compared.length === 1 ? (
        <p className={demo.note}>再勾选一次运行，两张时间线会并排显示。</p>
      ) : null}
    </section>
  )
}
