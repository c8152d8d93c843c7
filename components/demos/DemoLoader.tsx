'use client'

import dynamic from 'next/dynamic'
import { useEffect, useRef, useState } from 'react'
import type { StrategyId } from '@/lib/engine/types'
import { DemoErrorBoundary, demoUnavailable } from './DemoFallbacks'

function Skeleton({ label }: { label: string }) {
  return (
    <div className="demo-skeleton" aria-busy="true">
      <p>{label}加载中…</p>
    </div>
  )
}

// Each demo and its charts load on demand: the chapter text never waits for recharts.
const IoDemo = dynamic(() => import('./io/IoDemo').then((module) => module.IoDemo, demoUnavailable('I/O 演示')), { ssr: false, loading: () => <Skeleton label="I/O 演示" /> })
const IoSweepDemo = dynamic(() => import('./io/IoSweepDemo').then((module) => module.IoSweepDemo, demoUnavailable('池大小扫描')), {
  ssr: false,
  loading: () => <Skeleton label="池大小扫描" />,
})

const CpuDemo = dynamic(() => import('./cpu/CpuDemo').then((module) => module.CpuDemo, demoUnavailable('计算密集型演示')), { ssr: false, loading: () => <Skeleton label="计算密集型演示" /> })
const RaceDemo = dynamic(() => import('./race/RaceDemo').then((module) => module.RaceDemo, demoUnavailable('竞态条件演示')), { ssr: false, loading: () => <Skeleton label="竞态条件演示" /> })
const EventLoopDemo = dynamic(() => import('./event-loop/EventLoopDemo').then((module) => module.EventLoopDemo, demoUnavailable('事件循环演示')), {
  ssr: false,
  loading: () => <Skeleton label="事件循环演示" />,
})

const demoNames: Record<string, string> = {
  io: 'I/O 密集型下载演示',
  'io-sweep': '池大小扫描',
  cpu: '计算密集型演示',
  race: '竞态条件演示',
  'event-loop': '事件循环逐步演示',
}

export interface DemoProps {
  id: string
  focus?: string
  variant?: string
}

const knownStrategies = new Set<string>(['sequential', 'pool', 'async', 'async-yield', 'workers'])

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

  const name = demoNames[id] ?? `演示 ${id}`
  let content
  if (!near) content = <Skeleton label={name} />
  else if (id === 'io') content = <IoDemo focus={focus && knownStrategies.has(focus) ? (focus as StrategyId) : undefined} />
  else if (id === 'io-sweep') content = <IoSweepDemo />
  else if (id === 'cpu') content = <CpuDemo />
  else if (id === 'race') content = <RaceDemo variant={variant === 'async' ? 'async' : 'shared-memory'} />
  else if (id === 'event-loop') content = <EventLoopDemo />
  else content = <p className="demo-placeholder">{name}：此处的在线演示即将上线。</p>
  return (
    <div ref={box} className={`demo-slot demo-slot-${id}`} data-demo-slot={id} data-variant={variant}>
      <DemoErrorBoundary name={name}>{content}</DemoErrorBoundary>
    </div>
  )
}
