import { Children, isValidElement, type ReactNode } from 'react'
import { codeLanguageOf } from '@/lib/reading/code-language'
import { CodeTabsClient } from './CodeTabsClient'
import { languageLabel } from './languages'

/** The fence language of a code block; shiki's output may arrive wrapped in a fragment. */
function findLanguage(node: ReactNode): string | undefined {
  for (const child of Children.toArray(node)) {
    if (!isValidElement(child)) continue
    const props = child.props as { 'data-language'?: string; children?: ReactNode }
    if (props['data-language']) return props['data-language']
    const nested = findLanguage(props.children)
    if (nested) return nested
  }
  return undefined
}

/** Python and TypeScript of the same idea as tabs; labels come from each fence's language. */
export function CodeTabs({ children }: { children: ReactNode }) {
  const blocks = Children.toArray(children).filter(isValidElement)
  const tabs = blocks.map((block, index) => {
    const language = findLanguage(block)
    return language ? { label: languageLabel(language), language: codeLanguageOf(language) } : { label: `代码 ${index + 1}`, language: null }
  })
  return <CodeTabsClient tabs={tabs}>{blocks}</CodeTabsClient>
}
