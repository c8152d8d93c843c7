import type { Options, SearchOptions } from 'minisearch'
import { isLatinTerm, tokenizeForSearch } from './tokenize'

/** One searchable unit: a chapter's section (under an h2/h3), or its introduction. */
export interface SearchDocument {
  /** MiniSearch's document id: a small number keeps the serialised index small. */
  key: number
  slug: string
  /**
   * The heading's id on the page (as rehype-slug made it); '' for the introduction. Not named
   * `id`: MiniSearch puts the document id under `id` in every result.
   */
  anchor: string
  title: string
  /** The heading's text; '' for the introduction. */
  heading: string
  /** The section's prose, without code and JSX: indexed, never stored. */
  text: string
  snippet: string
}

export type StoredSearchFields = Pick<SearchDocument, 'slug' | 'anchor' | 'title' | 'heading' | 'snippet'>

const storedFieldNames = ['slug', 'anchor', 'title', 'heading', 'snippet'] as const satisfies readonly (keyof StoredSearchFields)[]

/** The glossary's slug: its short entries are headed by the very terms readers look up. */
const glossarySlug = 'glossary'

const searchOptions: SearchOptions = {
  // A Chinese phrase becomes several ICU words (事件循环 → 事件 + 循环); all must be in the section.
  combineWith: 'AND',
  boost: { heading: 3, title: 1.5, text: 1 },
  prefix: (term) => isLatinTerm(term) && term.length >= 2,
  fuzzy: (term) => (isLatinTerm(term) && term.length >= 4 ? 0.2 : false),
  // Every glossary entry is headed by its term and would top every search; the chapter that
  // teaches the term should come first, with the glossary entry still in the list.
  boostDocument: (_key, _term, stored) => (stored?.slug === glossarySlug ? 0.4 : 1),
}

/** The options the index is built with and loaded with: both sides must agree. */
export const searchIndexOptions: Options<SearchDocument> = {
  idField: 'key',
  fields: ['title', 'heading', 'text'],
  storeFields: [...storedFieldNames],
  tokenize: tokenizeForSearch,
  searchOptions,
}
