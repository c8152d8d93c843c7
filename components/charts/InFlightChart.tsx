'use client'

import { Area, AreaChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { chartBoxes, chartBoxStyle } from './chart-boxes'
import type { IssuedAndWirePoint } from '@/lib/engine/analysis'
import { formatDurationShort } from '@/lib/format/units'

/**
 * Requests the program has issued against those really on a connection: Promise.all issues
 * every request at once, but an HTTP/1.1 browser puts at most `cap` on the wire.
 */
export function InFlightChart({ points, cap, color }: { points: IssuedAndWirePoint[]; cap: number; color: string }) {
  return (
    <AreaChart responsive data={points} style={chartBoxStyle(chartBoxes.inFlight)} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} tickFormatter={formatDurationShort} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} />
      <YAxis allowDecimals={false} tick={{ fill: 'var(--text-soft)', fontSize: 12 }} width="auto" />
      <Tooltip labelFormatter={(t) => formatDurationShort(Number(t))} contentStyle={{ background: 'var(--bg)', borderColor: 'var(--border)' }} />
      <Legend verticalAlign="top" />
      {Number.isFinite(cap) ? (
        <ReferenceLine
          y={cap}
          stroke="var(--chart-error)"
          strokeDasharray="6 4"
          label={{ value: `连接上限 ${cap}`, fill: 'var(--text-soft)', fontSize: 12, position: 'insideTopRight' }}
        />
      ) : null}
      <Area
        type="stepAfter"
        dataKey="issued"
        name="已发出（程序在等）"
        stroke="var(--chart-model)"
        fill="var(--chart-model)"
        fillOpacity={0.15}
        isAnimationActive={false}
      />
      <Area type="stepAfter" dataKey="onWire" name="在网络上" stroke={color} fill={color} fillOpacity={0.45} isAnimationActive={false} />
    </AreaChart>
  )
}
