'use client'

import Link from 'next/link'
import { useEffect, useId, useRef, useState, type Ref } from 'react'
import { ChartAfterRun, InFlightChart } from '@/components/charts/lazy-charts'
import { TimelineChart } from '@/components/charts/TimelineChart'
import { nativeBesideBrowser, sameNativeIoExperiment } from '@/lib/demos/native-runs'
import {
  describeIoSettings,
  ioLaneNoun,
  ioRunRequest,
  plannedIoLanes,
  ioStrategies,
  ioTotalsRows,
  latestIoRuns,
  predictIo,
  scaledLatency,
} from '@/lib/demos/io-demo'
import { issuedAndWireSeries, laneCount, peakInFlight } from '@/lib/engine/analysis'
import { collectEnvironment } from '@/lib/engine/environment'
import { connectionCapFor } from '@/lib/engine/model'
import { runStrategy } from '@/lib/engine/run-strategy'
import { isJavaScriptStrategy } from '@/lib/engine/run-model'
import type { IoRun, StrategyId } from '@/lib/engine/types'
import { formatDuration, formatRatio } from '@/lib/format/units'
import { labUrlForIo } from '@/lib/lab/url-state'
import { ioSettingsLimits, validateIoSetting, type IoSettings } from '@/lib/store/io-settings'
import { runHistoryStore } from '@/lib/store/run-history'
import { createIoWorker } from '@/lib/workloads/create-io-worker'
import { createIoJobRunner, ioJobUrls, ioWorkerPoolOptions, shardOrigins } from '@/lib/workloads/io'
import { DemoControls, useRunSeries } from '../DemoControls'
import { KnobPanel } from '../KnobPanel'
import { ResultSlot } from '../ResultSlot'
import { RunResult } from '../RunResult'
import { strategyInfo } from '@/lib/engine/strategies'
import { useDemoHandle, type DemoHandle } from '../useDemoHandle'
import { useLiveRun } from '../useLiveRun'
import { StrategyCard } from '../StrategyCard'
import { TotalsFigure } from '../TotalsFigure'
import { useRunHistory } from '../useRunHistory'
import cards from '@/components/demos/StrategyCard.module.css'
import demo from '@/components/demos/demo.module.css'
import { SeedField } from './SeedField'

/** The I/O settings a number knob sets. */
type IoNumberSetting = Exclude<keyof IoSettings, 'seed'>

function navigationProtocol(): string | null {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  return navigation?.nextHopProtocol || null
}

interface IoDemoProps {
  focus?: StrategyId
  /** Slow motion: the server waits this many times longer. */
  timeScale?: number
  /** In the lab: no "open in the lab" link, and the lab drives it through `ref`. */
  inLab?: boolean
  /** On a projector: the knobs fold into one summary line. */
  present?: boolean
  ref?: Ref<DemoHandle>
  onSelect?: (strategy: StrategyId) => void
}

