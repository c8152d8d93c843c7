// The shared-memory race across real threads: Node's worker_threads stand in for Web Workers.
// The worker runs the same handleRaceStart that lib/race/race.worker.ts runs in the browser.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { WorkerLike } from '@/lib/engine/worker-protocol'
import { runSharedMemoryRace, sharedMemoryUnavailableMessage } from '@/lib/race/run-shared-memory-race'
import {
  ARRIVED_CELL,
  COUNTER_CELL,
  GO_CELL,
  RACE_CELLS,
  incrementShared,
  isRaceStartMessage,
  waitAtStartBarrier,
  type RaceStartMessage,
} from '@/lib/race/shared-memory'

let workDir = ''
let driverUrl: URL

beforeAll(() => {
  // Node 20 cannot load .ts in a worker thread: transpile the (dependency-free) module once.
  workDir = mkdtempSync(join(tmpdir(), 'race-test-'))
  const source = readFileSync(join(import.meta.dirname, '../../lib/race/shared-memory.ts'), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  })
  writeFileSync(join(workDir, 'shared-memory.mjs'), outputText)
  writeFileSync(
    join(workDir, 'driver.mjs'),
    [
      "import { parentPort } from 'node:worker_threads'",
      "import { handleRaceStart, isRaceStartMessage } from './shared-memory.mjs'",
      'parentPort.on("message", (m) => { if (m?.type === "hello") parentPort.postMessage({ type: "hello", kind: "race" }); else if (isRaceStartMessage(m)) parentPort.postMessage(handleRaceStart(m)) })',
    ].join('\n'),
  )
  driverUrl = pathToFileURL(join(workDir, 'driver.mjs'))
})

afterAll(() => rmSync(workDir, { recursive: true, force: true }))

function nodeRaceWorker(): WorkerLike {
  const worker = new Worker(driverUrl)
  return {
    postMessage: (message) => worker.postMessage(message),
    // One implementation for both overloads: the event carries both fields.
    addEventListener(type: string, listener: (event: { data: unknown; message: string }) => void) {
      if (type === 'message') worker.on('message', (data: unknown) => listener({ data, message: '' }))
      else worker.on('error', (error: Error) => listener({ data: undefined, message: error.message }))
    },
    terminate: () => void worker.terminate(),
  }
}

describe('incrementShared on one thread', () => {
  it('counts exactly in both modes when nobody races', () => {
    const view = new Int32Array(new SharedArrayBuffer(RACE_CELLS * 4))
    incrementShared(view, COUNTER_CELL, 1000, 'plain')
    incrementShared(view, COUNTER_CELL, 1000, 'atomic')
    expect(view[COUNTER_CELL]).toBe(2000)
  })

  it('rejects an index outside the array', () => {
    const view = new Int32Array(new SharedArrayBuffer(RACE_CELLS * 4))
    expect(() => incrementShared(view, RACE_CELLS, 1, 'plain')).toThrow(RangeError)
  })

  it('the barrier lets the last arrival through at once and opens the gate', () => {
    const view = new Int32Array(new SharedArrayBuffer(RACE_CELLS * 4))
    waitAtStartBarrier(view, 1)
    expect(view[ARRIVED_CELL]).toBe(1)
    expect(view[GO_CELL]).toBe(1)
  })

  it('recognises start messages', () => {
    const message: RaceStartMessage = {
      type: 'start',
      buffer: new SharedArrayBuffer(RACE_CELLS * 4),
      workerIndex: 0,
      workers: 2,
      times: 10,
      mode: 'plain',
    }
    expect(isRaceStartMessage(message)).toBe(true)
    expect(isRaceStartMessage({ ...message, mode: 'other' })).toBe(false)
    expect(isRaceStartMessage({ ...message, buffer: new ArrayBuffer(12) })).toBe(false)
  })
})

describe('runSharedMemoryRace across worker threads', () => {
  it('atomic is exact every time', async () => {
    for (const workers of [2, 4]) {
      for (let run = 0; run < 3; run++) {
        const result = await runSharedMemoryRace({ workers, times: 200_000, mode: 'atomic', createWorker: nodeRaceWorker })
        expect(result).toMatchObject({ expected: workers * 200_000, actual: workers * 200_000, lost: 0 })
      }
    }
  }, 60_000)

  it('plain never counts more than expected, and (usually) loses updates', async () => {
    const runs = 8
    const losses: number[] = []
    for (let run = 0; run < runs; run++) {
      const result = await runSharedMemoryRace({ workers: 2, times: 200_000, mode: 'plain', createWorker: nodeRaceWorker })
      expect(result.actual).toBeLessThanOrEqual(result.expected)
      expect(result.lost).toBe(result.expected - result.actual)
      losses.push(result.lost)
    }
    // Not asserted (scheduling decides), but reported so a regression in the race is visible.
    console.info(`plain race, 2 workers × 200,000: lost updates in ${losses.filter((l) => l > 0).length}/${runs} runs:`, losses.join(', '))
  }, 60_000)
})

