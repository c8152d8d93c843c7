import { describe, expect, it } from 'vitest'
import { getChapters, parseChapterSource } from '@/lib/content/chapters'
import { compileChapter, compileMdx } from '@/lib/content/compile-chapter'
import { testCompileOptions } from './compile-options'

/** A whole file: six lines of frontmatter, then the body from line 7. */
function chapterFile(body: string[]): string {
  return ['---', 'title: 示例', 'order: 900', 'slug: sample', 'summary: 一章示例。', '---', ...body].join('\n')
}

function compileSample(body: string[]) {
  return compileChapter(parseChapterSource('sample.mdx', chapterFile(body)), testCompileOptions)
}

describe('<Demo> tags are checked at compile time', () => {
  it('refuses an unknown id, naming the file and its line', async () => {
    // Body lines 1–5 are file lines 7–11: the tag is on line 11.
    await expect(compileSample(['## 演示', '', '一段文字。', '', '<Demo id="oi" />'])).rejects.toThrowError(
      /^content\/sample\.mdx:11: unknown demo id "oi" \(known: io, /,
    )
  })

  it('refuses a focus or variant the demo does not take, and lists every wrong tag', async () => {
    const error = await compileSample([
      '<Demo id="io" focus="threads" />',
      '',
      '<Demo id="race" variant="locks" />',
      '',
      '<Demo id="cpu" variant="x" />',
    ]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message.split('\n')).toEqual([
      'content/sample.mdx:7: demo "io" has no focus "threads" (allowed: sequential, pool, async, workers)',
      'content/sample.mdx:9: demo "race" has no variant "locks" (allowed: shared-memory, async)',
      'content/sample.mdx:11: demo "cpu" has no variant "x" (allowed: none)',
    ])
  })

  it('refuses attributes it cannot check: expressions, spreads, unknown names, a missing id', async () => {
    await expect(compileMdx('<Demo id={"io"} />', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError(
      'content/a.mdx:1: <Demo id> must be a literal string (id="…"), so the build can check it',
    )
    await expect(compileMdx('<Demo {...props} />', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError(/^content\/a\.mdx:1: <Demo> takes no spread/)
    await expect(compileMdx('<Demo id="io" foucs="async" />', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError(
      'content/a.mdx:1: <Demo> has no attribute "foucs" (it takes id, focus, variant, program)',
    )
    await expect(compileMdx('<Demo id="python" program="io-trio" />', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError(
      /^content\/a\.mdx:1: demo "python" has no program "io-trio" \(allowed: io-synchronous, /,
    )
    await expect(compileMdx('<Demo />', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError('content/a.mdx:1: <Demo> needs an id')
  })

  it('checks a <Demo> inside other components and inside a paragraph too', async () => {
    await expect(compileMdx('<Note>\n\n<Demo id="nope" />\n\n</Note>', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError(
      /^content\/a\.mdx:3: unknown demo id "nope"/,
    )
    await expect(compileMdx('见 <Demo id="nope" /> 。', { file: 'a.mdx', ...testCompileOptions })).rejects.toThrowError(
      /^content\/a\.mdx:1: unknown demo id "nope"/,
    )
  })

  it('accepts right tags and reports the demo ids used, once each, in order', async () => {
    const compiled = await compileSample([
      '<Demo id="io" focus="async" />',
      '',
      '<Demo id="race" variant="async" />',
      '',
      '<Demo id="io" />',
      '',
      '<Demo id="event-loop" />',
    ])
    expect(compiled.demoIds).toEqual(['io', 'race', 'event-loop'])
  })
})

describe('one compile per chapter', () => {
  it('yields the frontmatter, program, TOC, sections and demo ids together', async () => {
    const compiled = await compileSample([
      '引言。',
      '',
      '## 第一节',
      '',
      '正文 `code` 与 [链接](/learn/io-asyncio)。',
      '',
      '```python',
      'import asyncio',
      '```',
      '',
      '### 小节',
      '',
      '<Demo id="cpu" />',
    ])
    expect(compiled.meta).toEqual({ title: '示例', order: 900, slug: 'sample', summary: '一章示例。', file: 'sample.mdx' })
    expect(compiled.code).toContain('function _createMdxContent')
    expect(compiled.toc).toEqual([
      { depth: 2, id: '第一节', text: '第一节' },
      { depth: 3, id: '小节', text: '小节' },
    ])
    expect(compiled.sections).toEqual([
      { id: '', heading: '', depth: null, text: '引言。' },
      { id: '第一节', heading: '第一节', depth: 2, text: '正文 code 与 链接。' },
      { id: '小节', heading: '小节', depth: 3, text: '' },
    ])
    expect(compiled.demoIds).toEqual(['cpu'])
  })

  it('compiles a chapter once per process and again only when its text changes', async () => {
    const chapter = parseChapterSource('cached.mdx', chapterFile(['## 一']).replace('slug: sample', 'slug: cached'))
    const first = compileChapter(chapter, testCompileOptions)
    expect(compileChapter({ ...chapter }, { ...testCompileOptions, componentTags: new Set(['pre']) })).toBe(first)
    expect(compileChapter({ ...chapter, body: '## 二' }, testCompileOptions)).not.toBe(first)
    expect(compileChapter(chapter, { ...testCompileOptions, staticHtml: false })).not.toBe(first)
    await first
  })

  it('ignores the listing checker’s fence meta (file="…", nocheck="…") on the page', async () => {
    const plain = await compileMdx('```ts\nconst a = 1\n```', { file: 'a.mdx', ...testCompileOptions })
    const named = await compileMdx('```ts file="a.ts" nocheck="片段"\nconst a = 1\n```', { file: 'a.mdx', ...testCompileOptions })
    expect(named.code).toBe(plain.code)
  })

  it('names the file line of an MDX syntax error, past the frontmatter', async () => {
    await expect(compileSample(['正文。', '', '一个 {未闭合的表达式'])).rejects.toThrowError(/content\/sample\.mdx:9:/)
  })
})

describe('the chapters in content/', () => {
  it('place only registered demos, and the compile reports each one the file writes', async () => {
    for (const chapter of getChapters()) {
      const { demoIds } = await compileChapter(chapter, testCompileOptions)
      const written = [...new Set([...chapter.body.matchAll(/<Demo id="([^"]+)"/g)].map((match) => match[1]))]
      expect(demoIds, chapter.file).toEqual(written)
    }
  }, 120_000)
})
