import GithubSlugger from 'github-slugger'
import { describe, expect, it } from 'vitest'
import { getChapters } from '@/lib/content/chapters'
import { compileChapter, compileMdx } from '@/lib/content/compile-chapter'
import { testCompileOptions } from './compile-options'

describe('TOC extraction', () => {
  it('collects h2 and h3 with their slugged ids, skipping h1 and h4 and code', async () => {
    const source = [
      '# 不算',
      '## 什么是并发',
      '文字 `code`',
      '### 抢占式 `threading`',
      '#### 太深了',
      '```python',
      '## not a heading',
      '```',
      '## 什么是并发',
    ].join('\n\n')
    const { toc } = await compileMdx(source, { file: 'sample.mdx', ...testCompileOptions })
    expect(toc).toEqual([
      { depth: 2, id: '什么是并发', text: '什么是并发' },
      { depth: 3, id: '抢占式-threading', text: '抢占式 threading' },
      { depth: 2, id: '什么是并发-1', text: '什么是并发' },
    ])
  })
})

describe('the chapters in content/', () => {
  const chapters = getChapters()

  it('have unique, consecutive-enough orders and unique slugs', () => {
    const orders = chapters.map((chapter) => chapter.order)
    expect(orders).toEqual([...orders].sort((a, b) => a - b))
    expect(new Set(orders).size).toBe(orders.length)
    expect(new Set(chapters.map((chapter) => chapter.slug)).size).toBe(chapters.length)
  })

  it('compile, and each has unique h2/h3 headings', async () => {
    for (const chapter of chapters) {
      const { toc } = await compileChapter(chapter, testCompileOptions)
      expect(toc.length, chapter.file).toBeGreaterThan(0)
      const ids = toc.map((entry) => entry.id)
      // rehype-slug appends -1 to repeated headings; a stable chapter has none.
      expect(
        ids.filter((id) => /-\d+$/.test(id) && ids.includes(id.replace(/-\d+$/, ''))),
        chapter.file,
      ).toEqual([])
    }
    // Fourteen chapters through MDX and shiki: seconds on a quiet machine, more on a busy one.
  }, 120_000)

  it('link terms only to glossary entries that exist', () => {
    const glossary = chapters.find((chapter) => chapter.slug === 'glossary')
    expect(glossary, 'content/glossary.mdx').toBeDefined()
    const slugger = new GithubSlugger()
    const entries = new Set([...glossary!.body.matchAll(/^##\s+(.+)$/gm)].map((match) => slugger.slug(match[1]!.trim())))
    for (const chapter of chapters) {
      for (const match of chapter.body.matchAll(/<Term id="([^"]+)"/g)) {
        expect(entries.has(new GithubSlugger().slug(match[1]!)), `${chapter.file}: <Term id="${match[1]}">`).toBe(true)
      }
    }
  })

  it('link only to chapters that exist', () => {
    const slugs = new Set(chapters.map((chapter) => chapter.slug))
    for (const chapter of chapters) {
      for (const match of chapter.body.matchAll(/\]\(\/learn\/([a-z0-9-]+)/g)) {
        expect(slugs.has(match[1]!), `${chapter.file} links to /learn/${match[1]}`).toBe(true)
      }
    }
  })
})
