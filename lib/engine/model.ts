// The back-of-the-envelope model the charts draw beside each measured run: with per-host
// connection caps, I/O jobs finish in waves of min(concurrency, cap).
import type { StrategyId } from './types'

/** Browsers open at most this many HTTP/1.1 connections to one host name. */
export const http1ConnectionsPerHost = 6

export interface IoPredictionInput {
  jobs: number
  latencyMs: number
  concurrency: number
  connectionCap: number
}

/** ceil(jobs / min(concurrency, cap)) × latency. */
export function predictIoTotal({ jobs, latencyMs, concurrency, connectionCap }: IoPredictionInput): number {
  if (jobs <= 0) return 0
  const parallel = Math.max(1, Math.min(concurrency, connectionCap))
  return Math.ceil(jobs / parallel) * latencyMs
}

/** h2 and h3 multiplex every request over one connection; anything else (or unknown) is capped. */
export function connectionCapFor({ protocol, hostCount }: { protocol: string | null; hostCount: number }): number {
  if (protocol !== null && /^h[23]/.test(protocol)) return Infinity
  return http1ConnectionsPerHost * Math.max(1, hostCount)
}

export interface ConcurrencyInput {
  jobs: number
  /** Slots of the `pool` strategy. */
  poolSize: number
  /** Workers of the `workers` strategy. */
  workerCount: number
}

/** How many jobs each strategy keeps in flight, before any connection cap. */
export function effectiveConcurrency(strategy: StrategyId, { jobs, poolSize, workerCount }: ConcurrencyInput): number {
  switch (strategy) {
    case 'sequential':
    case 'async-yield':
    case 'py-sequential':
    case 'py-cpu':
      return 1
    case 'pool':
    case 'py-threads':
      return Math.min(poolSize, jobs)
    case 'async':
    case 'py-asyncio':
      return jobs
    case 'workers':
    case 'py-processes':
    case 'py-cpu-processes':
      return Math.min(workerCount, jobs)
  }
}

export interface StrategyPredictionInput extends ConcurrencyInput {
  latencyMs: number
  protocol: string | null
  hostCount: number
}

export function predictIoTotalFor(strategy: StrategyId, input: StrategyPredictionInput): number {
  return predictIoTotal({
    jobs: input.jobs,
    latencyMs: input.latencyMs,
    concurrency: effectiveConcurrency(strategy, input),
    connectionCap: connectionCapFor(input),
  })
}