export function IoDemo({ focus, timeScale = 1, inLab = false, present = false, ref, onSelect }: IoDemoProps) {
  const settings = useRunHistory((state) => state.ioSettings)
  const runs = useRunHistory((state) => state.runs)
  const live = useLiveRun()
  const seedId = useId()
  // A refused seed stays in the field with its message and never reaches the stored settings.
  const [seedDraft, setSeedDraft] = useState<string | null>(null)
  const [selected, setSelected] = useState<StrategyId>(focus ?? 'sequential')
  const [lastRun, setLastRun] = useState<IoRun | null>(null)
  const [environment] = useState(() => ({
    cores: navigator.hardwareConcurrency || 4,
    protocol: navigationProtocol(),
    shardPlan: (hosts: number) => shardOrigins(window.location, hosts),
  }))

  const workerCount = settings.workers === 0 ? environment.cores : settings.workers
  const shard = environment.shardPlan(settings.hosts)
  const hostCount = shard.origins.length
  const protocol = lastRun?.environment.protocol ?? environment.protocol
  const cap = connectionCapFor({ protocol, hostCount })

  const latencyMs = scaledLatency(settings, timeScale)
  const model = (strategy: StrategyId) => predictIo(strategy, settings, timeScale, { protocol, hostCount, workerCount })
  const latest = latestIoRuns(runs, settings, timeScale)

  const update = <K extends keyof IoSettings>(key: K, value: IoSettings[K]) => runHistoryStore.getState().setIoSettings({ ...settings, [key]: value })

  const select = (strategy: StrategyId) => {
    setSelected(strategy)
    onSelect?.(strategy)
  }

  async function runOne(strategy: StrategyId): Promise<IoRun | null> {
    // This demo runs the browser's JavaScript; the Python programs have their own runner.
    if (!isJavaScriptStrategy(strategy)) return null
    select(strategy)
    const controller = live.begin(strategy, settings.sites)
    // The resource timing buffer holds 250 entries by default; a run needs its own to read the protocol.
    performance.clearResourceTimings()
    performance.setResourceTimingBufferSize(Math.max(250, settings.sites + 50))
    const { request: params, recorded: runParams } = ioRunRequest(settings, timeScale, shard.origins, workerCount)
    const run = await runStrategy({
      strategy,
      workload: 'io',
      params: runParams,
      jobs: settings.sites,
      runJob: createIoJobRunner(params),
      poolSize: settings.poolSize,
      workers: ioWorkerPoolOptions(params, createIoWorker, workerCount),
      signal: controller.signal,
      onStart: live.onStart,
      onSpan: live.onSpan,
      environment: () => collectEnvironment({ urls: ioJobUrls(params) }),
    })
    live.finish(run)
    setLastRun(run)
    runHistoryStore.getState().addRun(run)
    return run
  }

  const { busy, runSeries, stop } = useRunSeries(live.stop)
  const running = live.state.running || busy
  const section = useRef<HTMLElement>(null)
  // On a projector a run brings its result line and charts to the top of the screen, so the room
  // watches the timeline fill in; the cards are one key away (1–4, R).
  useEffect(() => {
    if (present && live.state.running) section.current?.querySelector('.result-slot')?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [present, live.state.running])

  useDemoHandle(ref, { running, strategies: ioStrategies, runSeries, runOne, stop, select, selected })

  const shownRun = live.state.running ? null : lastRun?.strategy === selected ? lastRun : (latest[selected] ?? null)
  const shownSpans = live.state.running || lastRun?.strategy === selected ? live.state.spans : (shownRun?.spans ?? [])
  const shownDuration = live.state.running ? live.state.elapsedMs : (shownRun?.totalMs ?? live.state.elapsedMs)
  const planned = live.state.running && live.state.strategy ? plannedIoLanes(live.state.strategy, settings, workerCount) : 1
  const lanes = Math.max(laneCount(shownSpans), ...live.state.open.map((job) => job.lane + 1), planned)
  const done = live.state.spans.length
  // The in-flight chart shows a finished run. Through a run it keeps its place if it was on screen
  // when the run began, so the charts below do not move up and back down.
  const inFlightShownIdle = shownSpans.length > 0 && !live.state.running
  const [inFlightKeepsPlace, setInFlightKeepsPlace] = useState(inFlightShownIdle)
  if (!live.state.running && inFlightKeepsPlace !== inFlightShownIdle) setInFlightKeepsPlace(inFlightShownIdle)
  const native = nativeBesideBrowser(runs, (run) => sameNativeIoExperiment(run, settings, timeScale))
  const totals = ioTotalsRows(settings, latest, model, native)
  const knob = (key: IoNumberSetting, label: string, extra: { unit?: string; step?: number; hint?: string } = {}) => ({
    label,
    value: settings[key],
    ...ioSettingsLimits[key],
    ...extra,
    validate: (value: unknown) => validateIoSetting(key, value),
    onChange: (value: number) => update(key, value),
  })
  const ioKnobs = [
    knob('sites', '网站数量'),
    knob('latencyMs', '延迟', { unit: '毫秒', step: 10 }),
    knob('jitterMs', '抖动', { unit: '毫秒', step: 10 }),
    knob('poolSize', '池大小', { hint: '原文 max_workers=5' }),
    knob('workers', 'Worker 数量', { hint: `0 表示按核心数（${environment.cores}）` }),
    knob('hosts', '主机名数量', { hint: '大于 1 时做域名分片' }),
  ]

  return (
    <section ref={section} className={demo.demo} data-demo="io" aria-label="I/O 密集型下载演示">
      <header className={demo.header}>
        <h3 className={demo.title}>动手运行：下载 {settings.sites} 个「网站」</h3>
        <p className={demo.env} data-testid="demo-env">
          <span>协议 {protocol ?? '未知'}</span>
          <span>{environment.cores} 个逻辑核心</span>
          <span data-testid="connection-cap">连接上限 {Number.isFinite(cap) ? cap : '无（HTTP/2 多路复用）'}</span>
        </p>
      </header>

      <KnobPanel legend="参数" disabled={running} fields={ioKnobs} collapsedSummary={present ? describeIoSettings(settings) : undefined}>
        <SeedField id={`${seedId}-seed`} seed={settings.seed} draft={seedDraft} onDraft={setSeedDraft} onSeed={(seed) => update('seed', seed)} />
      </KnobPanel>
      {settings.hosts > 1 ? <p className={demo.note}>{shard.reason}。</p> : null}
      {timeScale > 1 ? (
        <p className={demo.note} data-testid="slow-motion-note">
          慢动作 ×{timeScale}：每个请求在服务器上等待 {formatDuration(latencyMs)}，图上的时间都是真实时间。
        </p>
      ) : null}
      {inLab ? null : (
        <p className={demo.note}>
          <Link href={labUrlForIo(settings, selected)} data-testid="open-in-lab">
            在实验室中打开
          </Link>
          ：同样的设置，全屏图表、快捷键、历史对比与导出。
        </p>
      )}

      <div className={cards.strategies} role="group" aria-label="运行策略">
        {ioStrategies.map((strategy) => {
          const measured = latest[strategy]?.totalMs
          const predicted = model(strategy)
          return (
            <StrategyCard
              key={strategy}
              strategy={strategy}
              selected={strategy === selected}
              counterpart={`≈ ${strategyInfo[strategy].python}`}
              running={running}
              onRun={() => void runSeries([strategy], runOne)}
              selectLabel={measured !== undefined ? '看时间线' : undefined}
              onSelect={() => select(strategy)}
            >
              模型 {formatDuration(predicted)}
              {measured !== undefined ? (
                <>
                  <br />
                  实测 <strong>{formatDuration(measured)}</strong>（{formatRatio(measured / predicted)} 模型）
                </>
              ) : null}
            </StrategyCard>
          )
        })}
      </div>

      <DemoControls
        running={running}
        onRunAll={() => void runSeries(ioStrategies, runOne)}
        onStop={stop}
        done={done}
        total={live.state.jobs || settings.sites}
        progressLabel="下载进度"
        progressText={
          live.state.running
            ? `${strategyInfo[live.state.strategy!].label}：${done}/${live.state.jobs}，进行中 ${live.state.open.length}，${formatDuration(live.state.elapsedMs)}`
            : undefined
        }
      />

      <ResultSlot running={running}>{lastRun ? <RunResult run={lastRun} model={model(lastRun.strategy)} /> : null}</ResultSlot>

      <div className={demo.charts} data-testid="demo-charts">
        <figure className={demo.chartFigure}>
          <figcaption>
            时间线 · {strategyInfo[selected].label}：每行是一个{ioLaneNoun(selected)}，每段是一次下载；浅色部分是请求在排队等空闲连接
          </figcaption>
          <TimelineChart
            spans={shownSpans}
            open={live.state.running ? live.state.open : []}
            lanes={lanes}
            durationMs={Math.max(shownDuration, 1)}
            color={strategyInfo[selected].color}
            laneLabel="通道"
            title={`${strategyInfo[selected].label}的时间线`}
          />
        </figure>
        {live.state.running && inFlightKeepsPlace ? (
          <figure className={demo.chartFigure}>
            <figcaption>同时进行的请求：运行结束后统计</figcaption>
            <ChartAfterRun chart="inFlight" />
          </figure>
        ) : null}
        {inFlightShownIdle ? (
          <figure className={demo.chartFigure}>
            <figcaption
              data-testid="in-flight-caption"
              data-peak-issued={peakInFlight(shownSpans)}
              data-peak-on-wire={peakInFlight(shownSpans, { onWire: true })}
            >
              同时进行的请求：程序发出最多 {peakInFlight(shownSpans)} 个，真正在网络上最多 {peakInFlight(shownSpans, { onWire: true })} 个（浏览器上限{' '}
              {Number.isFinite(cap) ? cap : '无'}）
            </figcaption>
            <InFlightChart points={issuedAndWireSeries(shownSpans)} cap={cap} color={strategyInfo[selected].color} />
          </figure>
        ) : null}
        <TotalsFigure
          caption={`总用时：本次测量${Object.keys(native).length > 0 ? '、本机 Python（导入的运行）' : ''}、模型预测${settings.sites === 160 ? '与原文 Python 的测量' : ''}`}
          rows={totals}
        />
      </div>
    </section>
  )
}
