import { chartBoxStyle, type ChartBox } from './chart-boxes'
import styles from './ChartNote.module.css'

/** A short note where a chart would be, in the chart's box, so nothing moves when the chart comes. */
export function ChartNote({ box, role, children }: { box: ChartBox; role?: 'note'; children: string }) {
  return (
    <div className={`${styles.placeholder} ${styles.note}`} role={role} style={chartBoxStyle(box)}>
      {children}
    </div>
  )
}
