import type { ReactNode } from 'react'
import styles from './Exercise.module.css'

/** A 动手试试 exercise; hint and answer fold with <details>, so they work without JavaScript. */
export function Exercise({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.exercise} aria-label={`练习：${title}`}>
      <p className={styles.title}>{title}</p>
      {children}
    </section>
  )
}

export function Hint({ children }: { children: ReactNode }) {
  return (
    <details className={styles.fold}>
      <summary>提示</summary>
      <div>{children}</div>
    </details>
  )
}

export function Answer({ children }: { children: ReactNode }) {
  return (
    <details className={styles.fold}>
      <summary>查看答案</summary>
      <div>{children}</div>
    </details>
  )
}
