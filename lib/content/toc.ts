import type { Element, Root } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

export interface TocEntry {
  depth: 2 | 3
  id: string
  text: string
}

/** Collects h2/h3 headings (after rehype-slug gave them ids) into a table of contents. */
export function extractToc(tree: Root): TocEntry[] {
  const entries: TocEntry[] = []
  visit(tree, 'element', (node: Element) => {
    const rank = headingRank(node)
    if (rank !== 2 && rank !== 3) return
    const id = node.properties?.id
    if (typeof id !== 'string') return
    entries.push({ depth: rank, id, text: toString(node).trim() })
  })
  return entries
}

/** rehype plugin: stores the TOC on file.data.toc for the page to render. */
export function rehypeCollectToc() {
  return (tree: Root, file: VFile) => {
    file.data.toc = extractToc(tree)
  }
}

declare module 'vfile' {
  interface DataMap {
    toc: TocEntry[]
  }
}
