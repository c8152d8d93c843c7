import MiniSearch from 'minisearch'
import { highlightTerms, splitHighlights, type TextPart } from './highlight'
import { searchIndexOptions, type SearchDocument, type StoredSearchFields } from './options'

/** Where the prerendered index is served (app/search-index.json/route.ts). */
export const searchIndexPath = '/search-index.json'

export interface ChapterSearchHit extends StoredSearchFields {
  /** The chapter, at the heading when the hit is a section. */
  href: string
  headingParts: TextPart[]
  snippetParts: TextPart[]
}

export interface ChapterSearchResults {
  /** The best hits, at most the limit asked for. */
  hits: ChapterSearchHit[]
  /** How many sections matched in all. */
  total: number
}

export interface ChapterSearch {
  search(query: string, limit?: number): ChapterSearchResults
}

/** The browser side of the search; loaded with a dynamic import when the reader opens it. */
export async function loadChapterSearch(): Promise<ChapterSearch> {
  if (typeof Intl.Segmenter !== 'function') throw new Error('Intl.Segmenter is not supported')
  const response = await fetch(searchIndexPath)
  if (!response.ok) throw new Error(`${searchIndexPath}: HTTP ${response.status}`)
  const index = MiniSearch.loadJSON<SearchDocument>(await response.text(), searchIndexOptions)
  return {
    search(query, limit = 20) {
      if (query.trim() === '') return { hits: [], total: 0 }
      const results = index.search(query)
      const hits = results.slice(0, limit).map((result): ChapterSearchHit => {
        const stored = result as unknown as StoredSearchFields
        const marked = highlightTerms(query, result.terms)
        return {
          slug: stored.slug,
          anchor: stored.anchor,
          title: stored.title,
          heading: stored.heading,
          snippet: stored.snippet,
          href: `/learn/${stored.slug}${stored.anchor ? `#${stored.anchor}` : ''}`,
          headingParts: splitHighlights(stored.heading, marked),
          snippetParts: splitHighlights(stored.snippet, marked),
        }
      })
      return { hits, total: results.length }
    },
  }
}
