'use client'

/** Placeholder until the race demos land. */
export function RaceDemo({ variant }: { variant: 'shared-memory' | 'async' }) {
  return (
    <section className="demo" data-demo="race" data-variant={variant}>
      <p>竞态条件演示即将上线。</p>
    </section>
  )
}
