import { getChapter } from '../content/chapters'
import { compileChapter, type ChapterCompileOptions } from '../content/compile-chapter'
import { glossaryEntries, glossarySlug, type GlossaryEntries } from './definitions'

/**
 * The glossary's entries from its own compile (the one its page uses, cached per build), so a
 * popover's definition and anchor are exactly what the glossary page shows.
 */
export async function loadGlossaryEntries(options: ChapterCompileOptions): Promise<GlossaryEntries> {
  const glossary = getChapter(glossarySlug)
  if (!glossary) throw new Error(`content/${glossarySlug}.mdx is missing: <Term> has nothing to define it`)
  const { sections } = await compileChapter(glossary, options)
  return glossaryEntries(sections)
}
