// Raw spans out of the lab, for a spreadsheet (CSV) or a notebook (JSON).
import type { Run } from '@/lib/engine/types'

const csvColumns = ['run', 'strategy', 'job', 'lane', 'start_ms', 'end_ms', 'duration_ms', 'ok', 'detail'] as const

function csvCell(value: string | number | boolean): string {
  const text = String(value)
  // Quote cells with separators, quotes or line breaks; a leading = + - @ would run as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const round = (value: number) => Math.round(value * 1000) / 1000

/** One row per span, with a header; times in ms from the run's start. */
export function runsToCsv(runs: readonly Run[]): string {
  const rows = [csvColumns.join(',')]
  for (const run of runs) {
    for (const span of run.spans) {
      rows.push(
        [run.id, run.strategy, span.job, span.lane, round(span.start), round(span.end), round(span.end - span.start), span.ok, span.detail]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return `${rows.join('\r\n')}\r\n`
}

export function runsToJson(runs: readonly Run[]): string {
  return `${JSON.stringify({ format: 'concurrency-lab/runs', version: 1, runs }, null, 2)}\n`
}
