'use client'

import { useState, type Ref } from 'react'
import { flushSync } from 'react-dom'
// Imported directly, not through charts/lazy-charts: the demo itself loads only when it comes
// near the screen, and a chart loading mid-run would take main-thread time from the run it measures.
import { FrameGapChart } from '@/components/charts/FrameGapChart'
import { ChartAfterRun } from '@/components/charts/lazy-charts'
import { TotalsSeriesNames } from '@/components/charts/totals-series'
import { TimelineChart } from '@/components/charts/TimelineChart'
import {
  articleCpuCounterpart,
  articleCpuScale,
  cpuStrategies,
  cpuTotalsCaption,
  cpuTotalsRows,
  plannedCpuLanes,
  totalOfValues,
  workerSpeedUp,
} from '@/lib/demos/cpu-demo'
import { nativeBesideBrowser, sameNativeCpuExperiment } from '@/lib/demos/native-runs'
import { laneCount } from '@/lib/engine/analysis'
import { runStrategy } from '@/lib/engine/run-strategy'
import { isJavaScriptStrategy } from '@/lib/engine/run-model'
import type { CpuRun, StrategyId } from '@/lib/engine/types'
import { formatDuration, formatRatio } from '@/lib/format/units'
import { createBrowserFrameMeter, type FrameMeterReport } from '@/lib/responsiveness/frame-meter'
import { observeLongTasks } from '@/lib/responsiveness/long-tasks'
import { runHistoryStore } from '@/lib/store/run-history'
import { createCpuWorker } from '@/lib/workloads/create-cpu-worker'
import { ARTICLE_BASE, ARTICLE_JOB_COUNT, cpuJobMessage, cpuJobRunner, cpuJobs, defaultWorkSize, validateCpuBase, workSizePresets } from '@/lib/workloads/cpu'
import { DemoControls, useRunSeries } from '../DemoControls'
import { ResultSlot } from '../ResultSlot'
import { RunResult } from '../RunResult'
import { strategyInfo } from '@/lib/engine/strategies'
import { StrategyCard } from '../StrategyCard'
import { TotalsFigure } from '../TotalsFigure'
import { useDemoHandle, type DemoHandle } from '../useDemoHandle'
import { useLiveRun } from '../useLiveRun'
import { IsolationNote } from './IsolationNote'
import { ResponsivenessMeter } from './ResponsivenessMeter'
import { CpuKnobs } from './CpuKnobs'
import { useWarmCpuWorkers } from './useWarmCpuWorkers'
import { useRunHistory } from '../useRunHistory'
import cards from '@/components/demos/StrategyCard.module.css'
import cpu from './CpuDemo.module.css'
import demo from '@/components/demos/demo.module.css'

