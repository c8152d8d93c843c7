import styles from './FinishedMark.module.css'

/** "✓ 已读完" beside a chapter's name; `compact` shows the tick alone, still named for screen readers. */
export function FinishedMark({ compact = false }: { compact?: boolean }) {
  if (compact) {
    return (
      <span className={`${styles.mark} ${styles.compact}`} role="img" aria-label="已读完" title="已读完" data-testid="finished-mark">
        ✓
      </span>
    )
  }
  return (
    <span className={styles.mark} data-testid="finished-mark">
      <span aria-hidden="true">✓ </span>已读完
    </span>
  )
}
