import { formatDuration } from '@/lib/format/units'
import { formatCount, raceStrategyLabels, type RaceRecord } from './race-record'
import demo from '@/components/demos/demo.module.css'

const statusText = { done: '完成', cancelled: '已停止', error: '出错' } as const

/** The test contract's result element (DESIGN.md), plus what a race is about: expected vs actual. */
export function RaceRunResult({ record, jobNoun }: { record: RaceRecord; jobNoun: string }) {
  const finished = record.status === 'done' && record.actual !== undefined && record.lost !== undefined
  return (
    <p
      className={`${demo.result} ${demo[record.status]}`}
      data-testid="run-result"
      data-strategy={record.strategy}
      data-jobs={record.jobs}
      data-total-ms={Math.round(record.totalMs * 10) / 10}
      data-status={record.status}
      data-expected={record.expected}
      data-actual={finished ? record.actual : undefined}
      data-lost={finished ? record.lost : undefined}
      data-run-serial={record.serial}
      role="status"
    >
      <strong>{raceStrategyLabels[record.strategy]}</strong>：{statusText[record.status]}，{record.jobs} 个{jobNoun}用时{' '}
      <strong>{formatDuration(record.totalMs)}</strong>
      {finished ? (record.lost === 0 ? `，结果正好是 ${formatCount(record.expected)}` : `，丢失 ${formatCount(record.lost ?? 0)} 次更新`) : ''}
      {record.error ? `。错误：${record.error}` : ''}
    </p>
  )
}
