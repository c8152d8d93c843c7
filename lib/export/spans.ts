// Raw spans out of the lab, for a spreadsheet (CSV) or a notebook (JSON).
import type { Run, Span } from '@/lib/engine/types'
import { describeRunSettings, runTitle } from '@/lib/lab/run-description'

/** The lab's JSON export: its format name and version (2: spans with wire times, failures and values; typed params). */
export const runsExportFormat = 'concurrency-lab/runs'
export const runsExportVersion = 2

/** The CSV's columns, each with what it means in Chinese (shown beside the export buttons). */
export const csvColumnNotes: ReadonlyArray<readonly [string, string]> = [
  ['run_name', '运行名称：演示、策略和总用时'],
  ['settings', '这次运行的设置'],
  ['run', '运行编号'],
  ['workload', 'io（下载）或 cpu（计算）'],
  ['strategy', '策略'],
  ['job', '任务编号，从 0 起；每次运行的行按它排序'],
  ['lane', '执行它的通道：池槽位、Worker 或连接'],
  ['start_ms / end_ms / duration_ms', '任务开始、结束和用时，从运行开始算起的毫秒数'],
  ['wire_start_ms / wire_end_ms', '请求真正上线和响应收完的时刻（浏览器报告时才有）'],
  ['queued_ms', '请求排队等空闲连接的时间'],
  ['ok / failure / detail', '是否成功、失败原因和结果说明'],
]

const csvColumns = [
  'run_name',
  'settings',
  'run',
  'workload',
  'strategy',
  'job',
  'lane',
  'start_ms',
  'end_ms',
  'duration_ms',
  'wire_start_ms',
  'wire_end_ms',
  'queued_ms',
  'ok',
  'failure',
  'detail',
] as const

function csvCell(value: string | number | boolean): string {
  const text = String(value)
  // Quote cells with separators, quotes or line breaks; a leading = + - @ would run as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const round = (value: number) => Math.round(value * 1000) / 1000

/** Empty where the browser did not say when the request went out on a connection. */
function wireCells(span: Span): [number | string, number | string, number | string] {
  if (span.wireStart === undefined) return ['', '', '']
  return [round(span.wireStart), span.wireEnd === undefined ? '' : round(span.wireEnd), round(span.wireStart - span.start)]
}

function failureCell(span: Span): string {
  if (span.ok || !span.failure) return ''
  return span.failure.status === undefined ? span.failure.kind : `${span.failure.kind} ${span.failure.status}`
}

/**
 * One row per span, by job number within each run, with a header; times in ms from the run's start. queued_ms is how long a
 * download waited for a free connection before it went out (wire_start_ms − start_ms).
 */
export function runsToCsv(runs: readonly Run[]): string {
  const rows = [csvColumns.join(',')]
  for (const run of runs) {
    const name = runTitle(run)
    const settings = describeRunSettings(run)
    for (const span of [...run.spans].sort((a, b) => a.job - b.job)) {
      rows.push(
        [
          name,
          settings,
          run.id,
          run.workload,
          run.strategy,
          span.job,
          span.lane,
          round(span.start),
          round(span.end),
          round(span.end - span.start),
          ...wireCells(span),
          span.ok,
          failureCell(span),
          span.detail,
        ]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return `${rows.join('\r\n')}\r\n`
}

export function runsToJson(runs: readonly Run[]): string {
  return `${JSON.stringify({ format: runsExportFormat, version: runsExportVersion, runs }, null, 2)}\n`
}
