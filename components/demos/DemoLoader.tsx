'use client'

import { lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'
import { demoRegistry, isDemoId, pythonProgramIds, type DemoId } from '@/lib/demos/registry'
import { DemoErrorBoundary, DemoNotice, demoUnavailable } from './DemoFallbacks'

function Skeleton({ label }: { label: string }) {
  return (
    <div className="demo-skeleton" aria-busy="true">
      <p>{label}加载中…</p>
    </div>
  )
}

/**
 * A demo loaded on demand (the chapter text never waits for recharts), with its loading box and,
 * when its script cannot be fetched, a notice in that box instead of an error. React's own lazy,
 * not next/dynamic: a demo renders only in the browser (once near the screen), so next/dynamic's
 * server handling would be code every chapter loads for nothing.
 */
function lazyDemo<P extends object>(id: DemoId, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const { name } = demoRegistry[id]
  const Loaded = lazy(() =>
    load()
      .catch(demoUnavailable(name))
      .then((component) => ({ default: component })),
  )
  return function LazyDemo(props: P) {
    return (
      <Suspense fallback={<Skeleton label={name} />}>
        <Loaded {...props} />
      </Suspense>
    )
  }
}

const IoDemo = lazyDemo('io', () => import('./io/IoDemo').then((module) => module.IoDemo))
const IoSweepDemo = lazyDemo('io-sweep', () => import('./io/IoSweepDemo').then((module) => module.IoSweepDemo))
const CpuDemo = lazyDemo('cpu', () => import('./cpu/CpuDemo').then((module) => module.CpuDemo))
const RaceDemo = lazyDemo('race', () => import('./race/RaceDemo').then((module) => module.RaceDemo))
const PythonDemo = lazyDemo('python', () => import('@/components/python/PythonDemo').then((module) => module.PythonDemo))
const EventLoopDemo = lazyDemo('event-loop', () => import('./event-loop/EventLoopDemo').then((module) => module.EventLoopDemo))

/** A <Demo> tag the chapter compile would have refused, on a page built without that check. */
function WrongTag({ problem }: { problem: string }) {
  return <DemoNotice title={`演示标签有误：${problem}`}>请检查本页的 Demo 标签。</DemoNotice>
}

/** One renderer per registered demo: a demo added to the registry without one fails to compile. */
const renderers: Record<DemoId, (props: { focus?: string; variant?: string; program?: string }) => ReactNode> = {
  io: ({ focus }) => <IoDemo focus={demoRegistry.io.focus.find((strategy) => strategy === focus)} />,
  'io-sweep': () => <IoSweepDemo />,
  cpu: () => <CpuDemo />,
  race: ({ variant }) => <RaceDemo variant={variant === 'async' ? 'async' : 'shared-memory'} />,
  // The registry's variants, not the scenarios module: that one holds every scenario's text, which no chapter should load up front.
  'event-loop': ({ variant }) => <EventLoopDemo scenario={demoRegistry['event-loop'].variants.find((scenario) => scenario === variant)} />,
  python: ({ program }) => {
    const programId = pythonProgramIds.find((id) => id === program)
    return programId ? <PythonDemo programId={programId} /> : <WrongTag problem="python 演示没有指定 program" />
  },
}

export interface DemoProps {
  id: string
  focus?: string
  variant?: string
  program?: string
}

/** Renders a demo once it comes near the viewport, inside a box that already has its size. */
export function DemoLoader({ id, focus, variant, program }: DemoProps) {
  const box = useRef<HTMLDivElement>(null)
  const [near, setNear] = useState(false)
  const keyboardArrival = useRef(false)
  useEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true)
          observer.disconnect()
        }
      },
      { rootMargin: '200px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const loadForKeyboard = () => {
    keyboardArrival.current = true
    setNear(true)
  }
  // Once a demo loaded by the keyboard has its controls, the focus moves to the first of them,
  // so the next Tab goes on inside the demo rather than back to the top of the page.
  useEffect(() => {
    const element = box.current
    if (!near || !keyboardArrival.current || !element) return
    const focusFirstControl = () => {
      const control = element.querySelector<HTMLElement>('[data-demo] button:not([disabled]), [data-demo] input:not([disabled])')
      if (!control) return false
      keyboardArrival.current = false
      control.focus()
      return true
    }
    if (focusFirstControl()) return
    const observer = new MutationObserver(() => {
      if (focusFirstControl()) observer.disconnect()
    })
    observer.observe(element, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [near])

  // The chapter compile refuses an unknown id, so the last branch is for a page built without it.
  const name = isDemoId(id) ? demoRegistry[id].name : `演示 ${id}`
  let content: ReactNode
  if (!isDemoId(id)) content = <WrongTag problem={`没有名为 ${id} 的演示`} />
  else if (!near)
    content = (
      <div className="demo-skeleton">
        {/* A keyboard reader tabbing through the chapter reaches the demo here and it loads. */}
        <button type="button" className="link-button" onFocus={loadForKeyboard} onClick={loadForKeyboard}>
          加载{name}
        </button>
      </div>
    )
  else content = renderers[id]({ focus, variant, program })
  return (
    <div ref={box} id={`demo-${id}-${variant ?? focus ?? 'main'}`} className="demo-slot" data-demo-slot={id} data-variant={variant}>
      <DemoErrorBoundary name={name}>{content}</DemoErrorBoundary>
    </div>
  )
}
