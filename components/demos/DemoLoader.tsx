'use client'

import dynamic from 'next/dynamic'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { demoRegistry, isDemoId, type DemoId } from '@/lib/demos/registry'
import { DemoErrorBoundary, DemoNotice, demoUnavailable } from './DemoFallbacks'

function Skeleton({ label }: { label: string }) {
  return (
    <div className="demo-skeleton" aria-busy="true">
      <p>{label}加载中…</p>
    </div>
  )
}

// Each demo and its charts load on demand: the chapter text never waits for recharts.
const IoDemo = dynamic(() => import('./io/IoDemo').then((module) => module.IoDemo, demoUnavailable(demoRegistry.io.name)), {
  ssr: false,
  loading: () => <Skeleton label={demoRegistry.io.name} />,
})
const IoSweepDemo = dynamic(() => import('./io/IoSweepDemo').then((module) => module.IoSweepDemo, demoUnavailable(demoRegistry['io-sweep'].name)), {
  ssr: false,
  loading: () => <Skeleton label={demoRegistry['io-sweep'].name} />,
})
const CpuDemo = dynamic(() => import('./cpu/CpuDemo').then((module) => module.CpuDemo, demoUnavailable(demoRegistry.cpu.name)), {
  ssr: false,
  loading: () => <Skeleton label={demoRegistry.cpu.name} />,
})
const RaceDemo = dynamic(() => import('./race/RaceDemo').then((module) => module.RaceDemo, demoUnavailable(demoRegistry.race.name)), {
  ssr: false,
  loading: () => <Skeleton label={demoRegistry.race.name} />,
})
const EventLoopDemo = dynamic(() => import('./event-loop/EventLoopDemo').then((module) => module.EventLoopDemo, demoUnavailable(demoRegistry['event-loop'].name)), {
  ssr: false,
  loading: () => <Skeleton label={demoRegistry['event-loop'].name} />,
})

/** One renderer per registered demo: a demo added to the registry without one fails to compile. */
const renderers: Record<DemoId, (props: { focus?: string; variant?: string }) => ReactNode> = {
  io: ({ focus }) => <IoDemo focus={demoRegistry.io.focus.find((strategy) => strategy === focus)} />,
  'io-sweep': () => <IoSweepDemo />,
  cpu: () => <CpuDemo />,
  race: ({ variant }) => <RaceDemo variant={variant === 'async' ? 'async' : 'shared-memory'} />,
  'event-loop': () => <EventLoopDemo />,
}

export interface DemoProps {
  id: string
  focus?: string
  variant?: string
}

/** Renders a demo once it comes near the viewport, inside a box that already has its size. */
export function DemoLoader({ id, focus, variant }: DemoProps) {
  const box = useRef<HTMLDivElement>(null)
  const [near, setNear] = useState(false)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        setNear(true)
        observer.disconnect()
      }
    }, { rootMargin: '200px 0px' })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  // The chapter compile refuses an unknown id, so the last branch is for a page built without it.
  const name = isDemoId(id) ? demoRegistry[id].name : `演示 ${id}`
  let content: ReactNode
  if (!isDemoId(id)) content = <DemoNotice title={`没有名为 ${id} 的演示`}>请检查本页的 Demo 标签。</DemoNotice>
  else if (!near) content = <Skeleton label={name} />
  else content = renderers[id]({ focus, variant })
  return (
    <div ref={box} className={`demo-slot demo-slot-${id}`} data-demo-slot={id} data-variant={variant}>
      <DemoErrorBoundary name={name}>{content}</DemoErrorBoundary>
    </div>
  )
}
