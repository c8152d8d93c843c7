import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { getChapters } from '@/lib/content/chapters'
import { compileChapter } from '@/lib/content/compile-chapter'
import { buildSearchIndex, toSearchDocuments } from '@/lib/search/build-index'
import { highlightTerms, splitHighlights } from '@/lib/search/highlight'
import { searchIndexOptions, type SearchDocument, type StoredSearchFields } from '@/lib/search/options'
import { tokenizeForSearch } from '@/lib/search/tokenize'
import { testCompileOptions } from './compile-options'

// The index is made from the chapter compile the pages use, as app/search-index.json does.
const chapters = await Promise.all(getChapters().map((chapter) => compileChapter(chapter, testCompileOptions)))
const builtIndex = buildSearchIndex(chapters)
// What the browser gets: the index after a round trip through /search-index.json.
const loadedIndex = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(builtIndex), searchIndexOptions)

function topHits(query: string) {
  return loadedIndex.search(query).map((hit) => hit as typeof hit & StoredSearchFields)
}

describe('tokenizer', () => {
  it('segments Chinese into words and lowercases Latin terms', () => {
    expect(tokenizeForSearch('事件循环')).toEqual(['事件', '循环'])
    expect(tokenizeForSearch('核心是一个叫事件循环的 Python 对象')).toEqual(expect.arrayContaining(['事件', '循环', 'python']))
  })

  it('indexes the parts of identifiers too, and reads full-width Latin', () => {
    expect(tokenizeForSearch('用 asyncio.gather 收尾')).toEqual(expect.arrayContaining(['asyncio.gather', 'asyncio', 'gather']))
    expect(tokenizeForSearch('ＧＩＬ')).toEqual(['gil'])
  })
})

describe('highlighting', () => {
  it('marks the query’s words and runs, not its single characters elsewhere', () => {
    const terms = highlightTerms('线程池', ['线', '程', '池'])
    expect(splitHighlights('多线程的状态，一池线程池，进程池', terms)).toEqual([
      { text: '多', match: false },
      { text: '线程', match: true },
      { text: '的状态，一池', match: false },
      { text: '线程池', match: true },
      { text: '，进程池', match: false },
    ])
  })

  it('marks Latin terms whatever their case, and adjacent matches as one run', () => {
    expect(splitHighlights('用 AsyncIO 的事件循环', highlightTerms('asyncio 事件循环', ['asyncio', '事件', '循环']))).toEqual([
      { text: '用 ', match: false },
      { text: 'AsyncIO', match: true },
      { text: ' 的', match: false },
      { text: '事件循环', match: true },
    ])
  })
})

describe('search over the real chapters', () => {
  const expectations: [query: string, slug: string][] = [
    ['事件循环', 'io-asyncio'],
    ['竞态条件', 'race-conditions'],
    ['线程池', 'io-threading'],
    ['asyncio', 'io-asyncio'],
    // No chapter has a GIL section: its glossary entry is where it is defined.
    ['GIL', 'glossary'],
    ['ThreadPoolExecutor', 'io-threading'],
  ]
  for (const [query, slug] of expectations) {
    it(`finds ${query} first in ${slug}`, () => {
      const hits = topHits(query)
      expect(hits.length).toBeGreaterThan(0)
      expect(
        hits[0]?.slug,
        hits
          .slice(0, 5)
          .map((hit) => `${hit.slug}#${hit.anchor}`)
          .join(', '),
      ).toBe(slug)
    })
  }

  it('keeps the glossary entry among the results for a term the chapters teach', () => {
    const hits = topHits('事件循环').slice(0, 5)
    expect(hits.some((hit) => hit.slug === 'glossary' && hit.anchor === '事件循环')).toBe(true)
  })

  it('matches a Latin prefix and a one-letter typo, not a Chinese one', () => {
    expect(topHits('asyn')[0]?.slug).toBe('io-asyncio')
    expect(topHits('asyncoi').length).toBe(0) // a transposition is two edits: too far
    expect(topHits('asyncia')[0]?.slug).toBe('io-asyncio') // one substitution
    expect(topHits('竟态条件')).toEqual([])
  })

  it('finds nothing for nonsense', () => {
    expect(topHits('qwzxvkj')).toEqual([])
    expect(topHits('火星殖民')).toEqual([])
  })

  it('stores only what a result shows, with a short snippet', () => {
    const [hit] = topHits('竞态条件')
    const resultKeys = ['id', 'score', 'terms', 'queryTerms', 'match']
    expect(
      Object.keys(hit!)
        .filter((key) => !resultKeys.includes(key))
        .sort(),
    ).toEqual(['anchor', 'heading', 'slug', 'snippet', 'title'])
    expect(Array.from(hit!.snippet).length).toBeLessThanOrEqual(91)
    expect(JSON.stringify(builtIndex).length).toBeLessThan(400_000)
  })
})

describe('section ids', () => {
  it('are the TOC’s: the same headings, ids and texts, for every chapter', () => {
    for (const { meta, toc, sections } of chapters) {
      expect(
        sections.filter((section) => section.id !== '').map(({ id, heading, depth }) => ({ id, text: heading, depth })),
        meta.file,
      ).toEqual(toc.map(({ id, text, depth }) => ({ id, text, depth })))
    }
  })

  it('are ids of the compiled page (every anchor in the index is on its chapter page)', () => {
    for (const document of toSearchDocuments(chapters)) {
      if (document.anchor === '') continue
      const { code } = chapters.find((chapter) => chapter.meta.slug === document.slug)!
      // A heading's id sits in a static-HTML run (id="…", escaped once more inside the string) or on a React element (id: "…").
      const id = JSON.stringify(document.anchor)
      expect(code.includes(`id: ${id}`) || code.includes(`id=\\${id.slice(0, -1)}\\"`), `${document.slug}#${document.anchor}`).toBe(true)
    }
  })

  it('give the introduction the chapter’s summary and top of page', () => {
    const intro = toSearchDocuments(chapters).find((document) => document.slug === 'io-asyncio' && document.anchor === '')
    expect(intro?.text.startsWith(chapters.find((chapter) => chapter.meta.slug === 'io-asyncio')!.meta.summary)).toBe(true)
    expect(intro?.heading).toBe('')
  })

  it('leave code out of the indexed text', () => {
    const sections = chapters.flatMap((chapter) => chapter.sections)
    expect(sections.some((section) => section.text.includes('import asyncio'))).toBe(false)
    // Inline code is prose: identifiers written in backticks must be found.
    expect(sections.some((section) => section.text.includes('aiohttp.ClientSession'))).toBe(true)
  })
})
