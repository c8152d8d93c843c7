import type { ChapterSection } from '../content/outline'

/** The glossary chapter's slug: terms link to it. */
export const glossarySlug = 'glossary'

/** What a term's popover shows: the entry's anchor on the glossary page and its definition. */
export interface GlossaryEntry {
  /** The glossary heading's id on its page (rehype-slug's, from the same compile). */
  anchor: string
  /** The entry's first paragraph as plain text, without its "详见 …" pointers. */
  definition: string
}

/** Term text (the glossary heading, exactly as `<Term id>` names it) → its entry. */
export type GlossaryEntries = Readonly<Record<string, GlossaryEntry>>

/** The pointers at an entry's end name chapters: the popover's own link leads to the entry instead. */
const pointers = /\s*(详见|另见)\s.*$/u

export function definitionText(sectionText: string): string {
  return sectionText.replace(pointers, '').trim()
}

/** The glossary's h2 sections (from its one compile) as entries; h3s and the introduction are not terms. */
export function glossaryEntries(sections: readonly ChapterSection[]): GlossaryEntries {
  const entries: Record<string, GlossaryEntry> = {}
  for (const section of sections) {
    if (section.depth !== 2 || !section.heading) continue
    entries[section.heading] = { anchor: section.id, definition: definitionText(section.text) }
  }
  return entries
}
