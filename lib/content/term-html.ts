import type { Element, ElementContent, Root } from 'hast'
import type { Node } from 'unist'
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { glossarySlug, type GlossaryEntries } from '../glossary/definitions'

/** The CSS-module class names of a term's parts (components/mdx/Term.module.css, passed in by the page). */
export interface TermClassNames {
  wrapper: string
  term: string
  popover: string
  title: string
  link: string
}

export interface TermHtmlOptions {
  termClassNames: TermClassNames
  /** The glossary's entries; absent only when compiling the glossary itself, which defines terms rather than uses them. */
  glossary?: GlossaryEntries
}

/** A popover's id: the prefix and the entry's anchor, so a page's ids name their terms. */
const termIdPrefix = 'term-'

/**
 * A term's markup: a link to its glossary entry, with the definition beside it, hidden. The
 * popover script (components/mdx/TermPopovers.tsx) turns the link into a button that unfolds the
 * definition in place; without JavaScript the link still leads to the entry.
 */
function termElement(id: string, anchor: string, definition: string, popoverId: string, label: ElementContent[], classes: TermClassNames): Element {
  const href = `/learn/${glossarySlug}#${anchor}`
  const span = (className: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
    type: 'element',
    tagName: 'span',
    properties: { className: [className], ...properties },
    children,
  })
  const text = (value: string): ElementContent => ({ type: 'text', value })
  return span(classes.wrapper, [
    {
      type: 'element',
      tagName: 'a',
      properties: { href, className: [classes.term], dataTerm: '', dataTestid: 'term', ariaControls: [popoverId] },
      children: label,
    },
    span(
      classes.popover,
      [
        span(classes.title, [text(id)]),
        span('term-popover-text', [text(definition)]),
        { type: 'element', tagName: 'a', properties: { href, className: [classes.link] }, children: [text('查看术语表')] },
      ],
      { id: popoverId, dataTestid: 'term-popover', hidden: true },
    ),
  ])
}

function isTerm(node: Node): node is MdxJsxTextElementHast | MdxJsxFlowElementHast {
  return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node as MdxJsxTextElementHast).name === 'Term'
}

/**
 * rehype plugin: every `<Term id>` becomes plain HTML at build time, so a paragraph with a term
 * is as static as any other and joins the static-HTML runs React does not hydrate. A name the
 * glossary lacks fails the build with the file and line. Run it after the outline, so search
 * text holds the term's word and not its definition.
 */
export function rehypeTermHtml({ termClassNames, glossary }: TermHtmlOptions) {
  return (tree: Root, file: VFile) => {
    const problems: string[] = []
    const uses = new Map<string, number>()
    visit(tree, (node, index, parent) => {
      if (!isTerm(node) || index === undefined || !parent) return
      const where = `${file.path}:${node.position?.start.line ?? '?'}`
      const attribute = node.attributes.find((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === 'id')
      const id = typeof attribute?.value === 'string' ? attribute.value : undefined
      if (id === undefined) {
        problems.push(`${where}: <Term> needs id="…", the glossary heading it names`)
        return SKIP
      }
      if (!glossary) {
        problems.push(`${where}: <Term> inside the glossary itself: link to the entry instead`)
        return SKIP
      }
      const entry = Object.hasOwn(glossary, id) ? glossary[id] : undefined
      if (!entry) {
        problems.push(`${where}: <Term id="${id}"> names no entry of content/${glossarySlug}.mdx (its entries: ${Object.keys(glossary).join('、')})`)
        return SKIP
      }
      // A term used twice in a chapter gets a second popover of its own: ids stay unique.
      const use = (uses.get(id) ?? 0) + 1
      uses.set(id, use)
      const popoverId = `${termIdPrefix}${entry.anchor}${use > 1 ? `-${use}` : ''}`
      const term = termElement(id, entry.anchor, entry.definition, popoverId, node.children as ElementContent[], termClassNames)
      // A term on a line of its own is a block: it stands as a paragraph.
      parent.children[index] = node.type === 'mdxJsxFlowElement' ? { type: 'element', tagName: 'p', properties: {}, children: [term] } : term
      return SKIP
    })
    if (problems.length > 0) throw new Error(problems.join('\n'))
  }
}
