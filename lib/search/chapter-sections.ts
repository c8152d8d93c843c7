import { createProcessor } from '@mdx-js/mdx'
import GithubSlugger from 'github-slugger'
import remarkGfm from 'remark-gfm'
import { VFile } from 'vfile'
import type { ChapterSource } from '../content/chapters'

/** One section of a chapter as the search sees it. */
export interface ChapterSection {
  slug: string
  title: string
  /** The heading's id on the page; '' for the text before the first heading. */
  id: string
  heading: string
  depth: 2 | 3 | null
  /** The prose, with code fences, imports and JSX expressions left out. */
  text: string
}

/** The mdast shapes this walk reads (MDX's tree: mdast plus mdxJsx* nodes). */
interface MarkdownNode {
  type: string
  value?: string
  depth?: number
  children?: MarkdownNode[]
  attributes?: { type: string; name?: string; value?: unknown }[]
}

// Parse only: same MDX syntax and GFM as the page, none of the page's rehype work (shiki).
const parser = createProcessor({ remarkPlugins: [remarkGfm] })

/** Code is not prose to search; ESM and `{expressions}` are program text. */
const skippedNodeTypes = new Set(['code', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'])

/** Nodes after which a space keeps two blocks' words apart ("第一段" + "第二段"). */
const blockNodeTypes = new Set([
  'paragraph',
  'heading',
  'list',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'blockquote',
  'mdxJsxFlowElement',
  'break',
  'thematicBreak',
])

/** JSX attributes a reader sees as text: <Exercise title>, <Figure alt caption>. */
const visibleAttributeNames = new Set(['title', 'caption', 'alt'])

/**
 * The heading's text exactly as rehype-slug sees it: hast-util-to-string joins every
 * descendant's value (inline code included) with nothing in between.
 */
function headingText(node: MarkdownNode): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map(headingText).join('')
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Splits a chapter into sections at every h2 and h3, with ids made as rehype-slug makes them:
 * one github-slugger per chapter, fed every heading (any depth) in document order, so repeated
 * headings get the same -1, -2 suffixes as on the page.
 */
export function extractChapterSections(chapter: Pick<ChapterSource, 'slug' | 'title' | 'summary' | 'body' | 'file'>): ChapterSection[] {
  const tree = parser.parse(new VFile({ value: chapter.body, path: `content/${chapter.file}` })) as MarkdownNode
  const slugger = new GithubSlugger()
  const sections: ChapterSection[] = []
  // The introduction (summary and text before the first heading) links to the chapter's top.
  let current: ChapterSection = { slug: chapter.slug, title: chapter.title, id: '', heading: '', depth: null, text: chapter.summary }
  const pieces: string[] = []

  const finishSection = () => {
    sections.push({ ...current, text: collapseWhitespace(`${current.text} ${pieces.join('')}`) })
    pieces.length = 0
  }

  const walk = (node: MarkdownNode) => {
    if (skippedNodeTypes.has(node.type)) return
    if (node.type === 'heading') {
      const text = headingText(node)
      const id = slugger.slug(text)
      if (node.depth === 2 || node.depth === 3) {
        finishSection()
        current = { slug: chapter.slug, title: chapter.title, id, heading: collapseWhitespace(text), depth: node.depth, text: '' }
        return
      }
    }
    if (node.type === 'text' || node.type === 'inlineCode') pieces.push(node.value ?? '')
    for (const attribute of node.attributes ?? []) {
      if (attribute.name && visibleAttributeNames.has(attribute.name) && typeof attribute.value === 'string') {
        pieces.push(` ${attribute.value} `)
      }
    }
    for (const child of node.children ?? []) walk(child)
    if (blockNodeTypes.has(node.type)) pieces.push(' ')
  }

  walk(tree)
  finishSection()
  return sections
}
