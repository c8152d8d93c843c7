'use client'

import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import type { InFlightPoint } from '@/lib/engine/analysis'
import { formatDurationShort } from '@/lib/format/units'

/** How many requests were in flight over time; the cap line shows where the browser stops it. */
export function InFlightChart({ points, cap, color }: { points: InFlightPoint[]; cap: number; color: string }) {
  return (
    <AreaChart responsive data={points} style={{ width: '100%', aspectRatio: 3, maxHeight: 240 }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} />
      <YAxis allowDecimals={false} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} width={40} />
      <Tooltip labelFormatter={(t) => formatDurationShort(Number(t))} formatter={(value) => [value, '进行中的请求']} contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }} />
      {Number.isFinite(cap) ? (
        <ReferenceLine y={cap} stroke="var(--chart-error)" strokeDasharray="6 4" label={{ value: `连接上限 ${cap}`, fill: 'var(--text-soft)', fontSize: 12, position: 'insideTopRight' }} />
      ) : null}
      <Area type="stepAfter" dataKey="inFlight" stroke={color} fill={color} fillOpacity={0.3} isAnimationActive={false} />
    </AreaChart>
  )
}
