// A first visit checks nothing, so the lab and the demos must not pay for building schemas when
// their modules load (about 12 ms of main thread at the lab's start): they are built on first use.
import { afterEach, describe, expect, it, vi } from 'vitest'

const built = vi.hoisted(() => ({ count: 0 }))

vi.mock('zod/mini', async (importOriginal) => {
  const zod = await importOriginal<typeof import('zod/mini')>()
  const counted = (build: (...args: never[]) => unknown) =>
    ((...args: never[]) => {
      built.count++
      return build(...args)
    }) as never
  return { ...zod, object: counted(zod.object), enum: counted(zod.enum), discriminatedUnion: counted(zod.discriminatedUnion), int: counted(zod.int) }
})

function memoryStorage(entries: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(entries))
  return {
    get length() {
      return values.size
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.resetModules()
  built.count = 0
})

describe('schemas are built on first use', () => {
  it('loading the store, the lab link parser and the engine builds none when nothing is stored', async () => {
    vi.stubGlobal('localStorage', memoryStorage())
    const { runHistoryStore } = await import('@/lib/store/run-history')
    await import('@/lib/lab/url-state')
    await import('@/lib/engine/span-recorder')
    await import('@/lib/engine/worker-done-message')
    expect(runHistoryStore.getState().runs).toEqual([])
    expect(built.count).toBe(0)
  })

  it('a stored history is still checked when the store loads, and a corrupt one is dropped', async () => {
    const stored = { state: { runs: [{ id: 'not a run' }], ioSettings: { sites: 9 } }, version: 2 }
    vi.stubGlobal('localStorage', memoryStorage({ 'concurrency-lab:runs': JSON.stringify(stored) }))
    const { runHistoryStore } = await import('@/lib/store/run-history')
    const { defaultIoSettings } = await import('@/lib/store/io-settings')
    expect(built.count).toBeGreaterThan(0)
    expect(runHistoryStore.getState().runs).toEqual([])
    expect(runHistoryStore.getState().ioSettings).toEqual(defaultIoSettings)
  })

  it('builds each schema once, however often it checks', async () => {
    const { validateIoSetting } = await import('@/lib/store/io-settings')
    expect(validateIoSetting('sites', 48)).toBeNull()
    const afterFirst = built.count
    expect(afterFirst).toBeGreaterThan(0)
    expect(validateIoSetting('sites', 0)).toBe('网站数量必须是 1 到 500 之间的整数')
    expect(validateIoSetting('seed', 'class-3')).toBeNull()
    expect(built.count).toBe(afterFirst)
  })
})
