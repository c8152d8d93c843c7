'use client'

export function CpuDemo() {
  return (
    <section className="demo" data-demo="cpu">
      <p>计算密集型演示即将上线。</p>
    </section>
  )
}
