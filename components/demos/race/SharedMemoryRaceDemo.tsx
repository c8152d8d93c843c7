'use client'

import { useEffect, useRef, useState } from 'react'
import { raceWorkerFactory } from '@/lib/race/create-race-worker'
import { runSharedMemoryRace, sharedMemoryAvailable, sharedRaceDefaults, sharedRaceLimits } from '@/lib/race/run-shared-memory-race'
import type { RaceMode } from '@/lib/race/shared-memory'
import { KnobPanel } from '../KnobPanel'
import styles from './RaceDemo.module.css'
import { RaceExplanation } from './RaceExplanation'
import { RaceHistory } from './RaceHistory'
import { RaceRunResult } from './RaceRunResult'
import { RaceTally } from './RaceTally'
import { errorText, formatCount, integerKnob, raceStrategyLabels, withRecord, type RaceRecord } from './race-record'
import demo from '@/components/demos/demo.module.css'

const validateWorkers = integerKnob('Worker 数', sharedRaceLimits.workers)
const validateTimes = integerKnob('每个 Worker 的累加次数', sharedRaceLimits.times)

/** Shown instead of the run buttons' effect when the document is not cross-origin isolated. */
function IsolationNote() {
  return (
    <div className={styles.isolationNote} role="note" data-testid="isolation-note">
      <p>
        <strong>这个演示暂时用不了：</strong>它要用 <code>SharedArrayBuffer</code>{' '}
        {'让几个 Worker 共享同一块内存，而浏览器只在“跨源隔离”（cross-origin isolated）的页面里提供它。' +
          '本页的服务器会发送所需的两个响应头，但你是在站内点链接过来的，浏览器沿用了之前那个没有隔离的页面环境。' +
          '重新加载一次本页即可启用。'}
      </p>
      <button type="button" className={demo.run} onClick={reloadAtThisDemo}>
        重新加载本页以启用
      </button>
      <p className={styles.isolationHint}>如果重新加载后仍看到这条提示，说明服务器没有发送这两个响应头。async 版的竞态演示不需要共享内存，可以照常运行。</p>
    </div>
  )
}

/** Reloads the page and comes back to this demo, not to the top of the chapter. */
function reloadAtThisDemo(event: { currentTarget: HTMLElement }) {
  const slot = event.currentTarget.closest('[data-demo-slot]')
  if (slot?.id) window.location.hash = slot.id
  window.location.reload()
}

export function SharedMemoryRaceDemo() {
  const [isolated] = useState(sharedMemoryAvailable)
  const [workers, setWorkers] = useState<number>(sharedRaceDefaults.workers)
  const [times, setTimes] = useState<number>(sharedRaceDefaults.times)
  const [runningMode, setRunningMode] = useState<RaceMode | null>(null)
  const [history, setHistory] = useState<RaceRecord[]>([])
  const controller = useRef<AbortController | null>(null)
  const serial = useRef(0)

  // Leaving the page (or the demo) terminates the workers: nothing keeps a core busy.
  useEffect(() => () => controller.current?.abort(), [])

  async function run(mode: RaceMode) {
    controller.current?.abort()
    const current = new AbortController()
    controller.current = current
    setRunningMode(mode)
    const base = { serial: ++serial.current, strategy: mode, jobs: workers, perJob: times, expected: workers * times }
    // Only for a stopped or failed run: a finished one reports its own elapsed time.
    const startedAt = performance.now()
    let record: RaceRecord
    try {
      const result = await runSharedMemoryRace({
        workers,
        times,
        mode,
        createWorker: raceWorkerFactory,
        signal: current.signal,
      })
      record = { ...base, expected: result.expected, actual: result.actual, lost: result.lost, totalMs: result.elapsedMs, status: 'done' }
    } catch (error) {
      const cancelled = current.signal.aborted
      record = {
        ...base,
        totalMs: performance.now() - startedAt,
        status: cancelled ? 'cancelled' : 'error',
        ...(cancelled ? {} : { error: errorText(error) }),
      }
    }
    if (controller.current === current) controller.current = null
    setHistory((previous) => withRecord(previous, record))
    setRunningMode(null)
  }

  const running = runningMode !== null
  const latest = history[0]
  const shown = latest?.status === 'done' ? latest : undefined

  return (
    <section className={`${demo.demo} ${styles.root}`} data-demo="race" data-variant="shared-memory" aria-label="共享内存竞态条件演示">
      <header className={demo.header}>
        <h3 className={demo.title}>动手运行：几个 Worker 同时给一个共享计数器加一</h3>
        <p className={demo.env}>
          <span data-testid="isolation-status">{isolated ? '已跨源隔离' : '未跨源隔离'}</span>
        </p>
      </header>

      {isolated ? null : <IsolationNote />}

      <KnobPanel
        legend="参数"
        className={styles.knobs}
        disabled={running || !isolated}
        fields={[
          { label: 'Worker 数', value: workers, ...sharedRaceLimits.workers, validate: validateWorkers, onChange: setWorkers },
          {
            label: '每个 Worker 的累加次数',
            value: times,
            ...sharedRaceLimits.times,
            step: 100_000,
            hint: '次数太少时 Worker 来不及重叠',
            validate: validateTimes,
            onChange: setTimes,
          },
        ]}
      />

      <div className={demo.controls}>
        <button type="button" className={demo.run} disabled={running || !isolated} onClick={() => void run('plain')}>
          运行（不加锁）
        </button>
        <button type="button" className={demo.run} disabled={running || !isolated} onClick={() => void run('atomic')}>
          运行（Atomics.add）
        </button>
        <button type="button" className={demo.stop} disabled={!running} onClick={() => controller.current?.abort()}>
          停止
        </button>
        {running ? (
          <span className={styles.runningNote}>
            <progress aria-label="运行进度" />
            {workers} 个 Worker 正在累加（{raceStrategyLabels[runningMode]}）……
          </span>
        ) : null}
      </div>

      <p className={styles.tallyCaption}>
        {shown
          ? `上一次：${raceStrategyLabels[shown.strategy]}，${shown.jobs} 个 Worker 各加 ${formatCount(shown.perJob)} 次`
          : `将要运行：${workers} 个 Worker 各加 ${formatCount(times)} 次`}
      </p>
      <RaceTally expected={shown?.expected ?? workers * times} actual={shown?.actual} lost={shown?.lost} />
      {isolated ? <RaceExplanation strategy={shown?.strategy} prompt="先点“运行（不加锁）”，再点“运行（Atomics.add）”，对比两次的实得与丢失。" /> : null}

      {latest && !running ? <RaceRunResult record={latest} jobNoun=" Worker " /> : null}
      <RaceHistory records={history} jobNoun="Worker 数" />
    </section>
  )
}
