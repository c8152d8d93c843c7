'use client'

import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Text, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts'
import { chartBoxes, chartBoxStyle } from './chart-boxes'
import { ChartNote } from './ChartNote'
import { useTotalsSeriesNames } from './totals-series'
import type { TotalsRow } from '@/lib/demos/totals'
import { formatDurationShort } from '@/lib/format/units'

/** The axes' and the legend's text size: the legend names the bars the axis names, at one size. */
const textSize = 13

/** Bars left to right in each group; the legend follows the same order (recharts sorts it by name otherwise). */
const seriesOrder = ['measured', 'native', 'model', 'article'] as const

/**
 * A measured bar shorter than this share of the tallest bar gets its value written above it: the
 * CPU demo's browser bars stand a few pixels high beside CPython's, scaled to the same work.
 */
const labelBelow = 0.15

function legendPosition(item: { dataKey?: unknown }): number {
  return seriesOrder.indexOf(item.dataKey as (typeof seriesOrder)[number])
}

export type { TotalsRow }

/**
 * A strategy's name under its bars, wrapped at spaces to the width of its group: recharts drops
 * a label that would overlap its neighbour, which on a phone left one group of bars unnamed.
 * A Chinese word stays with the word before it (a no-break space), so a name takes two lines at
 * most: "Web" / "Worker 池", not a lone "池" on a third.
 */
function StrategyTick({ x, y, payload, width, visibleTicksCount }: XAxisTickContentProps) {
  const groupWidth = Number(width) / Math.max(1, visibleTicksCount)
  const label = String(payload.value).replace(/ (?=\p{Script=Han})/gu, '\u00a0')
  return (
    <Text
      className="recharts-cartesian-axis-tick-value"
      x={x}
      y={y}
      width={groupWidth - 6}
      textAnchor="middle"
      verticalAnchor="start"
      fill="var(--text-soft)"
      fontSize={textSize}
      lineHeight={16}
    >
      {label}
    </Text>
  )
}

/**
 * Total time per strategy: this browser's run, the reader's own python3 (when imported), the model
 * and the article's Python figure.
 * Redraws only when the figures change, not on every progress tick of a run.
 */
export const TotalsChart = memo(
  function TotalsChart({ rows }: { rows: TotalsRow[] }) {
    const names = useTotalsSeriesNames()
    const has = (key: (typeof seriesOrder)[number]) => rows.some((row) => row[key] !== undefined)
    const tallest = Math.max(0, ...rows.flatMap((row) => seriesOrder.map((key) => row[key] ?? 0)))
    // Nothing to draw yet: a note in the chart's box rather than an empty 0ms…1ms axis.
    if (!seriesOrder.some(has)) return <ChartNote box={chartBoxes.totals}>还没有运行：点上方的「运行」后，这里出现各策略的总用时</ChartNote>
    return (
      <BarChart responsive data={rows} style={chartBoxStyle(chartBoxes.totals)} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        <XAxis dataKey="name" interval={0} height={40} tick={StrategyTick} />
        <YAxis tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: textSize }} width="auto" />
        <Tooltip formatter={(value) => formatDurationShort(Number(value))} contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }} />
        <Legend itemSorter={legendPosition} wrapperStyle={{ fontSize: textSize }} />
        <Bar dataKey="measured" name={names.measured} fill="var(--chart-measured)" isAnimationActive={false}>
          <LabelList
            dataKey="measured"
            position="top"
            fill="var(--text)"
            fontSize={textSize}
            formatter={(value) => (typeof value === 'number' && value < labelBelow * tallest ? formatDurationShort(value) : '')}
          />
        </Bar>
        {has('native') ? <Bar dataKey="native" name="本机 Python" fill="var(--chart-native)" isAnimationActive={false} /> : null}
        {has('model') ? <Bar dataKey="model" name={names.model} fill="var(--chart-model)" isAnimationActive={false} /> : null}
        {has('article') ? <Bar dataKey="article" name={names.article} fill="var(--chart-article)" isAnimationActive={false} /> : null}
      </BarChart>
    )
  },
  (before, after) => JSON.stringify(before.rows) === JSON.stringify(after.rows),
)
