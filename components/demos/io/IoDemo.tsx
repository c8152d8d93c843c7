'use client'

import Link from 'next/link'
import { useId, useImperativeHandle, useState, type Ref } from 'react'
import { ChartAfterRun, InFlightChart, TotalsChart } from '@/components/charts/lazy-charts'
import { TimelineChart } from '@/components/charts/TimelineChart'
import type { TotalsRow } from '@/components/charts/TotalsChart'
import { issuedAndWireSeries, laneCount, peakInFlight } from '@/lib/engine/analysis'
import { collectEnvironment } from '@/lib/engine/environment'
import { connectionCapFor, predictIoTotalFor } from '@/lib/engine/model'
import { runStrategy } from '@/lib/engine/run-strategy'
import type { IoRunParams, Run, StrategyId } from '@/lib/engine/types'
import { formatDuration, formatRatio } from '@/lib/format/units'
import { labUrlForIo } from '@/lib/lab/url-state'
import { ioSettingsLimits, validateIoSetting, type IoSettings } from '@/lib/store/io-settings'
import { runHistoryStore } from '@/lib/store/run-history'
import { createIoWorker } from '@/lib/workloads/create-io-worker'
import { createIoJobRunner, ioJobUrls, ioWorkerPoolOptions, shardOrigins, type IoParams } from '@/lib/workloads/io'
import { DemoControls, useRunSeries } from '../DemoControls'
import { NumberField } from '../NumberField'
import { ResultSlot } from '../ResultSlot'
import { RunResult } from '../RunResult'
import { strategiesFor, strategyInfo } from '@/lib/engine/strategies'
import { useLiveRun } from '../useLiveRun'
import { useRunHistory } from '../useRunHistory'

export const ioStrategies = strategiesFor('io')

/** The article's Python timings for 160 downloads, ms (seed/README.md). */
export const articleIoTimings: Partial<Record<StrategyId, number>> = {
  sequential: 14_300,
  pool: 3_700,
  async: 2_600,
  workers: 5_700,
}

const bodyBytes = 2048

function sameExperiment(run: Run, settings: IoSettings, timeScale: number): boolean {
  if (run.workload !== 'io') return false
  const params = run.params
  return (
    run.status === 'done' &&
    params.sites === settings.sites &&
    params.latencyMs === settings.latencyMs &&
    params.jitterMs === settings.jitterMs &&
    params.hosts === settings.hosts &&
    params.timeScale === timeScale &&
    (run.strategy !== 'pool' || params.poolSize === settings.poolSize) &&
    (run.strategy !== 'workers' || params.workers === settings.workers)
  )
}

/** A seed for a run the reader gave none: jitter stays random from run to run. */
function freshRunSeed(): string {
  return `run${Date.now().toString(36)}`
}

function navigationProtocol(): string | null {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  return navigation?.nextHopProtocol || null
}

/** What the lab's keyboard shortcuts drive. */
export interface DemoHandle {
  run: (strategy: StrategyId) => void
  runAll: () => void
  stop: () => void
  select: (strategy: StrategyId) => void
  readonly selected: StrategyId
}

interface IoDemoProps {
  focus?: StrategyId
  /** Slow motion: the server waits this many times longer. */
  timeScale?: number
  /** In the lab: no "open in the lab" link, and the lab drives it through `ref`. */
  inLab?: boolean
  ref?: Ref<DemoHandle>
  onSelect?: (strategy: StrategyId) => void
}

