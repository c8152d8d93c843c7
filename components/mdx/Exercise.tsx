import type { ReactNode } from 'react'

/** A 动手试试 exercise; hint and answer fold with <details>, so they work without JavaScript. */
export function Exercise({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="exercise" aria-label={`练习：${title}`}>
      <p className="exercise-title">{title}</p>
      {children}
    </section>
  )
}

export function Hint({ children }: { children: ReactNode }) {
  return (
    <details className="exercise-fold exercise-hint">
      <summary>提示</summary>
      <div>{children}</div>
    </details>
  )
}

export function Answer({ children }: { children: ReactNode }) {
  return (
    <details className="exercise-fold exercise-answer">
      <summary>查看答案</summary>
      <div>{children}</div>
    </details>
  )
}
