import type { ElementContent, Root, RootContent } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { toString } from 'hast-util-to-string'
import type { VFile } from 'vfile'
import type { TocEntry } from './toc'

/** One section of a chapter: what the search indexes and the TOC lists. */
export interface ChapterSection {
  /** The heading's id on the page (rehype-slug's); '' for the text before the first heading. */
  id: string
  /** The heading's text; '' for the introduction. */
  heading: string
  depth: 2 | 3 | null
  /** The prose, with code blocks, imports and JSX expressions left out. */
  text: string
}

type Node = Root | RootContent | ElementContent

/** Code is not prose to search; ESM and `{expressions}` are program text. */
const skippedNodeTypes = new Set(['comment', 'doctype', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'])

/** Elements after which a space keeps two blocks' words apart ("第一段" + "第二段"). */
const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'blockquote', 'br', 'hr'])

/** JSX attributes a reader sees as text: <Exercise title>, <Figure alt caption>. */
const visibleAttributeNames = new Set(['title', 'caption', 'alt'])

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** An h2 or h3 with its rehype-slug id: where a section (and a TOC entry) starts. */
function sectionHeading(node: Node): { id: string; depth: 2 | 3; heading: string } | undefined {
  if (node.type !== 'element') return undefined
  const depth = headingRank(node)
  const id = node.properties.id
  if ((depth !== 2 && depth !== 3) || typeof id !== 'string') return undefined
  return { id, depth, heading: collapseWhitespace(toString(node)) }
}

/**
 * Splits a chapter's tree into sections at every h2 and h3. Run after rehype-slug (the ids are
 * the page's own) and before the heading anchors are appended (the text is the heading's own).
 */
export function extractSections(tree: Root): ChapterSection[] {
  const sections: ChapterSection[] = []
  let current: ChapterSection = { id: '', heading: '', depth: null, text: '' }
  const pieces: string[] = []
  const finishSection = () => {
    sections.push({ ...current, text: collapseWhitespace(pieces.join('')) })
    pieces.length = 0
  }

  const walk = (node: Node) => {
    if (skippedNodeTypes.has(node.type)) return
    if (node.type === 'text') {
      pieces.push(node.value)
      return
    }
    const heading = sectionHeading(node)
    if (heading) {
      finishSection()
      current = { ...heading, text: '' }
      return
    }
    if (node.type === 'element' && node.tagName === 'pre') return
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && visibleAttributeNames.has(attribute.name) && typeof attribute.value === 'string') {
          pieces.push(` ${attribute.value} `)
        }
      }
    }
    if ('children' in node) for (const child of node.children) walk(child)
    if ((node.type === 'element' && blockTags.has(node.tagName)) || node.type === 'mdxJsxFlowElement') pieces.push(' ')
  }

  walk(tree)
  finishSection()
  return sections
}

/** rehype plugin: stores the sections and the TOC (the same headings) on file.data. */
export function rehypeChapterOutline() {
  return (tree: Root, file: VFile) => {
    const sections = extractSections(tree)
    file.data.sections = sections
    file.data.toc = sections.flatMap(({ id, heading, depth }): TocEntry[] => (depth === null ? [] : [{ depth, id, text: heading }]))
  }
}

declare module 'vfile' {
  interface DataMap {
    sections: ChapterSection[]
    toc: TocEntry[]
  }
}