export interface CpuRunResult {
  run: CpuRun
  frames: FrameMeterReport | null
  longTasks: number | null
  /** The sum of all jobs' sums, to compare strategies at a glance. */
  sumTotal: string
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

interface CpuDemoProps {
  initialBase?: number
  /** 0 or absent: as many workers as cores. */
  initialWorkers?: number
  ref?: Ref<DemoHandle>
  onSelect?: (strategy: StrategyId) => void
  /** Called with each valid size and worker count, so the lab can keep them in its URL. */
  onSettingsChange?: (base: number, workers: number) => void
}

export function CpuDemo({ initialBase, initialWorkers, ref, onSelect, onSettingsChange }: CpuDemoProps) {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 4
  const [baseText, setBaseTextState] = useState(String(initialBase ?? workSizePresets.find((preset) => preset.id === defaultWorkSize)!.base))
  const [workerCount, setWorkerCountState] = useState(initialWorkers || cores)
  const setBaseText = (text: string) => {
    setBaseTextState(text)
    const checked = validateCpuBase(text)
    if (checked.ok) onSettingsChange?.(checked.base, workerCount === cores ? 0 : workerCount)
  }
  const setWorkerCount = (count: number) => {
    setWorkerCountState(count)
    const checked = validateCpuBase(baseText)
    if (checked.ok) onSettingsChange?.(checked.base, count === cores ? 0 : count)
  }
  const [results, setResults] = useState<Partial<Record<StrategyId, CpuRunResult>>>({})
  const history = useRunHistory((state) => state.runs)
  const [selected, setSelected] = useState<StrategyId>('sequential')
  // Four redraws a second: the jobs take about 0.1 s each, and every redraw is CPU the workers lose.
  const live = useLiveRun(250)
  const warm = useWarmCpuWorkers(workerCount)
  const base = validateCpuBase(baseText)

  const select = (strategy: StrategyId) => {
    setSelected(strategy)
    onSelect?.(strategy)
  }

  async function runOne(strategy: StrategyId): Promise<CpuRun | null> {
    if (!base.ok || !isJavaScriptStrategy(strategy)) return null
    const jobs = cpuJobs(base.base, ARTICLE_JOB_COUNT)
    // Committed now, not when React next gets round to it: on a busy page three frames can pass
    // before a scheduled render, and the sequential run would freeze the page still showing it idle.
    const controller = flushSync(() => {
      select(strategy)
      return live.begin(strategy, jobs.length)
    })
    // Let the page paint "running" (our own re-render) before measuring, so the meter sees the
    // computation and not the demo redrawing itself; then the strategy takes the thread.
    await nextFrame()
    await nextFrame()
    const meter = createBrowserFrameMeter()
    const longTasks = observeLongTasks()
    meter?.start()
    await nextFrame()
    const run = await runStrategy({
      strategy,
      workload: 'cpu',
      params: { base: base.base, jobs: jobs.length, workerCount },
      jobs: jobs.length,
      runJob: cpuJobRunner(jobs),
      workers: {
        createWorker: createCpuWorker,
        source: warm.pool ?? undefined,
        jobMessage: cpuJobMessage(jobs),
        size: workerCount,
        // One job waiting in each worker's inbox, as ProcessPoolExecutor does: no worker idles
        // while the page, busy drawing, gets round to reading its answer.
        queuedPerWorker: 1,
        handshake: { kind: 'cpu' },
      },
      signal: controller.signal,
      onStart: live.onStart,
      onSpan: live.onSpan,
    })
    // The freeze ends with the run, but its gap is only seen when the next frames arrive.
    await nextFrame()
    await nextFrame()
    const frames = meter?.stop() ?? null
    const longTaskReport = longTasks?.stop() ?? null
    // Workers of a cancelled run were terminated: start their replacements for the next run.
    warm.pool?.prewarm(workerCount)
    live.finish(run)
    runHistoryStore.getState().addRun(run)
    setResults((previous) => ({ ...previous, [strategy]: { run, frames, longTasks: longTaskReport?.count ?? null, sumTotal: totalOfValues(run) } }))
    return run
  }

  const { busy, runSeries, stop } = useRunSeries(live.stop)
  const running = busy || live.state.running

  useDemoHandle(ref, { running, strategies: cpuStrategies, runSeries, runOne, stop, select, selected })

  const shown = results[selected]
  const speedUp = workerSpeedUp(results.sequential?.run, results.workers?.run)
  const native = nativeBesideBrowser(history, (run): run is CpuRun => base.ok && sameNativeCpuExperiment(run, base.base, ARTICLE_JOB_COUNT))
  // While the size field holds a refused value, the article's bars stay at the last size shown.
  const chartBase = base.ok ? base.base : (shown?.run.params.base ?? ARTICLE_BASE)
  const totals = cpuTotalsRows(
    {
      sequential: results.sequential?.run,
      async: results.async?.run,
      'async-yield': results['async-yield']?.run,
      workers: results.workers?.run,
    },
    chartBase,
    native,
  )
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated
  const spans = live.state.running ? live.state.spans : (shown?.run.spans ?? [])
  // A run in progress gets its rows from the start (one per worker, or the main thread), not
  // as its first jobs begin: the chart, and all below it, would otherwise grow a row mid-run.
  const plannedLanes = live.state.running ? plannedCpuLanes(live.state.strategy, workerCount, live.state.jobs) : 1
  const lanes = Math.max(laneCount(spans), ...live.state.open.map((job) => job.lane + 1), plannedLanes)

  return (
    <section className={demo.demo} data-demo="cpu" aria-label="计算密集型演示">
      <header className={demo.header}>
        <h3 className={demo.title}>动手运行：20 个数的平方和</h3>
        <p className={demo.env}>
          <span>{cores} 个逻辑核心</span>
          <span>{isolated ? '已跨源隔离' : '未跨源隔离'}</span>
        </p>
      </header>
      <IsolationNote isolated={isolated} />

      <CpuKnobs
        running={running}
        baseText={baseText}
        base={base}
        workerCount={workerCount}
        cores={cores}
        onBaseText={setBaseText}
        onWorkerCount={setWorkerCount}
      />

      <ResponsivenessMeter />

      <div className={cards.strategies} role="group" aria-label="运行策略">
        {cpuStrategies.map((strategy) => {
          const result = results[strategy]
          return (
            <StrategyCard
              key={strategy}
              strategy={strategy}
              selected={strategy === selected}
              counterpart={`原文：${articleCpuCounterpart(strategy, chartBase)}`}
              running={running}
              canRun={base.ok}
              onRun={() => void runSeries([strategy], runOne)}
              selectLabel={result ? '看详情' : undefined}
              onSelect={() => select(strategy)}
              footnote={
                strategy === 'workers' && warm.slowestStartupMs !== null ? (
                  <p className={cards.footnote} data-testid="worker-startup" data-startup-ms={Math.round(warm.slowestStartupMs)}>
                    Worker 已提前启动（最慢 {formatDuration(warm.slowestStartupMs)}，不计入用时）
                  </p>
                ) : null
              }
            >
              {result ? (
                <>
                  用时 <strong>{formatDuration(result.run.totalMs)}</strong>
                  <br />
                  最长卡顿 {result.frames ? formatDuration(result.frames.longestGapMs) : '—'}
                </>
              ) : (
                '尚未运行'
              )}
            </StrategyCard>
          )
        })}
      </div>

      <DemoControls
        running={running}
        canRun={base.ok}
        onRunAll={() => void runSeries(cpuStrategies, runOne)}
        onStop={stop}
        done={live.state.spans.length}
        total={ARTICLE_JOB_COUNT}
        progressLabel="计算进度"
      />
      <p className={demo.note}>顺序和 Promise.all 在主线程上计算：运行期间上面的圆点会停住，按钮也点不动，这正是要演示的现象。</p>

      <ResultSlot running={running}>
        {shown ? (
          <div className={cpu.result}>
            <RunResult run={shown.run} />
            <p
              className={demo.note}
              data-testid="cpu-details"
              data-strategy={shown.run.strategy}
              data-sum-total={shown.sumTotal}
              data-longest-gap-ms={shown.frames ? Math.round(shown.frames.longestGapMs) : undefined}
              data-long-frames={shown.frames?.longFrames}
            >
              20 个平方和之和 = <code>{shown.sumTotal}</code>（每个都是精确整数，已超过 2^53）。最长帧间隔{' '}
              {shown.frames ? formatDuration(shown.frames.longestGapMs) : '—'}，超过 50 毫秒的帧 {shown.frames?.longFrames ?? '—'} 个
              {shown.longTasks !== null ? `，浏览器记录的长任务 ${shown.longTasks} 个` : ''}。
            </p>
          </div>
        ) : null}
      </ResultSlot>
      {speedUp !== null ? (
        <p className={cpu.speedUp} data-testid="speed-up" data-speed-up={speedUp.toFixed(2)}>
          Web Worker 池比顺序快 <strong>{formatRatio(speedUp)}</strong>，本机 {cores} 个逻辑核心，理想上限 {Math.min(cores, workerCount)}×。
        </p>
      ) : null}

      <div className={demo.charts} data-testid="demo-charts">
        <figure className={demo.chartFigure}>
          <figcaption>
            时间线 · {strategyInfo[selected].label}：每行是一个{selected === 'workers' ? ' Worker' : '主线程'}，每段是一个数的计算
          </figcaption>
          <TimelineChart
            spans={spans}
            open={live.state.running ? live.state.open : []}
            lanes={lanes}
            durationMs={Math.max(live.state.running ? live.state.elapsedMs : (shown?.run.totalMs ?? 1), 1)}
            color={strategyInfo[selected].color}
            laneLabel="线程"
            title={`${strategyInfo[selected].label}的时间线`}
          />
        </figure>
        {shown?.frames ? (
          <figure className={demo.chartFigure}>
            <figcaption>帧间隔：流畅的页面约 16 毫秒一帧，高柱子就是页面卡住的时间</figcaption>
            {running ? <ChartAfterRun chart="frameGap" /> : <FrameGapChart gaps={shown.frames.gaps} color={strategyInfo[selected].color} />}
          </figure>
        ) : null}
        <TotalsSeriesNames value={{ article: articleCpuScale(chartBase).label }}>
          <TotalsFigure caption={cpuTotalsCaption(chartBase)} rows={totals} />
        </TotalsSeriesNames>
      </div>
    </section>
  )
}
