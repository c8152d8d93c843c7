import type { CSSProperties } from 'react'
import styles from './EventLoopTimeline.module.css'
import { taskColor } from './task-colors'
import type { SegmentKind, TaskSegment, TaskTimeline } from './task-timeline'

const kindText: Record<SegmentKind, string> = { queued: '排队', running: '运行', waiting: '等待 I/O' }

function segmentStyle(segment: TaskSegment, total: number, fill: string): CSSProperties {
  const position = { left: `${(segment.start / total) * 100}%`, width: `${((segment.end - segment.start) / total) * 100}%` }
  if (segment.kind === 'running') return { ...position, backgroundColor: fill }
  if (segment.kind === 'waiting') {
    return {
      ...position,
      borderColor: fill,
      backgroundImage: `repeating-linear-gradient(135deg, ${fill} 0 3px, transparent 3px 7px)`,
    }
  }
  return position
}

function describeRow(task: string, segments: readonly TaskSegment[]): string {
  const parts = segments.map((segment) => `${kindText[segment.kind]} t=${segment.start}–${segment.end}`)
  return `任务 ${task}：${parts.join('，')}`
}

/** Every tick on short runs, fewer on long ones, so the labels never collide. */
function axisTicks(total: number): number[] {
  const every = total <= 16 ? 1 : total <= 40 ? 5 : Math.ceil(total / 8)
  const ticks: number[] = []
  for (let tick = 0; tick <= total; tick += every) ticks.push(tick)
  if (ticks[ticks.length - 1] !== total) ticks.push(total)
  return ticks
}

/**
 * One row per task over simulated time: solid = the task has the loop, striped = its I/O is in
 * flight, dotted = ready but queued. The part after `clock` is dimmed: it has not happened yet.
 */
export function EventLoopTimeline({ timeline, clock }: { timeline: TaskTimeline; clock: number }) {
  const total = Math.max(timeline.totalTime, 1)
  const nowPercent = `${(Math.min(clock, total) / total) * 100}%`
  return (
    <figure className={styles.timeline} data-testid="event-loop-timeline">
      <figcaption>时间线：每个任务一行，横轴是模拟时钟（时间单位）</figcaption>
      <div className={styles.timelineGrid}>
        {timeline.tasks.map((task, position) => {
          const color = taskColor(position)
          const segments = timeline.segments.get(task) ?? []
          return (
            <div key={task} className={styles.timelineRow}>
              <span className={styles.timelineLabel} style={{ backgroundColor: color.fill, color: color.ink }}>
                {task}
              </span>
              <div className={styles.timelineTrack} role="img" aria-label={describeRow(task, segments)}>
                {segments.map((segment) => (
                  <span
                    key={`${segment.kind}-${segment.start}`}
                    className={`${styles.segment} ${styles[`segment-${segment.kind}`]}`}
                    style={segmentStyle(segment, total, color.fill)}
                  />
                ))}
                <span className={styles.timelineFuture} style={{ left: nowPercent }} aria-hidden="true" />
                <span className={styles.timelineNow} style={{ left: nowPercent }} aria-hidden="true" />
              </div>
            </div>
          )
        })}
        <div className={styles.timelineRow} aria-hidden="true">
          <span />
          <div className={styles.timelineAxis}>
            {axisTicks(total).map((tick) => (
              <span key={tick} style={{ left: `${(tick / total) * 100}%` }}>
                {tick}
              </span>
            ))}
          </div>
        </div>
      </div>
      <ul className={styles.timelineLegend} aria-label="图例">
        <li>
          <span className={`${styles.legendSwatch} ${styles['segment-running']}`} />
          运行
        </li>
        <li>
          <span className={`${styles.legendSwatch} ${styles['segment-waiting']} ${styles.legendWaiting}`} />
          等待 I/O
        </li>
        <li>
          <span className={`${styles.legendSwatch} ${styles['segment-queued']}`} />
          就绪，排队
        </li>
        <li>
          <span className={`${styles.legendSwatch} ${styles.legendNow}`} />
          当前时刻
        </li>
      </ul>
    </figure>
  )
}
