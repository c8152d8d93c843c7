'use client'

import { useStore } from 'zustand'
import { summarizeFailures } from '@/lib/engine/failure-summary'
import type { Run } from '@/lib/engine/types'
import { formatDuration } from '@/lib/format/units'
import { historyStorageProblemStore } from '@/lib/store/run-history'
import { describeStorageProblem } from '@/lib/store/quota-safe-storage'
import { strategyInfo } from '@/lib/engine/strategies'
import demo from './demo.module.css'
import knobs from './knobs.module.css'

const statusText = { done: '完成', cancelled: '已停止', error: '出错' } as const

/** The test contract's result element (DESIGN.md): what the last run did, readable by people too. */
export function RunResult({ run, model }: { run: Run; model?: number }) {
  const failures = summarizeFailures(run.spans)
  const storageProblem = useStore(historyStorageProblemStore, (state) => state.problem)
  const unreachable = run.workload === 'io' && run.spans.length > 0 && run.spans.every((span) => span.failure?.kind === 'network')
  return (
    <>
      <p
        className={`${demo.result} ${demo[run.status]}`}
        data-testid="run-result"
        data-strategy={run.strategy}
        data-jobs={run.spans.length}
        data-total-ms={Math.round(run.totalMs * 10) / 10}
        data-status={run.status}
        data-max-in-flight={run.maxInFlight}
        data-model-ms={model !== undefined ? Math.round(model) : undefined}
        role="status"
      >
        <strong>{strategyInfo[run.strategy].label}</strong>：{statusText[run.status]}，{run.spans.length} 个任务用时{' '}
        <strong>{formatDuration(run.totalMs)}</strong>
        {model !== undefined && run.status === 'done' ? `（模型预测 ${formatDuration(model)}）` : ''}
        {failures ? `，其中 ${failures}` : ''}
        {run.error ? `。错误：${run.error}` : ''}
      </p>
      {unreachable ? (
        <p className={knobs.error} role="alert" data-testid="server-unreachable">
          连不上本站的模拟延迟服务器：演示要向它发请求，离线时章节可以阅读，但演示无法运行。请检查网络，或在本机用 npm start 启动站点。
        </p>
      ) : null}
      {storageProblem ? (
        <p className={demo.note} role="status" data-testid="history-storage-problem">
          {describeStorageProblem(storageProblem)}
        </p>
      ) : null}
    </>
  )
}
