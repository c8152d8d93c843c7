import { describe, expect, it } from 'vitest'
import { describeStorageProblem, quotaSafeStorage, type StorageProblem } from '@/lib/store/quota-safe-storage'

/** A Storage that refuses any value longer than `quota` characters, as a full localStorage does. */
function limitedStorage(quota: number): Storage & { saved: Map<string, string> } {
  const saved = new Map<string, string>()
  return {
    saved,
    get length() {
      return saved.size
    },
    key: (index) => [...saved.keys()][index] ?? null,
    getItem: (name) => saved.get(name) ?? null,
    setItem: (name, value) => {
      if (value.length > quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      saved.set(name, value)
    },
    removeItem: (name) => void saved.delete(name),
    clear: () => saved.clear(),
  }
}

const persisted = (runs: number) =>
  JSON.stringify({ state: { runs: Array.from({ length: runs }, (_, index) => ({ id: `run-${index}`, pad: 'x'.repeat(90) })), ioSettings: {} }, version: 1 })

describe('quotaSafeStorage', () => {
  it('writes as usual while there is room, and reports no problem', () => {
    const storage = limitedStorage(100_000)
    const problems: Array<StorageProblem | null> = []
    quotaSafeStorage(
      () => storage,
      (problem) => problems.push(problem),
    ).setItem('k', persisted(3))
    expect(storage.saved.get('k')).toBe(persisted(3))
    expect(problems).toEqual([null])
  })

  it('drops the oldest runs until the newest fit, never throwing', () => {
    const storage = limitedStorage(persisted(4).length)
    const problems: Array<StorageProblem | null> = []
    quotaSafeStorage(
      () => storage,
      (problem) => problems.push(problem),
    ).setItem('k', persisted(7))
    const kept = JSON.parse(storage.saved.get('k')!).state.runs.map((run: { id: string }) => run.id)
    expect(kept).toEqual(['run-0', 'run-1', 'run-2', 'run-3'])
    expect(problems).toEqual([{ kind: 'trimmed', dropped: 3 }])
    expect(describeStorageProblem(problems[0]!)).toBe('浏览器的存储空间已满：为保存这次运行，删去了历史里最旧的 3 条记录。')
  })

  it('says nothing could be saved when even an empty history does not fit', () => {
    const storage = limitedStorage(10)
    const problems: Array<StorageProblem | null> = []
    expect(() =>
      quotaSafeStorage(
        () => storage,
        (problem) => problems.push(problem),
      ).setItem('k', persisted(2)),
    ).not.toThrow()
    expect(problems).toEqual([{ kind: 'failed' }])
    expect(describeStorageProblem({ kind: 'failed' })).toContain('没能存进历史记录')
  })

  it('treats storage that refuses to exist (privacy settings) as failed, and reads as empty', () => {
    const problems: Array<StorageProblem | null> = []
    const denied = quotaSafeStorage(
      () => {
        throw new DOMException('denied', 'SecurityError')
      },
      (problem) => problems.push(problem),
    )
    expect(denied.getItem('k')).toBeNull()
    denied.setItem('k', persisted(1))
    expect(problems).toEqual([{ kind: 'failed' }])
  })
})
