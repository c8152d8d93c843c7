'use client'

import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { computeTicks, eventLoopScenarioIds, eventLoopScenarios, type EventLoopScenarioId } from '@/lib/event-loop/scenarios'
import { finishTimes, simulateEventLoop, type EventLoopEvent, type EventLoopState } from '@/lib/event-loop/simulate'
import styles from './EventLoopDemo.module.css'
import { EventLoopTimeline } from './EventLoopTimeline'
import { FinishTimes } from './FinishTimes'
import { taskColor, type TaskColor } from './task-colors'
import { buildTaskTimeline } from './task-timeline'
import { useFlipAnimation } from './useFlipAnimation'
import { playbackSpeeds, useStepPlayer } from './useStepPlayer'
import demo from '@/components/demos/demo.module.css'
import knobs from '@/components/demos/knobs.module.css'

const eventLabels: Record<EventLoopEvent, string> = {
  start: '启动',
  run: '取出运行',
  await: 'await',
  yield: '让出',
  arrive: '响应到达',
  'io-done': 'I/O 完成',
  idle: '空闲等待',
  finish: '任务结束',
  end: '全部完成',
}

interface Simulation {
  states: EventLoopState[]
  colors: Map<string, TaskColor>
  timeline: ReturnType<typeof buildTaskTimeline>
  finished: Map<string, number>
}

function simulate(scenario: EventLoopScenarioId): Simulation {
  const states = simulateEventLoop(eventLoopScenarios[scenario].config)
  const timeline = buildTaskTimeline(states)
  return { states, timeline, finished: finishTimes(states), colors: new Map(timeline.tasks.map((task, position) => [task, taskColor(position)])) }
}

/** The scenario each computing scenario is compared with: the other way of writing the same task. */
const comparedWith: Partial<Record<EventLoopScenarioId, EventLoopScenarioId>> = { blocking: 'yielding', yielding: 'blocking' }
const comparedLabels: Partial<Record<EventLoopScenarioId, string>> = { blocking: '若分段让出', yielding: '若不让出' }

interface TaskChipProps {
  task: string
  color: TaskColor | undefined
  /** The task the current event is about. */
  current: boolean
  note?: ReactNode
}

function TaskChip({ task, color, current, note }: TaskChipProps) {
  return (
    <li className={`${styles.chipItem}${current ? ` ${styles.chipCurrent}` : ''}`} data-flip-id={task} data-task={task}>
      <span className={styles.chip} style={color ? { backgroundColor: color.fill, color: color.ink } : undefined}>
        {task}
      </span>
      {note ? <span className={styles.chipNote}>{note}</span> : null}
    </li>
  )
}

function Box({
  title,
  english,
  testId,
  empty,
  children,
  wide,
  blocked,
}: {
  title: string
  english: string
  testId: string
  empty: string
  children: ReactNode[]
  wide?: boolean
  /** The task in it holds the loop while responses wait. */
  blocked?: boolean
}) {
  return (
    <div
      className={`${styles.box}${wide ? ` ${styles.boxWide}` : ''}${blocked ? ` ${styles.boxBlocked}` : ''}`}
      data-testid={testId}
      data-blocked={blocked || undefined}
    >
      <h4 className={styles.boxTitle}>
        {title} <span className={styles.boxEnglish}>{english}</span>
      </h4>
      {children.length > 0 ? <ol className={styles.chips}>{children}</ol> : <p className={styles.boxEmpty}>{empty}</p>}
    </div>
  )
}

