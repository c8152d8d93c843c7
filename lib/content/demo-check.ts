import type { Root } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { demoIds, demoRegistry, isDemoId, type DemoDescriptor, type DemoId } from '../demos/registry'

/** The attributes `<Demo>` takes (checkDemoAttributes reads them). */
const demoAttributeNames = new Set(['id', 'focus', 'variant', 'program'])

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

/**
 * Why a <Demo> tag's attributes are wrong, in English for build errors; null when they are right.
 * Here, not in the registry: the registry is in every chapter's first load, this is build-time only.
 */
export function checkDemoAttributes(attributes: { id?: string; focus?: string; variant?: string; program?: string }): string | null {
  const { id, focus, variant, program } = attributes
  if (id === undefined) return '<Demo> needs an id'
  if (!isDemoId(id)) return `unknown demo id "${id}" (known: ${demoIds.join(', ')})`
  const demo: DemoDescriptor = demoRegistry[id]
  if (focus !== undefined && !(demo.focus as readonly string[]).includes(focus)) {
    return `demo "${id}" has no focus "${focus}" (allowed: ${demo.focus.join(', ') || 'none'})`
  }
  if (variant !== undefined && !demo.variants.includes(variant)) {
    return `demo "${id}" has no variant "${variant}" (allowed: ${demo.variants.join(', ') || 'none'})`
  }
  if (program !== undefined && !demo.programs.includes(program)) {
    return `demo "${id}" has no program "${program}" (allowed: ${demo.programs.join(', ') || 'none'})`
  }
  if (program === undefined && demo.programs.length > 0) return `demo "${id}" needs a program (one of: ${demo.programs.join(', ')})`
  return null
}

/** The tag's attributes as literal strings, or why one is not a literal string. */
function literalAttributes(node: JsxElement): { attributes: Record<string, string> } | { problem: string } {
  const attributes: Record<string, string> = {}
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') return { problem: '<Demo> takes no spread attributes: write id="…" and the rest as plain strings' }
    if (!demoAttributeNames.has(attribute.name))
      return { problem: `<Demo> has no attribute "${attribute.name}" (it takes ${[...demoAttributeNames].join(', ')})` }
    if (typeof attribute.value !== 'string')
      return { problem: `<Demo ${attribute.name}> must be a literal string (${attribute.name}="…"), so the build can check it` }
    attributes[attribute.name] = attribute.value
  }
  return { attributes }
}

/**
 * remark plugin: checks every `<Demo>` tag against the demo registry and stores the ids used
 * (in order of first use) on file.data.demoIds. A wrong id, focus or variant throws, naming
 * the file and line, so the build fails instead of the page showing a broken box.
 */
export function remarkCheckDemos() {
  return (tree: Root, file: VFile) => {
    const problems: string[] = []
    const demoIds: DemoId[] = []
    visit(tree, (node) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== 'Demo') return
      const where = `${file.path}:${node.position?.start.line ?? '?'}`
      const read = literalAttributes(node)
      const problem = 'problem' in read ? read.problem : checkDemoAttributes(read.attributes)
      if (problem !== null) problems.push(`${where}: ${problem}`)
      else if ('attributes' in read) {
        const id = read.attributes.id as DemoId
        if (!demoIds.includes(id)) demoIds.push(id)
      }
    })
    if (problems.length > 0) throw new Error(problems.join('\n'))
    file.data.demoIds = demoIds
  }
}

declare module 'vfile' {
  interface DataMap {
    demoIds: DemoId[]
  }
}