export function IoDemo({ focus, timeScale = 1, inLab = false, ref, onSelect }: IoDemoProps) {
  const settings = useRunHistory((state) => state.ioSettings)
  const runs = useRunHistory((state) => state.runs)
  const live = useLiveRun()
  const seedId = useId()
  // A refused seed stays in the field with its message and never reaches the stored settings.
  const [seedDraft, setSeedDraft] = useState<string | null>(null)
  const invalidSeed = seedDraft === null ? null : validateIoSetting('seed', seedDraft)
  const [selected, setSelected] = useState<StrategyId>(focus ?? 'sequential')
  const [lastRun, setLastRun] = useState<Run | null>(null)
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

  // Slow motion stretches the server's wait; the server accepts at most 10 s.
  const latencyMs = Math.min(settings.latencyMs * timeScale, 10_000)
  const model = (strategy: StrategyId) =>
    predictIoTotalFor(strategy, {
      jobs: settings.sites,
      latencyMs,
      poolSize: settings.poolSize,
      workerCount,
      protocol,
      hostCount,
    })

  const latest: Partial<Record<StrategyId, Run>> = {}
  for (const run of runs) {
    if (!latest[run.strategy] && sameExperiment(run, settings, timeScale)) latest[run.strategy] = run
  }

  const update = <K extends keyof IoSettings>(key: K, value: IoSettings[K]) =>
    runHistoryStore.getState().setIoSettings({ ...settings, [key]: value })

  const select = (strategy: StrategyId) => {
    setSelected(strategy)
    onSelect?.(strategy)
  }

  async function runOne(strategy: StrategyId): Promise<Run> {
    select(strategy)
    const controller = live.begin(strategy, settings.sites)
    // The resource timing buffer holds 250 entries by default; a run needs its own to read the protocol.
    performance.clearResourceTimings()
    performance.setResourceTimingBufferSize(Math.max(250, settings.sites + 50))
    const params: IoParams = {
      sites: settings.sites,
      ms: latencyMs,
      jitter: settings.jitterMs,
      size: bodyBytes,
      origins: shard.origins,
      // Always seeded: each job's URL is then unique, which lets resource timing tell when its
      // request really left (after waiting for a connection). No seed given: a fresh one per run.
      seed: settings.seed || freshRunSeed(),
    }
    const runParams: IoRunParams = { ...settings, workerCount, origins: shard.origins, timeScale }
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


  const { busy, runSeries } = useRunSeries()
  const running = live.state.running || busy

  useImperativeHandle(
    ref,
    () => ({
      run: (strategy) => {
        if (!running) void runSeries([strategy], runOne)
      },
      runAll: () => {
        if (!running) void runSeries(ioStrategies, runOne)
      },
      stop: live.stop,
      select,
      selected,
    }),
  )
  const shownRun = live.state.running ? null : lastRun?.strategy === selected ? lastRun : (latest[selected] ?? null)
  const shownSpans = live.state.running || lastRun?.strategy === selected ? live.state.spans : (shownRun?.spans ?? [])
  const shownDuration = live.state.running ? live.state.elapsedMs : (shownRun?.totalMs ?? live.state.elapsedMs)
  const lanes = Math.max(laneCount(shownSpans), ...live.state.open.map((job) => job.lane + 1), 1)
  const done = live.state.spans.length
  // The in-flight chart shows a finished run. Through a run it keeps its place if it was on screen
  // when the run began, so the charts below do not move up and back down.
  const inFlightShownIdle = shownSpans.length > 0 && !live.state.running
  const [inFlightKeepsPlace, setInFlightKeepsPlace] = useState(inFlightShownIdle)
  if (!live.state.running && inFlightKeepsPlace !== inFlightShownIdle) setInFlightKeepsPlace(inFlightShownIdle)
  const totals: TotalsRow[] = ioStrategies.map((strategy) => ({
    name: strategyInfo[strategy].label,
    measured: latest[strategy]?.totalMs,
    model: model(strategy),
    article: settings.sites === 160 ? articleIoTimings[strategy] : undefined,
  }))

  return (
    <section className="demo" data-demo="io" aria-label="I/O 密集型下载演示">
      <header className="demo-header">
        <h3 className="demo-title">动手运行：下载 {settings.sites} 个「网站」</h3>
        <p className="demo-env" data-testid="demo-env">
          <span>协议 {protocol ?? '未知'}</span>
          <span>{environment.cores} 个逻辑核心</span>
          <span data-testid="connection-cap">连接上限 {Number.isFinite(cap) ? cap : '无（HTTP/2 多路复用）'}</span>
        </p>
      </header>

      <fieldset className="demo-knobs" disabled={running}>
        <legend>参数</legend>
        <NumberField label="网站数量" value={settings.sites} {...ioSettingsLimits.sites} validate={(v) => validateIoSetting('sites', v)} onChange={(v) => update('sites', v)} />
        <NumberField label="延迟" unit="毫秒" value={settings.latencyMs} {...ioSettingsLimits.latencyMs} step={10} validate={(v) => validateIoSetting('latencyMs', v)} onChange={(v) => update('latencyMs', v)} />
        <NumberField label="抖动" unit="毫秒" value={settings.jitterMs} {...ioSettingsLimits.jitterMs} step={10} validate={(v) => validateIoSetting('jitterMs', v)} onChange={(v) => update('jitterMs', v)} />
        <NumberField label="池大小" value={settings.poolSize} {...ioSettingsLimits.poolSize} hint="原文 max_workers=5" validate={(v) => validateIoSetting('poolSize', v)} onChange={(v) => update('poolSize', v)} />
        <NumberField label="Worker 数量" value={settings.workers} {...ioSettingsLimits.workers} hint={`0 表示按核心数（${environment.cores}）`} validate={(v) => validateIoSetting('workers', v)} onChange={(v) => update('workers', v)} />
        <NumberField label="主机名数量" value={settings.hosts} {...ioSettingsLimits.hosts} hint="大于 1 时做域名分片" validate={(v) => validateIoSetting('hosts', v)} onChange={(v) => update('hosts', v)} />
        <div className="knob">
          <label htmlFor={`${seedId}-seed`}>随机种子</label>
          <input
            id={`${seedId}-seed`}
            value={seedDraft ?? settings.seed}
            placeholder="留空则每次随机"
            maxLength={32}
            aria-invalid={invalidSeed ? true : undefined}
            onChange={(event) => {
              const seed = event.target.value
              if (validateIoSetting('seed', seed) === null) {
                setSeedDraft(null)
                update('seed', seed)
              } else {
                setSeedDraft(seed)
              }
            }}
          />
          {invalidSeed ? (
            <p className="knob-error" role="alert">
              {invalidSeed}
            </p>
          ) : (
            <p className="knob-hint">同一种子，抖动每次相同</p>
          )}
        </div>
      </fieldset>
      {settings.hosts > 1 ? <p className="demo-note">{shard.reason}。</p> : null}
      {timeScale > 1 ? (
        <p className="demo-note" data-testid="slow-motion-note">
          慢动作 ×{timeScale}：每个请求在服务器上等待 {formatDuration(latencyMs)}，图上的时间都是真实时间。
        </p>
      ) : null}
      {inLab ? null : (
        <p className="demo-note">
          <Link href={labUrlForIo(settings, selected)} data-testid="open-in-lab">
            在实验室中打开
          </Link>
          ：同样的设置，全屏图表、快捷键、历史对比与导出。
        </p>
      )}

      <div className="demo-strategies" role="group" aria-label="运行策略">
        {ioStrategies.map((strategy) => {
          const info = strategyInfo[strategy]
          const measured = latest[strategy]?.totalMs
          const predicted = model(strategy)
          return (
            <div key={strategy} className={`strategy-card${strategy === selected ? ' strategy-card-selected' : ''}`} style={{ borderTopColor: info.color }}>
              <p className="strategy-name">
                {info.label}
                <span className="strategy-python">≈ {info.python}</span>
              </p>
              <p className="strategy-figures">
                模型 {formatDuration(predicted)}
                {measured !== undefined ? (
                  <>
                    <br />
                    实测 <strong>{formatDuration(measured)}</strong>（{formatRatio(measured / predicted)} 模型）
                  </>
                ) : null}
              </p>
              <div className="strategy-actions">
                <button
                  type="button"
                  className="button-run"
                  // aria-disabled, not disabled: the pressed button keeps keyboard focus during the run.
                  aria-disabled={running}
                  onClick={() => {
                    if (!running) void runSeries([strategy], runOne)
                  }}
                >
                  运行 {info.label}
                </button>
                {measured !== undefined && strategy !== selected ? (
                  <button type="button" className="button-link" onClick={() => select(strategy)}>
                    看时间线
                  </button>
                ) : null}
              </div>
            </div>
          )
        })}
      </div>

      <DemoControls
        running={running}
        onRunAll={() => void runSeries(ioStrategies, runOne)}
        onStop={live.stop}
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

      <div className="demo-charts">
        <figure className="chart-figure">
          <figcaption>
            时间线 · {strategyInfo[selected].label}：每行是一个{selected === 'workers' ? ' Worker' : selected === 'pool' ? '池槽位' : '并发中的请求槽'}，每段是一次下载；浅色部分是请求在排队等空闲连接
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
          <figure className="chart-figure">
            <figcaption>同时进行的请求：运行结束后统计</figcaption>
            <ChartAfterRun chart="inFlight" />
          </figure>
        ) : null}
        {inFlightShownIdle ? (
          <figure className="chart-figure">
            <figcaption data-testid="in-flight-caption" data-peak-issued={peakInFlight(shownSpans)} data-peak-on-wire={peakInFlight(shownSpans, { onWire: true })}>
              同时进行的请求：程序发出最多 {peakInFlight(shownSpans)} 个，真正在网络上最多 {peakInFlight(shownSpans, { onWire: true })} 个（浏览器上限{' '}
              {Number.isFinite(cap) ? cap : '无'}）
            </figcaption>
            <InFlightChart points={issuedAndWireSeries(shownSpans)} cap={cap} color={strategyInfo[selected].color} />
          </figure>
        ) : null}
        <figure className="chart-figure">
          <figcaption>总用时：本次测量、模型预测{settings.sites === 160 ? '与原文 Python 的测量' : ''}</figcaption>
          <TotalsChart rows={totals} />
          <table className="visually-hidden">
            <caption>各策略总用时</caption>
            <thead>
              <tr>
                <th>策略</th>
                <th>实测</th>
                <th>模型</th>
                <th>原文</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((row) => (
                <tr key={row.name}>
                  <td>{row.name}</td>
                  <td>{row.measured !== undefined ? formatDuration(row.measured) : '未运行'}</td>
                  <td>{row.model !== undefined ? formatDuration(row.model) : '—'}</td>
                  <td>{row.article !== undefined ? formatDuration(row.article) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
    </section>
  )
}
