'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import type { OpenSpan } from '@/components/charts/TimelineChart'
import type { Run, Span, StrategyId } from '@/lib/engine/types'

export interface LiveRunState {
  strategy: StrategyId | null
  jobs: number
  spans: Span[]
  open: OpenSpan[]
  /** ms since the run started, advanced every tickMs while running. */
  elapsedMs: number
  running: boolean
}

const idle: LiveRunState = { strategy: null, jobs: 0, spans: [], open: [], elapsedMs: 0, running: false }

/**
 * `tickMs`: how often the page redraws the run in progress. Each redraw takes main-thread time
 * from the run it shows; the CPU demo's workers share two cores with it, so it redraws less often.
 *
 * The fast-changing state of the run in progress, kept in the demo (not the global store), and
 * the controller that cancels it. Leaving the page aborts the run: nothing keeps running.
 */
export function useLiveRun(tickMs = 100) {
  const [state, setState] = useState<LiveRunState>(idle)
  const controller = useRef<AbortController | null>(null)
  const startedAt = useRef(0)
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined)
  // Spans and starts collect here and reach React on the next tick: a render per download would
  // compete with the run for the main thread and distort the very timings it shows.
  const pendingSpans = useRef<Span[]>([])
  const openJobs = useRef(new Map<number, OpenSpan>())

  // Ten updates a second are enough to watch (by default; see tickMs).
  const tick = useCallback(() => {
    const arrived = pendingSpans.current
    pendingSpans.current = []
    const open = [...openJobs.current.values()]
    setState((current) =>
      current.running
        ? { ...current, spans: arrived.length ? [...current.spans, ...arrived] : current.spans, open, elapsedMs: performance.now() - startedAt.current }
        : current,
    )
  }, [])

  const begin = useCallback(
    (strategy: StrategyId, jobs: number): AbortController => {
      controller.current?.abort()
      const next = new AbortController()
      controller.current = next
      startedAt.current = performance.now()
      pendingSpans.current = []
      openJobs.current = new Map()
      setState({ strategy, jobs, spans: [], open: [], elapsedMs: 0, running: true })
      clearInterval(timer.current)
      timer.current = setInterval(tick, tickMs)
      return next
    },
    [tick, tickMs],
  )

  const onStart = useCallback((job: number, lane: number, start: number) => {
    openJobs.current.set(job, { job, lane, start })
  }, [])

  const onSpan = useCallback((span: Span) => {
    openJobs.current.delete(span.job)
    pendingSpans.current.push(span)
  }, [])

  const finish = useCallback((run: Run | null) => {
    clearInterval(timer.current)
    controller.current = null
    const arrived = pendingSpans.current
    pendingSpans.current = []
    openJobs.current = new Map()
    setState((current) => ({
      ...current,
      running: false,
      open: [],
      spans: run ? run.spans : [...current.spans, ...arrived],
      elapsedMs: run ? run.totalMs : current.elapsedMs,
    }))
  }, [])

  const stop = useCallback(() => controller.current?.abort(), [])

  useEffect(
    () => () => {
      controller.current?.abort()
      clearInterval(timer.current)
    },
    [],
  )

  return { state, begin, onStart, onSpan, finish, stop }
}
