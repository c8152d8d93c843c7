'use client'

import { useRef, useState } from 'react'
import { asyncRaceDefaults, asyncRaceLimits, runAsyncCounterRace, type CounterLogEntry } from '@/lib/race/async-counter'
import { taskColorForLetter } from '../event-loop/task-colors'
import { KnobPanel } from '../KnobPanel'
import styles from './RaceDemo.module.css'
import { RaceExplanation } from './RaceExplanation'
import { RaceHistory } from './RaceHistory'
import { RaceRunResult } from './RaceRunResult'
import { RaceTally } from './RaceTally'
import { errorText, formatCount, integerKnob, raceStrategyLabels, withRecord, type RaceRecord } from './race-record'
import demo from '@/components/demos/demo.module.css'

const validateTasks = integerKnob('任务数', asyncRaceLimits.tasks)
const validateIncrements = integerKnob('每个任务的累加次数', asyncRaceLimits.incrementsPerTask)

/** Enough lines to see two rounds of interleaving with several tasks; the rest only repeats. */
const logLimit = 60

function logTaskStyle(task: string) {
  const color = taskColorForLetter(task)
  return { backgroundColor: color.fill, color: color.ink }
}

interface ShownLog {
  entries: CounterLogEntry[]
  truncated: boolean
}

export function AsyncRaceDemo() {
  const [tasks, setTasks] = useState<number>(asyncRaceDefaults.tasks)
  const [increments, setIncrements] = useState<number>(asyncRaceDefaults.incrementsPerTask)
  const [running, setRunning] = useState(false)
  const [history, setHistory] = useState<RaceRecord[]>([])
  const [log, setLog] = useState<ShownLog | null>(null)
  const serial = useRef(0)

  async function run(fixed: boolean) {
    setRunning(true)
    const base = {
      serial: ++serial.current,
      strategy: fixed ? ('locked' as const) : ('unsafe' as const),
      jobs: tasks,
      perJob: increments,
      expected: tasks * increments,
    }
    // The lib does not time the race (it is about values, not speed); the table still shows it.
    const startedAt = performance.now()
    let record: RaceRecord
    try {
      const result = await runAsyncCounterRace({ tasks, incrementsPerTask: increments, fixed, logLimit })
      record = { ...base, actual: result.actual, lost: result.lost, totalMs: performance.now() - startedAt, status: 'done' }
      setLog({ entries: result.log, truncated: result.logTruncated })
    } catch (error) {
      record = { ...base, totalMs: performance.now() - startedAt, status: 'error', error: errorText(error) }
      setLog(null)
    }
    setHistory((previous) => withRecord(previous, record))
    setRunning(false)
  }

  const latest = history[0]
  const shown = latest?.status === 'done' ? latest : undefined

  return (
    <section className={`${demo.demo} ${styles.root}`} data-demo="race" data-variant="async" aria-label="async 任务竞态条件演示">
      <header className={demo.header}>
        <h3 className={demo.title}>动手运行：几个 async 任务给同一个 counter 加一</h3>
        <p className={demo.env}>
          <span>主线程，单线程</span>
        </p>
      </header>

      <KnobPanel
        legend="参数"
        className={styles.knobs}
        disabled={running}
        fields={[
          { label: '任务数', value: tasks, ...asyncRaceLimits.tasks, validate: validateTasks, onChange: setTasks },
          { label: '每个任务的累加次数', value: increments, ...asyncRaceLimits.incrementsPerTask, validate: validateIncrements, onChange: setIncrements },
        ]}
      />

      <pre className={styles.codeSketch} aria-label="每次加一做的事">
        <code>{'const value = counter   // 读\nawait tick()            // 让出控制权\ncounter = value + 1     // 写'}</code>
      </pre>

      <div className={demo.controls}>
        <button type="button" className={demo.run} disabled={running} onClick={() => void run(false)}>
          运行（有 await 的读改写）
        </button>
        <button type="button" className={demo.run} disabled={running} onClick={() => void run(true)}>
          运行（加锁修复）
        </button>
      </div>

      <p className={styles.tallyCaption}>
        {shown
          ? `上一次：${raceStrategyLabels[shown.strategy]}，${shown.jobs} 个任务各加 ${formatCount(shown.perJob)} 次`
          : `将要运行：${tasks} 个任务各加 ${formatCount(increments)} 次`}
      </p>
      <RaceTally expected={shown?.expected ?? tasks * increments} actual={shown?.actual} lost={shown?.lost} />
      <RaceExplanation strategy={shown?.strategy} prompt="先点“运行（有 await 的读改写）”，看日志里任务们怎样交错；再点“运行（加锁修复）”对比。" />

      {latest && !running ? <RaceRunResult record={latest} jobNoun="任务" /> : null}

      {log ? (
        <figure className={styles.logFigure}>
          <figcaption>
            事件日志（前 {log.entries.length} 条{log.truncated ? '，后面的省略' : ''}）
          </figcaption>
          <ol className={styles.log} tabIndex={0} aria-label="事件日志" data-testid="race-log">
            {log.entries.map((entry, index) => (
              <li key={index} className={styles[`log-${entry.action}`]}>
                <span className={styles.logTask} data-task={entry.task} style={logTaskStyle(entry.task)}>
                  {entry.task}
                </span>
                {entry.text}
              </li>
            ))}
          </ol>
        </figure>
      ) : null}

      <RaceHistory records={history} jobNoun="任务数" />
    </section>
  )
}
