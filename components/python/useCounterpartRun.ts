'use client'

import { useStore } from 'zustand'
import type { TotalsRow } from '@/lib/demos/totals'
import { strategyInfo } from '@/lib/engine/strategies'
import type { Run } from '@/lib/engine/types'
import type { PythonProgram } from '@/lib/python/programs/program'
import { counterpartRunFor } from '@/lib/python/counterpart'
import { runHistoryStore } from '@/lib/store/run-history'

/** The totals rows beside a Python run: it, the newest JavaScript run of its counterpart with the same size, and the model. */
export function useCounterpartRun(program: PythonProgram, source: string) {
  const runs = useStore(runHistoryStore, (state) => state.runs)
  const counterpart = counterpartRunFor(program, source, runs)
  const javascript = strategyInfo[program.strategy].javascriptCounterpart
  return {
    run: counterpart,
    rows: (python: Run | undefined, model: number | undefined): TotalsRow[] => [
      { name: strategyInfo[program.strategy].label, measured: python?.status === 'done' ? python.totalMs : undefined, model },
      ...(javascript ? [{ name: `${strategyInfo[javascript].label}（JavaScript）`, measured: counterpart?.totalMs, model }] : []),
    ],
  }
}