describe('runSharedMemoryRace without real threads', () => {
  function silentWorkers() {
    const terminated: number[] = []
    let created = 0
    const createWorker = (): WorkerLike => {
      const id = created++
      return { postMessage: () => {}, addEventListener: () => {}, terminate: () => terminated.push(id) }
    }
    return { createWorker, terminated }
  }

  it('refuses without cross-origin isolation, in Chinese', async () => {
    vi.stubGlobal('crossOriginIsolated', false)
    try {
      await expect(runSharedMemoryRace({ workers: 2, times: 10, mode: 'plain', createWorker: silentWorkers().createWorker })).rejects.toThrow(
        sharedMemoryUnavailableMessage,
      )
    } finally {
      vi.unstubAllGlobals()
    }
    expect(sharedMemoryUnavailableMessage).toMatch(/Cross-Origin-Opener-Policy: same-origin/)
    expect(sharedMemoryUnavailableMessage).toMatch(/Cross-Origin-Embedder-Policy: require-corp/)
  })

  it('rejects bad sizes', async () => {
    const { createWorker } = silentWorkers()
    await expect(runSharedMemoryRace({ workers: 0, times: 10, mode: 'plain', createWorker })).rejects.toThrow(/Worker 数/)
    await expect(runSharedMemoryRace({ workers: 2, times: 0, mode: 'plain', createWorker })).rejects.toThrow(/累加次数/)
  })

  it('abort terminates every worker', async () => {
    const { createWorker, terminated } = silentWorkers()
    const controller = new AbortController()
    const race = runSharedMemoryRace({ workers: 3, times: 10, mode: 'plain', createWorker, signal: controller.signal })
    controller.abort(new Error('停止'))
    await expect(race).rejects.toThrow('停止')
    expect(terminated.sort()).toEqual([0, 1, 2])
  })

  it('a worker error rejects with its message and terminates the rest', async () => {
    const terminated: number[] = []
    let created = 0
    const createWorker = (): WorkerLike => {
      const id = created++
      return {
        postMessage: () => {},
        addEventListener(type: string, listener: (event: { data: unknown; message: string }) => void) {
          if (type === 'error' && id === 1) queueMicrotask(() => listener({ data: undefined, message: '脚本加载失败' }))
        },
        terminate: () => terminated.push(id),
      }
    }
    await expect(runSharedMemoryRace({ workers: 2, times: 10, mode: 'atomic', createWorker })).rejects.toThrow('Worker 没能启动：脚本加载失败')
    expect(terminated.sort()).toEqual([0, 1])
  })

  it('a worker that never says hello fails the run after the timeout, never starting any', async () => {
    const { createWorker, terminated } = silentWorkers()
    const started = Date.now()
    await expect(runSharedMemoryRace({ workers: 2, times: 10, mode: 'plain', createWorker, helloTimeoutMs: 50 })).rejects.toThrow(
      'Worker 在 0.05 秒内没有应答（脚本可能没有加载）：运行已停止',
    )
    expect(Date.now() - started).toBeLessThan(1000)
    expect(terminated.sort()).toEqual([0, 1])
  })

  it("a worker running another demo's code fails the run at once, naming it", async () => {
    const posted: unknown[] = []
    const createWorker = (): WorkerLike => {
      const listeners: Array<(event: { data: unknown }) => void> = []
      return {
        postMessage(message) {
          posted.push(message)
          if ((message as { type?: string }).type === 'hello')
            queueMicrotask(() => listeners.forEach((listener) => listener({ data: { type: 'hello', kind: 'cpu' } })))
        },
        addEventListener(type: string, listener: (event: never) => void) {
          if (type === 'message') listeners.push(listener as (event: { data: unknown }) => void)
        },
        terminate: () => {},
      }
    }
    await expect(runSharedMemoryRace({ workers: 2, times: 10, mode: 'plain', createWorker })).rejects.toThrow(
      'Worker 加载的是另一个演示（计算密集型）的代码，而不是竞态条件演示的',
    )
    // No start message went to a worker that is not a race worker.
    expect(posted.every((message) => (message as { type?: string }).type === 'hello')).toBe(true)
  })
})
