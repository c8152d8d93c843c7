'use client'

import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDurationShort } from '@/lib/format/units'

export interface TotalsRow {
  name: string
  /** Measured in this browser, ms; absent until the strategy has run. */
  measured?: number
  /** The model's prediction, ms. */
  model?: number
  /** The article's Python figure, ms. */
  article?: number
}

/** Total time per strategy: this browser's run, the model, and the article's Python figure. */
/** Redraws only when the figures change, not on every progress tick of a run. */
export const TotalsChart = memo(function TotalsChart({ rows }: { rows: TotalsRow[] }) {
  return (
    <BarChart responsive data={rows} style={{ width: '100%', aspectRatio: 2, maxHeight: 340 }} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      <XAxis dataKey="name" tick={{ fill: 'var(--text-soft)', fontSize: 13 }} />
      <YAxis tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} width={52} />
      <Tooltip formatter={(value) => formatDurationShort(Number(value))} contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }} />
      <Legend />
      <Bar dataKey="measured" name="本次测量（浏览器）" fill="var(--chart-measured)" isAnimationActive={false} />
      {rows.some((row) => row.model !== undefined) ? <Bar dataKey="model" name="模型预测" fill="var(--chart-model)" isAnimationActive={false} /> : null}
      {rows.some((row) => row.article !== undefined) ? <Bar dataKey="article" name="原文 Python" fill="var(--chart-article)" isAnimationActive={false} /> : null}
    </BarChart>
  )
}, (before, after) => JSON.stringify(before.rows) === JSON.stringify(after.rows))
