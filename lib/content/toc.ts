/** A heading in the page's "本页内容" list; made with the search sections (outline.ts). */
export interface TocEntry {
  depth: 2 | 3
  id: string
  text: string
}
