import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { definitionText, glossaryEntries, glossaryEntry } from '@/lib/glossary/definitions'
import { loadGlossaryEntries } from '@/lib/glossary/load-entries'

// The page's list (components/mdx/registry.tsx), written out: lib tests need no React.
const componentTags = new Set(['pre', 'table'])

/** Every `<Term id>` the chapters use. */
function termIds(): string[] {
  const directory = join(process.cwd(), 'content')
  const ids = readdirSync(directory)
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((file) => [...readFileSync(join(directory, file), 'utf8').matchAll(/<Term id="([^"]+)"/g)].map((match) => match[1]!))
  return [...new Set(ids)]
}

describe('glossary entries', () => {
  it('drops the pointers to chapters from a definition', () => {
    expect(definitionText('英文 event loop。协作式多任务的调度者。详见 I/O 密集型：asyncio 版本。')).toBe('英文 event loop。协作式多任务的调度者。')
    expect(definitionText('一段话。详见 什么是并发 ，另见 竞态条件 。')).toBe('一段话。')
  })

  it('takes h2 sections only, with their page ids', () => {
    const entries = glossaryEntries([
      { id: '', heading: '', depth: null, text: '引言。' },
      { id: 'gil', heading: 'GIL', depth: 2, text: '一把锁。详见 竞态条件。' },
      { id: '小节', heading: '小节', depth: 3, text: '不是词条。' },
    ])
    expect(entries).toEqual({ GIL: { anchor: 'gil', definition: '一把锁。' } })
  })

  it('defines every term the chapters use, from the glossary’s own compile', { timeout: 60_000 }, async () => {
    const entries = await loadGlossaryEntries({ componentTags })
    for (const id of termIds()) {
      const entry = glossaryEntry(entries, id, 'test.mdx')
      expect(entry.definition.length, id).toBeGreaterThan(20)
      expect(entry.definition, id).not.toMatch(/详见|另见|\]\(|`/)
    }
    expect(entries['事件循环']).toEqual({ anchor: '事件循环', definition: expect.stringMatching(/^英文 event loop。协作式多任务的调度者/) })
    expect(entries['I/O 密集型']?.anchor).toBe('io-密集型')
  })

  it('fails the build on a term the glossary lacks, naming the chapter', () => {
    expect(() => glossaryEntry({}, '不存在的词', 'io-threading.mdx')).toThrowError(/^content\/io-threading\.mdx: <Term id="不存在的词"> names no entry/)
  })
})
