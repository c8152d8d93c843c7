import type { ReactNode } from 'react'
import styles from './Callout.module.css'

type CalloutVariant = 'note' | 'warning' | 'learn'

const icons: Record<CalloutVariant, string> = { note: 'ℹ', warning: '⚠', learn: '✦' }

/** One callout shape; Note, Warning and YouWillLearn are thin variants of it. */
export function Callout({ variant, title, children }: { variant: CalloutVariant; title: string; children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${styles[variant]}`} aria-label={title}>
      <p className={styles.title}>
        <span aria-hidden="true" className={styles.icon}>
          {icons[variant]}
        </span>
        {title}
      </p>
      <div className={styles.body}>{children}</div>
    </aside>
  )
}

export function Note({ title = '注意', children }: { title?: string; children: ReactNode }) {
  return (
    <Callout variant="note" title={title}>
      {children}
    </Callout>
  )
}

export function Warning({ title = '小心', children }: { title?: string; children: ReactNode }) {
  return (
    <Callout variant="warning" title={title}>
      {children}
    </Callout>
  )
}

export function YouWillLearn({ children }: { children: ReactNode }) {
  return (
    <Callout variant="learn" title="你将学到">
      {children}
    </Callout>
  )
}
