// The worker side of the shared-memory race: several workers add to one Int32 cell of a
// SharedArrayBuffer, either with a plain read-modify-write (updates get lost) or with Atomics.add
// (never). Imported by race.worker.ts; run-shared-memory-race.ts drives it from the main thread.
// Keep it free of runtime imports: the unit test transpiles this one file into a Node worker thread.

export type RaceMode = 'plain' | 'atomic'

/** Cell layout of the shared Int32Array. */
export const COUNTER_CELL = 0
/** How many workers have reached the start barrier. */
export const ARRIVED_CELL = 1
/** 0 until the last worker arrives, then 1: everybody starts. */
export const GO_CELL = 2
export const RACE_CELLS = 3

// Busy work between the read and the write of a plain increment. It widens the window in which
// another worker can write the same cell, so the race shows on every run, not only on lucky ones.
const READ_WRITE_GAP = 16

/**
 * Adds 1 to view[index], `times` times.
 *
 * 'plain' is `counter = counter + 1` done as a separate read and write: read the cell into a local,
 * do a little work, write local + 1 back. Two workers doing this at once overwrite each other's
 * updates. The read and the write each go through Atomics.load/store so that every read sees the
 * cell as it is now: for ordinary element access the memory model lets a JIT reuse an earlier read
 * (V8 does not do so here today; checked with a second thread overwriting the cell), and lost
 * updates would then have a second cause. Each access being atomic does not make the pair
 * atomic: that gap is the lesson.
 *
 * 'atomic' uses Atomics.add, one indivisible read-modify-write, and never loses an update.
 */
export function incrementShared(view: Int32Array, index: number, times: number, mode: RaceMode): void {
  if (!Number.isInteger(index) || index < 0 || index >= view.length) {
    throw new RangeError(`下标 ${String(index)} 超出共享数组范围（长度 ${view.length}）`)
  }
  if (mode === 'atomic') {
    for (let i = 0; i < times; i++) Atomics.add(view, index, 1)
    return
  }
  for (let i = 0; i < times; i++) {
    const current = Atomics.load(view, index)
    // The work depends on `current` and the written value on the work (the JIT cannot prove
    // detour >= 0), so it stays between the read and the write instead of moving out of the gap.
    let detour = 0
    for (let k = 0; k < READ_WRITE_GAP; k++) detour += k ^ (current & 1)
    Atomics.store(view, index, current + (detour < 0 ? 2 : 1))
  }
}

/**
 * Blocks until all `workers` workers have called it, so they start incrementing together.
 * Worker threads only: the browser's main thread may not call Atomics.wait.
 */
export function waitAtStartBarrier(view: Int32Array, workers: number): void {
  const arrived = Atomics.add(view, ARRIVED_CELL, 1) + 1
  if (arrived >= workers) {
    Atomics.store(view, GO_CELL, 1)
    Atomics.notify(view, GO_CELL)
    return
  }
  while (Atomics.load(view, GO_CELL) === 0) Atomics.wait(view, GO_CELL, 0)
}

// ---- Messages between the main thread and race.worker.ts ----

export interface RaceStartMessage {
  type: 'start'
  buffer: SharedArrayBuffer
  workerIndex: number
  /** How many workers take part (the barrier waits for all of them). */
  workers: number
  times: number
  mode: RaceMode
}

export interface RaceDoneMessage {
  type: 'done'
  workerIndex: number
  /** Time this worker spent incrementing, after the barrier. */
  elapsedMs: number
}

export function isRaceStartMessage(value: unknown): value is RaceStartMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Partial<Record<keyof RaceStartMessage, unknown>>
  return (
    message.type === 'start' &&
    message.buffer instanceof SharedArrayBuffer &&
    typeof message.workerIndex === 'number' &&
    typeof message.workers === 'number' &&
    typeof message.times === 'number' &&
    (message.mode === 'plain' || message.mode === 'atomic')
  )
}

export function isRaceDoneMessage(value: unknown): value is RaceDoneMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as Partial<Record<keyof RaceDoneMessage, unknown>>
  return message.type === 'done' && typeof message.workerIndex === 'number'
}

/** Everything a race worker does for one start message; race.worker.ts only adds postMessage. */
export function handleRaceStart(message: RaceStartMessage): RaceDoneMessage {
  const view = new Int32Array(message.buffer)
  waitAtStartBarrier(view, message.workers)
  const startedAt = performance.now()
  incrementShared(view, COUNTER_CELL, message.times, message.mode)
  return { type: 'done', workerIndex: message.workerIndex, elapsedMs: performance.now() - startedAt }
}
