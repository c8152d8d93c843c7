import { describe, expect, it } from 'vitest'
import { codeLanguageKey, codeLanguageOf, createCodeLanguageStore, parseCodeLanguage } from '@/lib/reading/code-language'
import type { KeyValueStorage } from '@/lib/reading/stored-value'

function memoryStorage(): KeyValueStorage & { saved: Map<string, string> } {
  const saved = new Map<string, string>()
  return { saved, getItem: (key) => saved.get(key) ?? null, setItem: (key, value) => void saved.set(key, value), removeItem: (key) => void saved.delete(key) }
}

describe('code language choice', () => {
  it('treats ts and tsx as one choice', () => {
    expect(codeLanguageOf('ts')).toBe('typescript')
    expect(codeLanguageOf('tsx')).toBe('typescript')
    expect(codeLanguageOf('python')).toBe('python')
  })

  it('ignores a stored value it did not write', () => {
    expect(parseCodeLanguage('typescript')).toBe('typescript')
    expect(parseCodeLanguage('<script>')).toBeNull()
    expect(parseCodeLanguage('')).toBeNull()
    expect(parseCodeLanguage(null)).toBeNull()
  })

  it('one group’s choice reaches every subscribed group and the next page', () => {
    const storage = memoryStorage()
    const events = new EventTarget()
    const page = createCodeLanguageStore({ storage: () => storage, events: () => events })
    const seen: Array<string | null> = []
    page.subscribe(() => seen.push(page.get()))
    page.subscribe(() => seen.push(page.get()))
    page.set('typescript')
    expect(seen).toEqual(['typescript', 'typescript'])
    expect(storage.saved.get(codeLanguageKey)).toBe('typescript')
    // A reload or another chapter: a new store over the same storage.
    expect(createCodeLanguageStore({ storage: () => storage, events: () => new EventTarget() }).get()).toBe('typescript')
  })
})
