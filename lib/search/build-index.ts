import MiniSearch from 'minisearch'
import type { CompiledChapter } from '../content/compile-chapter'
import { searchIndexOptions, type SearchDocument } from './options'

/** Long enough to recognise the section, short enough to keep the index small. */
const snippetLength = 90

function snippetOf(text: string): string {
  const characters = Array.from(text)
  return characters.length <= snippetLength ? text : `${characters.slice(0, snippetLength).join('')}…`
}

/**
 * One document per section of each compiled chapter (the compile's own sections and heading
 * ids, so every hit's anchor is a heading on the page); the introduction leads with the summary.
 */
export function toSearchDocuments(chapters: readonly Pick<CompiledChapter, 'meta' | 'sections'>[]): SearchDocument[] {
  return chapters
    .flatMap(({ meta, sections }) =>
      sections.map((section) => {
        const text = section.id === '' ? `${meta.summary} ${section.text}`.trim() : section.text
        return { slug: meta.slug, title: meta.title, anchor: section.id, heading: section.heading, text }
      }),
    )
    .map((document, key) => ({ key, ...document, snippet: snippetOf(document.text) }))
}

/** Built at build time (the /search-index.json route is prerendered); the browser only loads it. */
export function buildSearchIndex(chapters: readonly Pick<CompiledChapter, 'meta' | 'sections'>[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions)
  index.addAll(toSearchDocuments(chapters))
  return index
}
