import type { Element, ElementContent, Root, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'

/**
 * Chapters are mostly text that never changes in the browser, yet React hydrates every element
 * of it: on a long chapter that walk was the largest script task at load after the framework's own
 * (Chromium trace at 4x slowdown). This plugin hands React plain HTML for the parts that need no
 * React: runs of top-level blocks without components become one `<StaticHtml html>` element (a
 * `display: contents` div with innerHTML, which hydration skips), and each code block's highlighted
 * lines (a span per token) travel as one string on `data-code-html` for CodeBlock to set.
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
}

function staticHtmlElement(nodes: RootContent[]): MdxJsxFlowElementHast {
  return {
    type: 'mdxJsxFlowElement',
    name: staticHtmlComponent,
    attributes: [{ type: 'mdxJsxAttribute', name: 'html', value: toHtml({ type: 'root', children: nodes }) }],
    children: [],
  }
}

export function rehypeStaticHtml({ componentTags }: StaticHtmlOptions) {
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
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre') flattenCodeBlock(node)
    })
    const children: RootContent[] = []
    let run: RootContent[] = []
    const endRun = () => {
      // A run of nothing but line breaks between components is left as it is.
      if (run.some((node) => node.type === 'element')) children.push(staticHtmlElement(run))
      else children.push(...run)
      run = []
    }
    for (const node of tree.children) {
      if (isPlain(node)) {
        run.push(node)
      } else {
        endRun()
        children.push(node)
      }
    }
    endRun()
    tree.children = children
  }
}
