/** The part of the Web Storage API a stored value needs; localStorage in the browser, a Map in tests. */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** A value kept under one storage key, readable by useSyncExternalStore (stable snapshots, a subscribe). */
export interface StoredValue<T> {
  get(): T
  set(value: T): void
  clear(): void
  subscribe(onChange: () => void): () => void
}

export interface StoredValueOptions<T> {
  key: string
  /** Turns the stored text (null when nothing is stored) into a value; anything it cannot read must give the empty value. */
  parse: (raw: string | null) => T
  serialize: (value: T) => string
  /** Defaults to localStorage; a getter, because the module is also imported where there is none (the server). */
  storage?: () => KeyValueStorage | undefined
  /** Where changes are announced to this page's subscribers; defaults to window. */
  events?: () => EventTarget | undefined
}

/** The event a page's own writes raise; the browser's 'storage' event only reaches other tabs. */
export const storedValueChangeEvent = 'concurrency-lab:stored-value'

const browserStorage = (): KeyValueStorage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    // A sandboxed frame throws on the mere access.
    return undefined
  }
}

const browserWindow = (): EventTarget | undefined => (typeof window === 'undefined' ? undefined : window)

export function createStoredValue<T>({ key, parse, serialize, storage = browserStorage, events = browserWindow }: StoredValueOptions<T>): StoredValue<T> {
  // What this page wrote when storage refused it (private mode, a full quota): the choice then lasts for the page.
  let unsaved: { raw: string | null } | undefined
  let cache: { raw: string | null; value: T } | undefined

  const readRaw = (): string | null => {
    if (unsaved) return unsaved.raw
    try {
      return storage()?.getItem(key) ?? null
    } catch {
      return null
    }
  }

  const announce = () => events()?.dispatchEvent(new CustomEvent(storedValueChangeEvent, { detail: key }))

  const write = (raw: string | null) => {
    try {
      const target = storage()
      if (!target) throw new Error('no storage')
      if (raw === null) target.removeItem(key)
      else target.setItem(key, raw)
      unsaved = undefined
    } catch {
      unsaved = { raw }
    }
    announce()
  }

  return {
    get() {
      const raw = readRaw()
      // The same text gives the same object, so React sees no change where there is none.
      if (!cache || cache.raw !== raw) cache = { raw, value: parse(raw) }
      return cache.value
    },
    set: (value) => write(serialize(value)),
    clear: () => write(null),
    subscribe(onChange) {
      const target = events()
      if (!target) return () => {}
      const onOwnChange = (event: Event) => {
        if (event instanceof CustomEvent && event.detail === key) onChange()
      }
      const onOtherTab = (event: Event) => {
        // key is null when another tab cleared all of storage.
        if (!('key' in event) || event.key === key || event.key === null) onChange()
      }
      target.addEventListener(storedValueChangeEvent, onOwnChange)
      target.addEventListener('storage', onOtherTab)
      return () => {
        target.removeEventListener(storedValueChangeEvent, onOwnChange)
        target.removeEventListener('storage', onOtherTab)
      }
    },
  }
}
