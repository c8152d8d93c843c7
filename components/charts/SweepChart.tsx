'use client'

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { chartBoxes, chartBoxStyle } from './chart-boxes'
import { formatDurationShort } from '@/lib/format/units'

export interface SweepPoint {
  poolSize: number
  measured?: number
  model: number
}

/** Total time against pool size: where more slots stop helping, and why. */
export function SweepChart({ points, cap }: { points: SweepPoint[]; cap: number }) {
  return (
    <LineChart responsive data={points} style={chartBoxStyle(chartBoxes.sweep)} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      <XAxis
        dataKey="poolSize"
        type="number"
        domain={[1, 'dataMax']}
        tick={{ fill: 'var(--text-soft)', fontSize: 12 }}
        label={{ value: '并发数（池大小）', position: 'insideBottom', offset: -4, fill: 'var(--text-soft)', fontSize: 12 }}
      />
      <YAxis tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} width="auto" />
      <Tooltip
        labelFormatter={(size) => `池大小 ${size}`}
        formatter={(value) => formatDurationShort(Number(value))}
        contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }}
      />
      <Legend verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
      {Number.isFinite(cap) ? (
        <ReferenceLine
          x={cap}
          stroke="var(--chart-error)"
          strokeDasharray="6 4"
          label={{ value: `浏览器连接上限 ${cap}`, fill: 'var(--text-soft)', fontSize: 12, position: 'insideTopLeft' }}
        />
      ) : null}
      <Line dataKey="model" name="模型预测" stroke="var(--chart-model)" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
      <Line dataKey="measured" name="本次测量" stroke="var(--chart-measured)" strokeWidth={2} connectNulls isAnimationActive={false} />
    </LineChart>
  )
}
