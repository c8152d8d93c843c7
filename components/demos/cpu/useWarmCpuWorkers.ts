'use client'

import { useEffect, useState } from 'react'
import { afterLoadWhenIdle } from '@/lib/browser/after-load'
import { WarmWorkerPool } from '@/lib/engine/warm-worker-pool'
import { createCpuWorker } from '@/lib/workloads/create-cpu-worker'
import { cpuWarmUpMessage, warmUpCpuLoop } from '@/lib/workloads/cpu'

/**
 * A pool of workers started ahead of the first run, like the article's process pool, kept
 * `size` strong and closed with the demo. Returns the pool and the slowest recent start-up (ms).
 */
export function useWarmCpuWorkers(size: number): { pool: WarmWorkerPool | null; slowestStartupMs: number | null } {
  const [pool, setPool] = useState<WarmWorkerPool | null>(null)
  const [startups, setStartups] = useState<number[]>([])
  useEffect(() => {
    const created = new WarmWorkerPool({
      createWorker: createCpuWorker,
      warmUpMessage: cpuWarmUpMessage,
      onReady: (startupMs) => setStartups((previous) => [...previous.slice(-31), startupMs]),
    })
    const cancelIdle = afterLoadWhenIdle(() => {
      warmUpCpuLoop()
      setPool(created)
    })
    return () => {
      cancelIdle()
      created.dispose()
    }
  }, [])
  useEffect(() => {
    pool?.prewarm(size)
  }, [pool, size])
  const recent = startups.slice(-size)
  return { pool, slowestStartupMs: recent.length > 0 ? Math.max(...recent) : null }
}
