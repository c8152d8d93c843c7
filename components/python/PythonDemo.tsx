'use client'

import { useState } from 'react'
import { TimelineChart } from '@/components/charts/TimelineChart'
import { KnobPanel } from '@/components/demos/KnobPanel'
import { ResultSlot } from '@/components/demos/ResultSlot'
import { RunButton } from '@/components/demos/RunButton'
import { RunResult } from '@/components/demos/RunResult'
import { TotalsFigure } from '@/components/demos/TotalsFigure'
import type { NumberFieldProps } from '@/components/demos/NumberField'
import { laneCount } from '@/lib/engine/analysis'
import { strategyInfo } from '@/lib/engine/strategies'
import { formatBytes, formatDuration } from '@/lib/format/units'
import { loadListingEdit, saveListingEdit } from '@/lib/python/listing-edits'
import {
  checkKnob,
  latencyLimits,
  pythonCpuBaseLimits,
  readCpuSize,
  readLatency,
  readSites,
  sitesLimits,
  writeCpuBase,
  writeLatency,
  writeSites,
} from '@/lib/python/program-knobs'
import { pythonPrograms, type PythonProgramId } from '@/lib/python/programs'
import { pyodideRuntimeVersion } from '@/lib/python/pyodide-files'
import { plannedPythonLanes, predictPythonIo } from '@/lib/python/python-demo'
import { tracebackHint } from '@/lib/python/traceback'
import { LoadProgress } from './LoadProgress'
import { ProgramOutput } from './ProgramOutput'
import { PythonListing } from './PythonListing'
import { usePythonRunner } from './usePythonRunner'
import { useCounterpartRun } from './useCounterpartRun'
import demo from '@/components/demos/demo.module.css'
import knobs from '@/components/demos/knobs.module.css'

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/** A chapter's Python listing, run for real by CPython in the reader's browser. */
export function PythonDemo({ programId }: { programId: PythonProgramId }) {
  const program = pythonPrograms[programId]
  const [source, setSource] = useState(() => loadListingEdit(storage(), programId, program.source) ?? program.source)
  const [editing, setEditing] = useState(false)
  const [storageRefused, setStorageRefused] = useState(false)
  const runner = usePythonRunner(program)
  const [cores] = useState(() => navigator.hardwareConcurrency || 2)
  const info = strategyInfo[program.strategy]
  const counterpart = useCounterpartRun(program, source)

  const update = (next: string) => {
    setSource(next)
    setStorageRefused(!saveListingEdit(storage(), programId, program.source, next))
  }
  const knob = (
    label: string,
    value: number | null,
    limits: { min: number; max: number },
    write: (value: number) => string,
    extra: Partial<NumberFieldProps> = {},
  ) =>
    value === null
      ? null
      : {
          label,
          value,
          ...limits,
          validate: (input: unknown) => checkKnob(Number(input), limits, label),
          onChange: (next: number) => update(write(next)),
          ...extra,
        }
  const fields = (
    program.workload === 'io'
      ? [
          knob('网站数量', readSites(source), sitesLimits, (sites) => writeSites(source, sites), { step: 2, hint: '改的是程序里的 * 80' }),
          knob('延迟', readLatency(source) ?? 0, latencyLimits, (ms) => writeLatency(source, ms === 0 ? null : ms), {
            unit: '毫秒',
            step: 10,
            hint: '0 表示用两个网站各自的延迟',
          }),
        ]
      : [
          knob('规模', readCpuSize(source)?.base ?? null, pythonCpuBaseLimits, (base) => writeCpuBase(source, base), {
            step: 100_000,
            hint: '每个数的大小，原文 5_000_000',
          }),
        ]
  ).filter((field): field is NumberFieldProps => field !== null)

  const { live, result } = runner
  const shownSpans = live.running ? live.spans : (result?.run.spans ?? [])
  const duration = live.running ? live.elapsedMs : (result?.run.totalMs ?? 0)
  const lanes = Math.max(laneCount(shownSpans), ...live.open.map((job) => job.lane + 1), live.running ? plannedPythonLanes(program, source, cores) : 1)
  const model = predictPythonIo(program, source, result?.run.environment.protocol ?? null, cores) ?? undefined
  const running = runner.busy
  const loading = running && !live.running && runner.progress?.step !== 'ready'
  const hint = tracebackHint(result?.traceback)

  return (
    <section
      className={demo.demo}
      data-demo="python"
      data-program={programId}
      data-phase={live.running ? 'running' : running ? 'loading' : 'idle'}
      aria-label={`用 Python 运行：${program.title}`}
    >
      <header className={demo.header}>
        <h3 className={demo.title}>用 Python 运行：{program.title}</h3>
        <p className={demo.env}>
          <span>{pyodideRuntimeVersion}</span>
          <span>在你的浏览器里运行（WebAssembly）</span>
        </p>
      </header>
      <PythonListing
        source={source}
        edited={source !== program.source}
        editing={editing}
        disabled={running}
        changes={program.changes}
        onEdit={() => setEditing(true)}
        onChange={update}
        onReset={() => update(program.source)}
      />
      {storageRefused ? <p className={demo.note}>浏览器不让保存：你的修改只在这次打开页面时有效。</p> : null}
      {fields.length > 0 ? <KnobPanel legend="参数（直接改写上面的程序）" disabled={running} fields={fields} /> : null}
      {program.runtimeNotes.map((note) => (
        <p key={note} className={demo.note}>
          {note}
        </p>
      ))}
      <div className={demo.controls}>
        <RunButton running={running} onRun={() => void runner.run(source)}>
          用 Python 运行
        </RunButton>
        <button type="button" className={demo.stop} disabled={!running} onClick={runner.stop}>
          停止
        </button>
        <div className={demo.progress}>
          <progress max={Math.max(1, live.jobs)} value={live.spans.length} aria-label="Python 运行进度" />
          <span>{live.running ? `${live.spans.length}/${live.jobs}，${formatDuration(live.elapsedMs)}` : ''}</span>
        </div>
      </div>
      {loading ? <LoadProgress progress={runner.progress} /> : null}
      {runner.notice ? (
        <p className={knobs.error} role="alert">
          {runner.notice}
        </p>
      ) : null}
      {runner.poolStart && runner.poolStart.started > 0 ? (
        <p className={demo.note} data-testid="pool-startup">
          启动 {runner.poolStart.started} 个 Python 解释器（每个工作进程一个）用了 {formatDuration(runner.poolStart.startupMs)}
          ，已算在这次运行的总时间里；再运行一次，它们已经在等着了。
        </p>
      ) : null}
      <ResultSlot running={running}>{result ? <RunResult run={result.run} model={model} /> : null}</ResultSlot>
      {result?.traceback && program.expectedFailure ? (
        <p className={demo.note} data-testid="python-expected-failure">
          {program.expectedFailure}
        </p>
      ) : null}
      {result?.retiredHeapBytes ? (
        <p className={demo.note} data-testid="python-retired">
          这次运行让 Python 的内存涨到了 {formatBytes(result.retiredHeapBytes)}（WebAssembly
          的内存只增不减）：这个解释器已经结束，把内存还给浏览器，下次运行会重新启动一个。
        </p>
      ) : null}
      {hint ? (
        <p className={demo.note} data-testid="python-hint">
          {hint}
        </p>
      ) : null}
      <ProgramOutput output={runner.output} traceback={result?.traceback} />
      <div className={demo.charts} data-testid="demo-charts">
        <figure className={demo.chartFigure}>
          <figcaption>时间线 · {info.label}：每行是发出请求或做计算的那个任务、线程或解释器，每段是一个任务</figcaption>
          <TimelineChart
            spans={shownSpans}
            open={live.running ? live.open : []}
            lanes={lanes}
            durationMs={Math.max(duration, 1)}
            color={info.color}
            laneLabel="通道"
            title={`${info.label}的时间线`}
          />
        </figure>
        <TotalsFigure
          caption={`总用时：浏览器里的 Python、同样设置下的 JavaScript${model !== undefined ? '与模型' : ''}`}
          rows={counterpart.rows(result?.run, model)}
        />
      </div>
    </section>
  )
}
