import type { Element, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'

/**
 * rehype plugin: every table sits in its own sideways-scrolling box (`.table-scroll`), so a wide
 * table on a phone scrolls inside the column instead of widening the page. Done at build time,
 * not by a component, so a table is plain HTML like the text around it.
 */
export function rehypeTableScroll() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || index === undefined || !parent) return
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [node] }
      return SKIP
    })
  }
}