/** The article's simplified event loop, one state at a time: tasks move between ready, running and waiting. */
export function EventLoopDemo({ scenario: initialScenario = 'downloads' }: { scenario?: EventLoopScenarioId }) {
  const [scenario, setScenario] = useState(initialScenario)
  const simulation = useMemo(() => simulate(scenario), [scenario])
  const compared = comparedWith[scenario]
  const comparedFinished = useMemo(() => (compared ? finishTimes(simulateEventLoop(eventLoopScenarios[compared].config)) : null), [compared])
  const { states, colors, timeline, finished } = simulation
  const computeTask = eventLoopScenarios[scenario].computeTask ?? ''
  const player = useStepPlayer(states.length)
  const state = states[player.index] ?? states[0]!
  // A task holds the loop while a response it cannot hand over has already arrived.
  const blocked = state.running !== null && state.waiting.some((entry) => entry.readyAt <= state.clock)
  const chooseScenario = (next: EventLoopScenarioId) => {
    setScenario(next)
    player.first()
  }
  const root = useRef<HTMLElement>(null)
  const board = useRef<HTMLDivElement>(null)
  // The glide finishes before the next step arrives, even at 2×.
  useFlipAnimation(board, player.index, Math.min(450, player.stepDurationMs * 0.6))

  const atFirst = player.index === 0
  const atLast = player.index === player.last
  const chip = (task: string, note?: ReactNode) => <TaskChip key={task} task={task} color={colors.get(task)} current={state.task === task} note={note} />

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const onRoot = event.target === event.currentTarget
    if (event.key === ' ') {
      // On a button, Space presses that button, as everywhere else.
      if (!onRoot) return
      player.togglePlaying()
    } else if (event.key === 'ArrowRight') player.next()
    else if (event.key === 'ArrowLeft') player.previous()
    else if (event.key === 'Home') player.first()
    else if (event.key === 'End') player.end()
    else return
    event.preventDefault()
  }

  return (
    <section
      ref={root}
      className={`${demo.demo} ${styles.root}`}
      data-demo="event-loop"
      data-scenario={scenario}
      data-blocked={blocked}
      data-step={player.index + 1}
      data-total-steps={states.length}
      data-event={state.event}
      data-event-task={state.task ?? undefined}
      data-playing={player.playing}
      tabIndex={0}
      aria-label="事件循环逐步演示。空格键播放或暂停，左右方向键后退或前进一步"
      aria-keyshortcuts="Space ArrowLeft ArrowRight Home End"
      onKeyDown={onKeyDown}
    >
      <header className={demo.header}>
        <h3 className={demo.title}>逐步看：简化的事件循环</h3>
        <p className={demo.env}>
          <span className={styles.clock} data-testid="event-loop-clock">
            时钟 t = {state.clock}
          </span>
          <span data-testid="step-counter">
            第 {player.index + 1} / {states.length} 步
          </span>
        </p>
      </header>

      <div className={styles.scenarios} role="group" aria-label="场景">
        <span className={styles.scenarioLabel} aria-hidden="true">
          场景
        </span>
        <div className={knobs.presets}>
          {eventLoopScenarioIds.map((id) => (
            <button key={id} type="button" aria-pressed={scenario === id} onClick={() => chooseScenario(id)}>
              {eventLoopScenarios[id].label}
            </button>
          ))}
        </div>
      </div>
      <p className={styles.scenarioNote} data-testid="scenario-note">
        {eventLoopScenarios[scenario].description}
      </p>

      <div ref={board} className={styles.board}>
        <Box title="就绪列表" english="ready" testId="ready-list" empty="（空）">
          {state.ready.map((task, position) => chip(task, position === 0 ? '队首' : undefined))}
        </Box>
        <Box
          title="正在运行"
          english="running"
          testId="running-slot"
          empty={state.event === 'idle' ? '（没有任务：事件循环在等 I/O）' : '（控制权在事件循环手里）'}
          blocked={blocked}
        >
          {state.running ? [chip(state.running, blocked ? '计算中，不 await' : undefined)] : []}
        </Box>
        <Box title="等待列表" english="waiting" testId="waiting-list" empty="（空）">
          {state.waiting.map((entry) =>
            chip(entry.id, entry.readyAt > state.clock ? `t=${entry.readyAt} 到达` : blocked ? `t=${entry.readyAt} 已到达，干等` : `t=${entry.readyAt} 已到达`),
          )}
        </Box>
        <Box title="已完成" english="done" testId="done-list" empty="（还没有）" wide>
          {state.done.map((task) => chip(task))}
        </Box>
      </div>

      <p className={styles.explanation} aria-live="polite" data-testid="event-loop-explanation">
        <span className={styles.eventBadge}>{eventLabels[state.event]}</span>
        {state.explanation}
      </p>

      <div className={demo.controls}>
        <button type="button" className={`${demo.outlined} ${styles.stepButton}`} aria-disabled={atFirst} onClick={player.previous}>
          ← 上一步
        </button>
        <button type="button" className={`${demo.outlined} ${styles.stepButton}`} aria-disabled={atLast} onClick={player.next}>
          下一步 →
        </button>
        <button type="button" className={`${demo.run} ${styles.playButton}`} onClick={player.togglePlaying}>
          {player.playing ? '暂停' : atLast ? '从头播放' : '播放'}
        </button>
        <div className={knobs.presets} role="group" aria-label="播放速度">
          {playbackSpeeds.map((speed) => (
            <button key={speed} type="button" aria-pressed={player.speed === speed} onClick={() => player.setSpeed(speed)}>
              {speed}×
            </button>
          ))}
        </div>
        <button type="button" className={`${demo.outlined} ${styles.stepButton}`} aria-disabled={atFirst && !player.playing} onClick={player.first}>
          重置
        </button>
      </div>
      <p className={styles.keyboardHint}>键盘：先点一下演示区域，空格键播放或暂停，← → 单步，Home / End 跳到首尾。</p>

      <EventLoopTimeline timeline={timeline} clock={state.clock} />
      <dl className={styles.totals} data-testid="event-loop-totals">
        <div>
          <dt>总用时</dt>
          <dd data-testid="total-time">{timeline.totalTime}</dd>
        </div>
        <div>
          <dt>最长的一次等待（任务 {timeline.longestWait.task}）</dt>
          <dd>{timeline.longestWait.ticks}</dd>
        </div>
        <div>
          <dt>各次等待之和</dt>
          <dd data-testid="wait-sum">{timeline.waitSum}</dd>
        </div>
      </dl>
      <p className={styles.totalsNote} data-testid="totals-note">
        {scenario === 'downloads' ? (
          <>
            等待是重叠进行的：总用时 {timeline.totalTime} 个时间单位，只比最长的一次等待（{timeline.longestWait.ticks}
            ）多出几次短暂的运行和排队，远小于各次等待之和 {timeline.waitSum}。若一个接一个地顺序执行，要 {timeline.waitSum + timeline.runSum} 个时间单位。
          </>
        ) : scenario === 'blocking' ? (
          <>
            任务 {computeTask} 计算的 {computeTicks}{' '}
            个时间单位里，事件循环一直被它占着：四个下载的响应都在这期间到达，却要等它算完才被处理，所以每个下载都晚完成了（见下表）。
          </>
        ) : (
          <>
            计算量不变，总用时还是 {timeline.totalTime} 个时间单位；但任务 {computeTask}{' '}
            每算一步就让出一次，响应一到，下载任务就能在两段计算之间接着运行，每个下载都早早完成。
          </>
        )}
      </p>
      {compared && comparedFinished ? (
        <FinishTimes
          tasks={timeline.tasks}
          finished={finished}
          compared={comparedFinished}
          comparedLabel={comparedLabels[scenario] ?? ''}
          computeTask={computeTask}
        />
      ) : null}
    </section>
  )
}
