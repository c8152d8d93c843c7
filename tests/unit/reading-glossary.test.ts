import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileMdx, loadGlossaryEntries } from '@/lib/content/compile-chapter'
import { definitionText, glossaryEntries } from '@/lib/glossary/definitions'
import { testCompileOptions } from './compile-options'

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
    const entries = await loadGlossaryEntries(testCompileOptions)
    for (const id of termIds()) {
      const entry = entries[id]
      expect(entry, id).toBeDefined()
      expect(entry!.definition.length, id).toBeGreaterThan(20)
      expect(entry!.definition, id).not.toMatch(/详见|另见|\]\(|`/)
    }
    expect(entries['事件循环']).toEqual({ anchor: '事件循环', definition: expect.stringMatching(/^英文 event loop。协作式多任务的调度者/) })
    expect(entries['I/O 密集型']?.anchor).toBe('io-密集型')
  })

  it('fails the build on a term the glossary lacks, naming the file and line', async () => {
    const glossary = { GIL: { anchor: 'gil', definition: '一把锁。' } }
    await expect(
      compileMdx('第一行。\n\n用到 <Term id="不存在的词">词</Term>。', { file: 'io-threading.mdx', ...testCompileOptions, glossary }),
    ).rejects.toThrowError(/^content\/io-threading\.mdx:3: <Term id="不存在的词"> names no entry of content\/glossary\.mdx \(its entries: GIL\)/)
    await expect(compileMdx('<Term>GIL</Term>', { file: 'a.mdx', ...testCompileOptions, glossary })).rejects.toThrowError(
      /^content\/a\.mdx:1: <Term> needs id=/,
    )
    await expect(compileMdx('<Term id="GIL">GIL</Term>', { file: 'glossary.mdx', ...testCompileOptions })).rejects.toThrowError(
      /^content\/glossary\.mdx:1: <Term> inside the glossary itself/,
    )
  })
})

describe('a term in a chapter', () => {
  const glossary = { GIL: { anchor: 'gil', definition: '全局解释器锁。' } }

  it('is plain HTML: a link to its entry, with its definition beside it, hidden', async () => {
    const { code } = await compileMdx('带 <Term id="GIL">**GIL**</Term> 的一段。', { file: 'a.mdx', ...testCompileOptions, glossary })
    // The term joined the paragraph's static HTML: no component is left for React to render.
    expect(code).not.toMatch(/_components\.Term|\bTerm\b/)
    const html = /html: "(.*)"/.exec(code)?.[1]?.replaceAll('\\"', '"')
    expect(html).toBe(
      '<p>带 <span class="term-wrapper"><a href="/learn/glossary#gil" class="term" data-term="" data-testid="term" aria-controls="term-gil"><strong>GIL</strong></a>' +
        '<span class="term-popover" id="term-gil" data-testid="term-popover" hidden><span class="term-title">GIL</span>' +
        '<span class="term-popover-text">全局解释器锁。</span><a href="/learn/glossary#gil" class="term-link">查看术语表</a></span></span> 的一段。</p>',
    )
  })

  it('used twice in a chapter gets a popover id of its own each time', async () => {
    const { code } = await compileMdx('<Term id="GIL">GIL</Term>\n\n又是 <Term id="GIL">GIL</Term>。', { file: 'a.mdx', ...testCompileOptions, glossary })
    expect([...code.matchAll(/ id=\\"(term-[^\\]+)\\"/g)].map((match) => match[1])).toEqual(['term-gil', 'term-gil-2'])
  })

  it('reaches the search as its word, not its hidden definition', async () => {
    const { sections } = await compileMdx('## 锁\n\n带 <Term id="GIL">GIL</Term> 的一段。', { file: 'a.mdx', ...testCompileOptions, glossary })
    expect(sections.find((section) => section.heading === '锁')?.text).toBe('带 GIL 的一段。')
  })
})
