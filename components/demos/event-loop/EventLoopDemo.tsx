'use client'

/** Placeholder until the step-through event loop lands. */
export function EventLoopDemo() {
  return (
    <section className="demo" data-demo="event-loop">
      <p>事件循环逐步演示即将上线。</p>
    </section>
  )
}
