'use client'

import { useId, type CSSProperties } from 'react'
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { chartBoxes, chartBoxStyle } from './chart-boxes'
import { inFlightScales, integerTicks } from './in-flight-scales'
import type { IssuedAndWirePoint } from '@/lib/engine/analysis'
import { formatDurationShort } from '@/lib/format/units'
import styles from './InFlightChart.module.css'

const tick = { fill: 'var(--text-soft)', fontSize: 12 }
const tooltipStyle = { background: 'var(--bg)', borderColor: 'var(--border)' }
const issuedName = '已发出（程序在等）'
const wireName = '在网络上'

/** Both panels' y axes take the same width, so their time axes line up. */
const yAxisWidth = 48

function LegendRow({ color, split, issuedMax, wireMax }: { color: string; split: boolean; issuedMax: number; wireMax: number }) {
  return (
    <ul className={styles.legend} aria-hidden="true" data-testid="in-flight-legend">
      <li>
        <span className={styles.swatch} style={{ background: 'var(--chart-model)', opacity: 0.5 }} />
        {split ? `${issuedName}：上图，0–${issuedMax}` : issuedName}
      </li>
      <li>
        <span className={styles.swatch} style={{ background: color }} />
        {split ? `${wireName}：下图，纵轴放大到 0–${wireMax}` : wireName}
      </li>
    </ul>
  )
}

/**
 * Requests the program has issued against those really on a connection: Promise.all issues
 * every request at once, but an HTTP/1.1 browser puts at most `cap` on the wire.
 */
export function InFlightChart({ points, cap, color }: { points: IssuedAndWirePoint[]; cap: number; color: string }) {
  const syncId = useId()
  const capped = Number.isFinite(cap)
  const { split, issuedMax, wireMax } = inFlightScales(points, cap)
  const xAxis = (hide: boolean) => (
    <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} tickFormatter={formatDurationShort} tick={tick} hide={hide} height={hide ? 0 : 24} />
  )
  const tooltip = <Tooltip labelFormatter={(t) => formatDurationShort(Number(t))} contentStyle={tooltipStyle} />
  const issuedArea = (
    <Area
      type="stepAfter"
      dataKey="issued"
      name={issuedName}
      stroke="var(--chart-model)"
      fill="var(--chart-model)"
      fillOpacity={0.15}
      isAnimationActive={false}
    />
  )
  const fill: CSSProperties = { width: '100%', height: '100%' }
  const wirePanel = (
    <AreaChart responsive data={points} syncId={syncId} style={fill} margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
      <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
      {xAxis(false)}
      <YAxis allowDecimals={false} domain={[0, wireMax]} ticks={integerTicks(wireMax)} tick={tick} width={yAxisWidth} />
      {tooltip}
      {capped ? (
        <ReferenceLine
          y={cap}
          stroke="var(--chart-error)"
          strokeDasharray="6 4"
          label={{ value: `连接上限 ${cap}`, fill: 'var(--text-soft)', fontSize: 12, position: 'insideBottomRight' }}
        />
      ) : null}
      {split ? null : issuedArea}
      <Area type="stepAfter" dataKey="onWire" name={wireName} stroke={color} fill={color} fillOpacity={0.45} isAnimationActive={false} />
    </AreaChart>
  )
  return (
    <div className="in-flight-chart" style={{ ...chartBoxStyle(chartBoxes.inFlight), display: 'flex', flexDirection: 'column' }} data-split={split}>
      <LegendRow color={color} split={split} issuedMax={issuedMax} wireMax={wireMax} />
      {split ? (
        <div style={{ flex: '2 1 0', minHeight: 0 }} data-testid="in-flight-issued-panel">
          <AreaChart responsive data={points} syncId={syncId} style={fill} margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--chart-grid)" />
            {xAxis(true)}
            <YAxis allowDecimals={false} domain={[0, issuedMax]} ticks={[0, Math.round(issuedMax / 2), issuedMax]} tick={tick} width={yAxisWidth} />
            {tooltip}
            {issuedArea}
          </AreaChart>
        </div>
      ) : null}
      <div style={{ flex: '3 1 0', minHeight: 0 }} data-testid="in-flight-wire-panel">
        {wirePanel}
      </div>
    </div>
  )
}
