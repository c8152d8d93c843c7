'use client'

import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { chartBoxes, chartBoxStyle } from './chart-boxes'
import type { FrameGap } from '@/lib/responsiveness/frame-meter'
import { formatDurationShort } from '@/lib/format/units'

/** The gap between animation frames over a run: a frozen page shows as one tall bar. */
export const FrameGapChart = memo(function FrameGapChart({ gaps, color }: { gaps: FrameGap[]; color: string }) {
  return (
    <BarChart responsive data={gaps} style={chartBoxStyle(chartBoxes.frameGap)} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} />
      <YAxis tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} width="auto" />
      <Tooltip
        labelFormatter={(t) => `第 ${formatDurationShort(Number(t))}`}
        formatter={(value) => [formatDurationShort(Number(value)), '帧间隔']}
        contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }}
      />
      <ReferenceLine
        y={50}
        stroke="var(--chart-error)"
        strokeDasharray="6 4"
        label={{ value: '50ms：开始感到卡顿', fill: 'var(--text-soft)', fontSize: 12, position: 'insideBottomRight' }}
      />
      <Bar dataKey="gap" fill={color} minPointSize={1} isAnimationActive={false} />
    </BarChart>
  )
})
