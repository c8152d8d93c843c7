// What one run of a race demo leaves behind: the row in the history table and the data the
// test contract's run-result element carries.
import { integerRangeMessage } from '@/lib/format/integer-range-message'

/** plain / atomic: Web Workers on shared memory; unsafe / locked: async tasks on the main thread. */
export type RaceStrategy = 'plain' | 'atomic' | 'unsafe' | 'locked'

export type RaceRunStatus = 'done' | 'cancelled' | 'error'

export interface RaceRecord {
  /** Increasing per demo, for React keys. */
  serial: number
  strategy: RaceStrategy
  /** Workers or tasks that took part. */
  jobs: number
  /** Increments each of them made. */
  perJob: number
  expected: number
  /** Only known when the run finished. */
  actual?: number
  lost?: number
  totalMs: number
  status: RaceRunStatus
  error?: string
}

export const raceStrategyLabels: Record<RaceStrategy, string> = {
  plain: '不加锁',
  atomic: 'Atomics.add',
  unsafe: '有 await 的读改写',
  locked: '加锁修复',
}

/** 4000000 → "4,000,000": big counts are read digit group by digit group. */
export function formatCount(value: number): string {
  return value.toLocaleString('zh-CN')
}

/** Keeps the newest `limit` records, newest first. */
export function withRecord(history: readonly RaceRecord[], record: RaceRecord, limit = 5): RaceRecord[] {
  return [record, ...history].slice(0, limit)
}

/** A NumberField validator for an integer knob with the lib's limits. */
export function integerKnob(what: string, { min, max }: { min: number; max: number }) {
  return (value: unknown): string | null =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : integerRangeMessage(what, min, max)
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
