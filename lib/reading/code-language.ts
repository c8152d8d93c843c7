import { createStoredValue, type StoredValueOptions } from './stored-value'

/** Versioned, so a later shape of the choice can ignore this one rather than misread it. */
export const codeLanguageKey = 'concurrency-lab:code-language:v1'

/** A fence language as a reader chooses it: `ts` and `tsx` are one choice, TypeScript. */
export function codeLanguageOf(fence: string): string {
  const language = fence.toLowerCase()
  if (language === 'ts' || language === 'tsx') return 'typescript'
  if (language === 'js' || language === 'jsx') return 'javascript'
  if (language === 'shell') return 'bash'
  return language
}

const storedLanguage = /^[a-z][a-z0-9-]{0,31}$/

export function parseCodeLanguage(raw: string | null): string | null {
  return raw !== null && storedLanguage.test(raw) ? raw : null
}

/** The reader's chosen language for every code tab group, on this page and the next. */
export function createCodeLanguageStore(options: Partial<Pick<StoredValueOptions<string | null>, 'storage' | 'events'>> = {}) {
  return createStoredValue<string | null>({ key: codeLanguageKey, parse: parseCodeLanguage, serialize: (language) => language ?? '', ...options })
}

export const codeLanguage = createCodeLanguageStore()
