'use client'

import { TotalsChart } from '@/components/charts/lazy-charts'
import type { TotalsRow } from '@/lib/demos/totals'
import { formatDuration } from '@/lib/format/units'
import demo from './demo.module.css'

/** The totals chart with its caption, and the same figures as a table for screen readers. */
export function TotalsFigure({ caption, rows }: { caption: string; rows: TotalsRow[] }) {
  const hasModel = rows.some((row) => row.model !== undefined)
  const hasNative = rows.some((row) => row.native !== undefined)
  return (
    <figure className={demo.chartFigure}>
      <figcaption>{caption}</figcaption>
      <TotalsChart rows={rows} />
      {/* The box clips the table: a table ignores width: 1px, and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>各策略总用时</caption>
          <thead>
            <tr>
              <th>策略</th>
              <th>实测</th>
              {hasNative ? <th>本机 Python</th> : null}
              {hasModel ? <th>模型</th> : null}
              <th>原文</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <td>{row.name}</td>
                <td>{row.measured !== undefined ? formatDuration(row.measured) : '未运行'}</td>
                {hasNative ? <td>{row.native !== undefined ? formatDuration(row.native) : '—'}</td> : null}
                {hasModel ? <td>{row.model !== undefined ? formatDuration(row.model) : '—'}</td> : null}
                <td>{row.article !== undefined ? formatDuration(row.article) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
