import { describe, expect, it } from 'vitest'
import { continueHref, createReadingProgressStore, parseReadingProgress, readingProgressKey, type ReadingProgress } from '@/lib/reading/progress'
import { withFinished, withPosition, withVisit } from '@/lib/reading/progress-updates'
import type { KeyValueStorage } from '@/lib/reading/stored-value'

function memoryStorage(): KeyValueStorage & { saved: Map<string, string> } {
  const saved = new Map<string, string>()
  return { saved, getItem: (key) => saved.get(key) ?? null, setItem: (key, value) => void saved.set(key, value), removeItem: (key) => void saved.delete(key) }
}

const refusing: KeyValueStorage = {
  getItem: () => null,
  setItem: () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  },
  removeItem: () => {},
}

const sample: ReadingProgress = { lastSlug: 'io-threading', lastHeadingId: '开多少个线程合适', updatedAt: 1_000, finished: ['what-is-concurrency'] }

describe('parseReadingProgress', () => {
  it('reads back what was written, and only the fields it knows', () => {
    expect(parseReadingProgress(JSON.stringify(sample))).toEqual(sample)
    expect(parseReadingProgress(JSON.stringify({ ...sample, extra: { deep: true } }))).toEqual(sample)
  })

  it('starts fresh on nothing, broken JSON or a record of another shape', () => {
    expect(parseReadingProgress(null)).toBeNull()
    expect(parseReadingProgress('{"lastSlug":')).toBeNull()
    expect(parseReadingProgress(JSON.stringify({ ...sample, finished: 'what-is-concurrency' }))).toBeNull()
    expect(parseReadingProgress(JSON.stringify({ ...sample, lastSlug: '../etc/passwd' }))).toBeNull()
    expect(parseReadingProgress(JSON.stringify({ version: 2, chapters: {} }))).toBeNull()
    expect(parseReadingProgress(JSON.stringify({ ...sample, finished: ['about', 7] }))).toBeNull()
    expect(parseReadingProgress(JSON.stringify({ ...sample, lastHeadingId: '' }))).toBeNull()
    expect(parseReadingProgress(JSON.stringify({ ...sample, updatedAt: '1000' }))).toBeNull()
    expect(parseReadingProgress('null')).toBeNull()
    expect(parseReadingProgress('[]')).toBeNull()
  })
})

describe('progress updates', () => {
  it('a visit makes the chapter the one to continue, keeping the heading only within the same chapter', () => {
    expect(withVisit(sample, 'io-threading', 2_000)).toEqual({ ...sample, updatedAt: 2_000 })
    expect(withVisit(sample, 'io-asyncio', 2_000)).toEqual({ lastSlug: 'io-asyncio', updatedAt: 2_000, finished: ['what-is-concurrency'] })
    expect(withVisit(null, 'about', 5)).toEqual({ lastSlug: 'about', updatedAt: 5, finished: [] })
  })

  it('records the heading scrolled past, and forgets it above the first', () => {
    expect(withPosition(sample, 'io-threading', '动手试试', 3_000).lastHeadingId).toBe('动手试试')
    expect(withPosition(sample, 'io-threading', undefined, 3_000)).not.toHaveProperty('lastHeadingId')
  })

  it('writes nothing new for a scroll within the same section: the same record comes back', () => {
    const placed = withPosition(sample, 'io-threading', '动手试试', 3_000)
    expect(withPosition(placed, 'io-threading', '动手试试', 4_000)).toBe(placed)
    expect(withPosition(placed, 'io-asyncio', '动手试试', 4_000)).not.toBe(placed)
  })

  it('marks a chapter finished once', () => {
    const finished = withFinished(sample, 'io-threading', 4_000)
    expect(finished.finished).toEqual(['what-is-concurrency', 'io-threading'])
    expect(withFinished(finished, 'io-threading', 5_000)).toBe(finished)
    expect(withFinished(null, 'about', 6).finished).toEqual(['about'])
  })

  it('continues at the recorded heading, encoded for a URL', () => {
    expect(continueHref(sample)).toBe(`/learn/io-threading#${encodeURIComponent('开多少个线程合适')}`)
    expect(continueHref({ ...sample, lastHeadingId: undefined })).toBe('/learn/io-threading')
  })
})

describe('the stored progress', () => {
  it('keeps the record under its versioned key, tells subscribers, and clears', () => {
    const storage = memoryStorage()
    const events = new EventTarget()
    const store = createReadingProgressStore({ storage: () => storage, events: () => events })
    let changes = 0
    const unsubscribe = store.subscribe(() => changes++)
    expect(store.get()).toBeNull()
    store.set(sample)
    expect(JSON.parse(storage.saved.get(readingProgressKey)!)).toEqual(sample)
    expect(store.get()).toEqual(sample)
    // useSyncExternalStore needs the same object while nothing changed.
    expect(store.get()).toBe(store.get())
    store.clear()
    expect(storage.saved.has(readingProgressKey)).toBe(false)
    expect(store.get()).toBeNull()
    expect(changes).toBe(2)
    unsubscribe()
    store.set(sample)
    expect(changes).toBe(2)
  })

  it('follows another tab through the storage event, and ignores other keys', () => {
    const storage = memoryStorage()
    const events = new EventTarget()
    const store = createReadingProgressStore({ storage: () => storage, events: () => events })
    let changes = 0
    store.subscribe(() => changes++)
    storage.setItem(readingProgressKey, JSON.stringify(sample))
    events.dispatchEvent(Object.assign(new Event('storage'), { key: readingProgressKey }))
    events.dispatchEvent(Object.assign(new Event('storage'), { key: 'concurrency-lab:theme' }))
    expect(changes).toBe(1)
    expect(store.get()).toEqual(sample)
  })

  it('a corrupt stored record reads as none, and the next write replaces it', () => {
    const storage = memoryStorage()
    storage.setItem(readingProgressKey, 'not json')
    const store = createReadingProgressStore({ storage: () => storage, events: () => new EventTarget() })
    expect(store.get()).toBeNull()
    store.set(withVisit(store.get(), 'about', 1))
    expect(parseReadingProgress(storage.saved.get(readingProgressKey)!)).toEqual({ lastSlug: 'about', updatedAt: 1, finished: [] })
  })

  it('when storage refuses, the page still remembers for as long as it is open', () => {
    const store = createReadingProgressStore({ storage: () => refusing, events: () => new EventTarget() })
    store.set(sample)
    expect(store.get()).toEqual(sample)
  })
})
