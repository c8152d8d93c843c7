import styles from './RaceDemo.module.css'
import { formatCount } from './race-record'

interface RaceTallyProps {
  expected: number
  /** Undefined until a run has finished with these settings. */
  actual?: number
  lost?: number
}

/** Expected, actual and lost side by side, and one bar that shows how much of the work vanished. */
export function RaceTally({ expected, actual, lost }: RaceTallyProps) {
  const known = actual !== undefined && lost !== undefined
  const keptShare = known && expected > 0 ? Math.min(1, Math.max(0, actual / expected)) : 0
  const lostPercent = known && expected > 0 ? (lost / expected) * 100 : 0
  return (
    <div className={styles.tally} data-testid="race-tally">
      <dl className={styles.tallyFigures}>
        <div className={styles.tallyFigure}>
          <dt>应得</dt>
          <dd>{formatCount(expected)}</dd>
        </div>
        <div className={styles.tallyFigure}>
          <dt>实得</dt>
          <dd>{known ? formatCount(actual) : '—'}</dd>
        </div>
        <div className={`${styles.tallyFigure} ${known && lost > 0 ? styles.tallyLost : known ? styles.tallyExact : ''}`}>
          <dt>丢失</dt>
          <dd>
            {known ? formatCount(lost) : '—'}
            {known && lost > 0 ? <span className={styles.tallyPercent}>（{lostPercent < 0.1 ? '< 0.1' : lostPercent.toFixed(1)}%）</span> : null}
          </dd>
        </div>
      </dl>
      <div
        className={styles.tallyBar}
        role="img"
        aria-label={known ? `应得 ${formatCount(expected)}，实得 ${formatCount(actual)}，丢失 ${formatCount(lost)}` : '还没有结果'}
      >
        {known ? (
          <>
            <span className={styles.tallyBarKept} style={{ width: `${keptShare * 100}%` }} />
            <span className={styles.tallyBarLost} style={{ width: `${(1 - keptShare) * 100}%` }} />
          </>
        ) : null}
      </div>
    </div>
  )
}
