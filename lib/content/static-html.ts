import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'

/**
 * Chapters are mostly text that never changes in the browser, yet React hydrates every element
 * of it: on a long chapter that walk was the largest script task at load after the framework's own
 * (Chromium trace at 4x slowdown). This plugin hands React plain HTML for the parts that need no
 * React: runs of blocks without components, at the top level and inside prose containers, become
 * one `<StaticHtml html>` element each (a `display: contents` div with innerHTML, which hydration
 * skips), and each code block's highlighted lines (a span per token) travel as one string on
 * `data-code-html` for CodeBlock to set.
 *
 * Run it last: it needs the final tree (ids, heading anchors, shiki's spans).
 */

/** The registry's name for a run of plain HTML. */
const staticHtmlComponent = 'StaticHtml'

/** The property CodeBlock reads a block's highlighted lines from. */
const codeHtmlProperty = 'dataCodeHtml'

export interface StaticHtmlOptions {
  /**
   * HTML tags the chapter's component map replaces (the lowercase keys of
   * components/mdx/registry.tsx, passed in by the page): they stay React.
   */
  componentTags: ReadonlySet<string>
  /**
   * Components that only place their children in a box (a callout, an exercise, its folds):
   * the plain blocks inside them become runs of HTML too. Any other component's children stay
   * as they are, since it may read them (code tabs read their blocks' languages).
   */
  proseContainers: ReadonlySet<string>
}

function staticHtmlElement(nodes: (RootContent | ElementContent)[]): MdxJsxFlowElementHast {
  return {
    type: 'mdxJsxFlowElement',
    name: staticHtmlComponent,
    attributes: [{ type: 'mdxJsxAttribute', name: 'html', value: toHtml({ type: 'root', children: nodes as RootContent[] }) }],
    children: [],
  }
}

export function rehypeStaticHtml({ componentTags, proseContainers }: StaticHtmlOptions) {
  const isPlain = (node: RootContent | ElementContent): boolean => {
    if (node.type === 'text' || node.type === 'comment') return true
    if (node.type !== 'element') return false
    return !componentTags.has(node.tagName) && node.children.every(isPlain)
  }
  /** Moves a code block's lines into one string: they are the page's most numerous elements. */
  const flattenCodeBlock = (pre: Element): void => {
    // Only the component that replaces <pre> (CodeBlock) reads the string back.
    if (!componentTags.has('pre') || pre.children.length === 0 || !pre.children.every(isPlain)) return
    pre.properties[codeHtmlProperty] = toHtml({ type: 'root', children: pre.children })
    pre.children = []
  }
  /** Groups a list of blocks: each run of plain ones becomes one StaticHtml element. */
  const groupRuns = <Node extends RootContent | ElementContent>(nodes: Node[]): Node[] => {
    const grouped: Node[] = []
    let run: Node[] = []
    const endRun = () => {
      // A run of nothing but line breaks between components is left as it is.
      if (run.some((node) => node.type === 'element')) grouped.push(staticHtmlElement(run) as Node)
      else grouped.push(...run)
      run = []
    }
    for (const node of nodes) {
      if (isPlain(node)) {
        run.push(node)
        continue
      }
      endRun()
      if (node.type === 'mdxJsxFlowElement' && node.name !== null && proseContainers.has(node.name)) node.children = groupRuns(node.children)
      grouped.push(node)
    }
    endRun()
    return grouped
  }
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre') flattenCodeBlock(node)
    })
    tree.children = groupRuns(tree.children)
  }
}
