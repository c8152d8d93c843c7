import MiniSearch from 'minisearch'
import { getChapters, type ChapterSource } from '../content/chapters'
import { extractChapterSections, type ChapterSection } from './chapter-sections'
import { searchIndexOptions, type SearchDocument } from './options'

/** Long enough to recognise the section, short enough to keep the index small. */
const snippetLength = 90

function snippetOf(text: string): string {
  const characters = Array.from(text)
  return characters.length <= snippetLength ? text : `${characters.slice(0, snippetLength).join('')}…`
}

export function toSearchDocuments(sections: ChapterSection[]): SearchDocument[] {
  return sections.map((section, key) => ({
    key,
    slug: section.slug,
    anchor: section.id,
    title: section.title,
    heading: section.heading,
    text: section.text,
    snippet: snippetOf(section.text),
  }))
}

/** Built at build time (the /search-index.json route is prerendered); the browser only loads it. */
export function buildSearchIndex(chapters: ChapterSource[] = getChapters()): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(searchIndexOptions)
  index.addAll(toSearchDocuments(chapters.flatMap(extractChapterSections)))
  return index
}
