'use client'

import { useEffect, useRef, useState } from 'react'
import { SweepChart } from '@/components/charts/lazy-charts'
import type { SweepPoint } from '@/components/charts/SweepChart'
import { collectEnvironment } from '@/lib/engine/environment'
import { connectionCapFor, predictIoTotal } from '@/lib/engine/model'
import { runStrategy } from '@/lib/engine/run-strategy'
import type { Run } from '@/lib/engine/types'
import { formatDuration } from '@/lib/format/units'
import { createIoJobRunner, ioJobUrls, shardOrigins, type IoParams } from '@/lib/workloads/io'
import { NumberField } from '../NumberField'
import { ResultSlot } from '../ResultSlot'
import { RunResult } from '../RunResult'
import demo from '@/components/demos/demo.module.css'
import knobs from '@/components/demos/knobs.module.css'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

/** Pool sizes the sweep visits: dense where the curve bends, sparse beyond. */
export const sweepPoolSizes = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 32] as const

const limits = {
  sites: { min: 6, max: 120 },
  latencyMs: { min: 20, max: 1000 },
  hosts: { min: 1, max: 8 },
}

function rangeCheck(key: keyof typeof limits, label: string) {
  const { min, max } = limits[key]
  return (value: unknown) => (Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? null : integerRangeMessage(label, min, max))
}

/** Total time against pool size 1…32: the article's "5–10 threads" question, asked of this browser. */
export function IoSweepDemo() {
  const [sites, setSites] = useState(48)
  const [latencyMs, setLatencyMs] = useState(100)
  const [hosts, setHosts] = useState(1)
  const [measured, setMeasured] = useState<Partial<Record<number, number>>>({})
  const [current, setCurrent] = useState<number | null>(null)
  const [summary, setSummary] = useState<Run | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  const shard = shardOrigins(window.location, hosts)
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  const protocol = summary?.environment.protocol ?? (navigation?.nextHopProtocol || null)
  const cap = connectionCapFor({ protocol, hostCount: shard.origins.length })
  const points: SweepPoint[] = sweepPoolSizes.map((poolSize) => ({
    poolSize,
    measured: measured[poolSize],
    model: predictIoTotal({ jobs: sites, latencyMs, concurrency: poolSize, connectionCap: cap }),
  }))
  const running = current !== null

  async function sweep() {
    const stop = new AbortController()
    controller.current = stop
    setMeasured({})
    setSummary(null)
    const params: IoParams = { sites, ms: latencyMs, jitter: 0, size: 1024, origins: shard.origins }
    const spans: Run['spans'] = []
    let total = 0
    let last: Run | null = null
    for (const poolSize of sweepPoolSizes) {
      if (stop.signal.aborted) break
      setCurrent(poolSize)
      const run = await runStrategy({
        strategy: 'pool',
        workload: 'io',
        params: { sites, latencyMs, jitterMs: 0, poolSize, workers: 0, hosts, seed: '', workerCount: 0, timeScale: 1, origins: [...params.origins] },
        jobs: sites,
        poolSize,
        runJob: createIoJobRunner(params),
        signal: stop.signal,
        environment: () => collectEnvironment({ urls: ioJobUrls(params) }),
      })
      last = run
      if (run.status !== 'done') break
      spans.push(...run.spans.map((span) => ({ ...span, job: spans.length + span.job })))
      total += run.totalMs
      setMeasured((previous) => ({ ...previous, [poolSize]: run.totalMs }))
    }
    setCurrent(null)
    controller.current = null
    if (last) setSummary({ ...last, spans, totalMs: total, status: stop.signal.aborted ? 'cancelled' : last.status })
  }

  return (
    <section className={demo.demo} data-demo="io-sweep" aria-label="并发池大小扫描">
      <header className={demo.header}>
        <h3 className={demo.title}>扫描：池大小从 1 到 32</h3>
        <p className={demo.env}>
          <span>协议 {protocol ?? '未知'}</span>
          <span>连接上限 {Number.isFinite(cap) ? cap : '无'}</span>
        </p>
      </header>
      <fieldset className={knobs.knobs} disabled={running}>
        <legend>参数</legend>
        <NumberField label="每轮网站数" value={sites} {...limits.sites} validate={rangeCheck('sites', '每轮网站数')} onChange={setSites} />
        <NumberField
          label="延迟"
          unit="毫秒"
          value={latencyMs}
          {...limits.latencyMs}
          step={10}
          validate={rangeCheck('latencyMs', '延迟')}
          onChange={setLatencyMs}
        />
        <NumberField
          label="主机名数量"
          value={hosts}
          {...limits.hosts}
          hint="大于 1 时做域名分片"
          validate={rangeCheck('hosts', '主机名数量')}
          onChange={setHosts}
        />
      </fieldset>
      <div className={demo.controls}>
        <button type="button" className={demo.run} disabled={running} onClick={() => void sweep()}>
          运行扫描
        </button>
        <button type="button" className={demo.stop} disabled={!running} onClick={() => controller.current?.abort()}>
          停止
        </button>
        <span className={demo.progressText} data-testid="sweep-progress" aria-live="polite">
          {running
            ? `第 ${(sweepPoolSizes as readonly number[]).indexOf(current ?? 0) + 1}/${sweepPoolSizes.length} 轮：正在测池大小 ${current}…`
            : `共 ${sweepPoolSizes.length} 轮，预计 ${formatDuration(points.reduce((sum, point) => sum + point.model, 0))}`}
        </span>
      </div>
      <ResultSlot running={running}>{summary ? <RunResult run={summary} /> : null}</ResultSlot>
      <figure className={demo.chartFigure}>
        <figcaption>总用时与池大小：虚线是模型 ceil(n / min(池大小, 上限)) × 延迟</figcaption>
        <SweepChart points={points} cap={cap} />
      </figure>
    </section>
  )
}
