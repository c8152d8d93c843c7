import { formatDuration } from '@/lib/format/units'
import styles from './RaceDemo.module.css'
import { formatCount, raceStrategyLabels, type RaceRecord } from './race-record'

const statusText = { cancelled: '已停止', error: '出错' } as const

/** The last few runs, so plain and atomic (or unsafe and locked) can be compared at a glance. */
export function RaceHistory({ records, jobNoun }: { records: readonly RaceRecord[]; jobNoun: string }) {
  if (records.length === 0) return null
  return (
    <div className={styles.historyScroll}>
      <table className={styles.history} data-testid="race-history">
        <caption>最近几次运行（新的在上）</caption>
        <thead>
          <tr>
            <th scope="col">方式</th>
            <th scope="col">{jobNoun}</th>
            <th scope="col">应得</th>
            <th scope="col">实得</th>
            <th scope="col">丢失</th>
            <th scope="col">用时</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.serial}>
              <th scope="row">{raceStrategyLabels[record.strategy]}</th>
              <td>{record.jobs}</td>
              <td>{formatCount(record.expected)}</td>
              {record.status === 'done' && record.actual !== undefined && record.lost !== undefined ? (
                <>
                  <td>{formatCount(record.actual)}</td>
                  <td className={record.lost > 0 ? styles.historyLost : styles.historyExact}>{formatCount(record.lost)}</td>
                </>
              ) : (
                <td colSpan={2}>{record.status === 'done' ? '—' : statusText[record.status]}</td>
              )}
              <td>{formatDuration(record.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
