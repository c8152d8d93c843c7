'use client'

import type { Run, StrategyId } from '@/lib/engine/types'
import { ImportRuns } from './ImportRuns'
import { LabPythonPanel } from './LabPythonPanel'
import { RunHistory } from './RunHistory'

interface LabBelowDemoProps {
  workload: 'io' | 'cpu' | 'race'
  strategy: StrategyId
  shownIndex: number
  onShow: (index: number) => void
  onImported: (run: Run) => void
  onSelectStrategy: (strategy: StrategyId) => void
}

/** What sits below the lab's demo: importing runs, the runtime switch, and the run history. */
export function LabBelowDemo({ workload, strategy, shownIndex, onShow, onImported, onSelectStrategy }: LabBelowDemoProps) {
  return (
    <>
      <ImportRuns onImported={onImported} />
      {workload !== 'race' ? <LabPythonPanel workload={workload} strategy={strategy} onSelect={onSelectStrategy} /> : null}
      {workload !== 'race' ? <RunHistory workload={workload} shownIndex={shownIndex} onShow={onShow} /> : null}
    </>
  )
}
