'use client'

import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Text, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts'
import { chartBoxes, chartBoxStyle } from './chart-boxes'
import type { TotalsRow } from '@/lib/demos/totals'
import { formatDurationShort } from '@/lib/format/units'

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
      fontSize={13}
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
    return (
      <BarChart responsive data={rows} style={chartBoxStyle(chartBoxes.totals)} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
        <XAxis dataKey="name" interval={0} height={40} tick={StrategyTick} />
        <YAxis tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} width="auto" />
        <Tooltip formatter={(value) => formatDurationShort(Number(value))} contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }} />
        <Legend />
        <Bar dataKey="measured" name="本次测量（浏览器）" fill="var(--chart-measured)" isAnimationActive={false} />
        {rows.some((row) => row.native !== undefined) ? <Bar dataKey="native" name="本机 Python" fill="var(--chart-native)" isAnimationActive={false} /> : null}
        {rows.some((row) => row.model !== undefined) ? <Bar dataKey="model" name="模型预测" fill="var(--chart-model)" isAnimationActive={false} /> : null}
        {rows.some((row) => row.article !== undefined) ? (
          <Bar dataKey="article" name="原文 Python" fill="var(--chart-article)" isAnimationActive={false} />
        ) : null}
      </BarChart>
    )
  },
  (before, after) => JSON.stringify(before.rows) === JSON.stringify(after.rows),
)
