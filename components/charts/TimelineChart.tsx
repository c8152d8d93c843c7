'use client'

import { memo, useLayoutEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { Span } from '@/lib/engine/types'
import { formatDurationShort } from '@/lib/format/units'
import styles from './TimelineChart.module.css'

export interface OpenSpan {
  job: number
  lane: number
  start: number
}

interface TimelineProps {
  spans: readonly Span[]
  /** Jobs started but not finished yet (drawn up to `now`). */
  open?: readonly OpenSpan[]
  lanes: number
  /** The time the x axis ends at: the run's total, or the live clock while running. */
  durationMs: number
  color: string
  laneLabel: string
  title: string
}

/** The drawing's width in its own units when the chart is at least this wide (it scales up beyond). */
const fullWidth = 720
/** Narrower than this, the drawing scales down rather than squeeze its axis labels together. */
const narrowestWidth = 280
const left = 44
const right = 12
const top = 8
const axisHeight = 26

function niceStep(duration: number): number {
  const rough = duration / 6
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)))
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? power * 10
}

/** A measured width as drawing units: at most fullWidth (wider, it scales up), at least narrowestWidth. */
function drawingWidthFor(measured: number): number {
  return Math.round(Math.max(narrowestWidth, Math.min(fullWidth, measured)))
}

/**
 * The drawing's width: the chart's own width on screen, up to fullWidth. A fixed 720-unit drawing
 * shrunk onto a phone drew its labels at 5 px and its rows at 8; drawn at the real width, text
 * and rows keep their size and the bars get shorter instead.
 *
 * Observed from the commit: the first report comes in the frame that first lays the chart out,
 * before it is painted. A drawing is then re-rendered at once, so a phone never sees it at the
 * wrong size; the note shown before any run is plain text in a box sized by CSS, right at any
 * width, so it takes the width in a later task and that frame stays short (the lab's first frame
 * carried the demo's layout, its pending effects and this chart's second render).
 */
function useDrawingWidth(drawing: boolean) {
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState<number | null>(null)
  const drawingShown = useRef(drawing)
  useLayoutEffect(() => {
    drawingShown.current = drawing
  })
  useLayoutEffect(() => {
    const element = box.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => {
      const measured = entry?.contentRect.width ?? 0
      if (measured <= 0) return
      const apply = () => setWidth(drawingWidthFor(measured))
      if (drawingShown.current) flushSync(apply)
      else apply()
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { box, width }
}

/**
 * One row per lane (pool slot, worker, connection), one bar per job: the live form of the
 * article's threading and asyncio diagrams. Plain SVG: recharts has no Gantt primitive, and
 * hundreds of rects drawn directly stay cheap while spans stream in.
 */
export const TimelineChart = memo(function TimelineChart({ spans, open = [], lanes, durationMs, color, laneLabel, title }: TimelineProps) {
  // Before anything has run there is no time to draw: a note in the drawing's place instead of a
  // "0ms … 1ms" axis, in a box of the drawing's size, so the page does not move when the run begins.
  const empty = spans.length === 0 && open.length === 0 && durationMs <= 1
  const { box, width: measuredWidth } = useDrawingWidth(!empty)
  const width = measuredWidth ?? fullWidth
  const rowCount = Math.max(1, lanes)
  const rowHeight = rowCount <= 12 ? 20 : Math.max(2, Math.floor(300 / rowCount))
  const gap = rowHeight >= 10 ? 3 : rowHeight >= 4 ? 1 : 0
  const plotHeight = rowCount * rowHeight
  const height = top + plotHeight + axisHeight
  const duration = Math.max(durationMs, 1)
  const x = (t: number) => left + (Math.min(t, duration) / duration) * (width - left - right)
  const step = niceStep(duration)
  const ticks: number[] = []
  for (let t = 0; t <= duration + 1e-9; t += step) ticks.push(t)
  const labelEvery = Math.ceil(rowCount / 12)
  // The drawing's box when empty: its width over its height, and (until measured) at least its
  // height, which it has at every width from narrowestWidth to fullWidth.
  const emptyBox = { aspectRatio: `${width} / ${height}`, minHeight: measuredWidth === null ? height : undefined }
  // One wrapper for the note and the drawing: the width is observed on it, and it stays when a run begins.
  return (
    <div ref={box}>
      {empty ? (
        <div className={`${styles.chart} ${styles.empty}`} style={emptyBox} role="img" aria-label={`${title}：还没有运行`} data-testid="timeline-chart">
          <p className={styles.label} data-testid="timeline-empty">
            还没有运行：点「运行」后，这里画出每个任务
          </p>
        </div>
      ) : (
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className={styles.chart}
          role="img"
          aria-label={`${title}：${rowCount} 条${laneLabel}，${spans.length} 个任务已完成，用时 ${formatDurationShort(durationMs)}`}
          data-testid="timeline-chart"
        >
          {Array.from({ length: rowCount }, (_, lane) =>
            lane % labelEvery === 0 ? (
              <text key={lane} x={left - 6} y={top + lane * rowHeight + rowHeight / 2} className={styles.label} textAnchor="end" dominantBaseline="central">
                {lane + 1}
              </text>
            ) : null,
          )}
          {ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={top} y2={top + plotHeight} className={styles.grid} />
              <text x={x(t)} y={top + plotHeight + 17} className={styles.label} textAnchor="middle">
                {formatDurationShort(t)}
              </text>
            </g>
          ))}
          {spans.map((span) => {
            // The part before wireStart is time spent waiting for a free connection: drawn faint.
            const wire = span.wireStart !== undefined && span.wireStart - span.start > 1 ? span.wireStart : span.start
            const y = top + span.lane * rowHeight + gap / 2
            const barHeight = Math.max(1, rowHeight - gap)
            return (
              <g key={span.job}>
                {wire > span.start ? (
                  <rect
                    x={x(span.start)}
                    y={y}
                    width={Math.max(1, x(wire) - x(span.start))}
                    height={barHeight}
                    fill={color}
                    opacity={0.22}
                    data-part="queued"
                  />
                ) : null}
                <rect
                  x={x(wire)}
                  y={y}
                  width={Math.max(1, x(span.end) - x(wire) - (rowHeight >= 10 ? 1 : 0))}
                  height={barHeight}
                  fill={span.ok ? color : 'var(--chart-error)'}
                  rx={rowHeight >= 10 ? 2 : 0}
                  data-part="span"
                >
                  <title>{`#${span.job + 1}：${formatDurationShort(span.start)} → ${formatDurationShort(span.end)}${wire > span.start ? `（排队等连接 ${formatDurationShort(wire - span.start)}）` : ''}，${span.detail}`}</title>
                </rect>
              </g>
            )
          })}
          {open.map((job) => (
            <rect
              key={`open-${job.job}`}
              x={x(job.start)}
              y={top + job.lane * rowHeight + gap / 2}
              width={Math.max(1, x(duration) - x(job.start))}
              height={Math.max(1, rowHeight - gap)}
              fill={color}
              opacity={0.35}
            />
          ))}
        </svg>
      )}
    </div>
  )
})
