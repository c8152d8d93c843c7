'use client'

import { useImperativeHandle, type Ref } from 'react'
import type { Run, StrategyId } from '@/lib/engine/types'

/** What the lab's keyboard shortcuts drive. */
export interface DemoHandle {
  run: (strategy: StrategyId) => void
  runAll: () => void
  stop: () => void
  select: (strategy: StrategyId) => void
  readonly selected: StrategyId
}

interface DemoHandleSource<R extends Run> {
  running: boolean
  strategies: readonly StrategyId[]
  runSeries: (strategies: readonly StrategyId[], runOne: (strategy: StrategyId) => Promise<R | null>) => Promise<void>
  runOne: (strategy: StrategyId) => Promise<R | null>
  stop: () => void
  select: (strategy: StrategyId) => void
  selected: StrategyId
}

/** Hands the lab a demo's run, run-all, stop and selection; a run asked for mid-run is ignored. */
export function useDemoHandle<R extends Run>(ref: Ref<DemoHandle> | undefined, source: DemoHandleSource<R>): void {
  const { running, strategies, runSeries, runOne, stop, select, selected } = source
  useImperativeHandle(ref, () => ({
    run: (strategy) => {
      if (!running) void runSeries([strategy], runOne)
    },
    runAll: () => {
      if (!running) void runSeries(strategies, runOne)
    },
    stop,
    select,
    selected,
  }))
}
