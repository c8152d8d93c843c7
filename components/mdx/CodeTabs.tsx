import { Children, isValidElement, type ReactNode } from 'react'
import { CodeTabsClient } from './CodeTabsClient'
import { languageLabel } from './languages'

/** Python and TypeScript of the same idea as tabs; labels come from each fence's language. */
export function CodeTabs({ children }: { children: ReactNode }) {
  const blocks = Children.toArray(children).filter(isValidElement)
  const labels = blocks.map((block, index) => {
    const language = (block.props as { 'data-language'?: string })['data-language']
    return language ? languageLabel(language) : `代码 ${index + 1}`
  })
  return <CodeTabsClient labels={labels}>{blocks}</CodeTabsClient>
}
