import type { ComponentProps } from 'react'
import { CopyButton } from './CopyButton'
import { languageLabel } from './languages'

/** A highlighted block from shiki, with its language and a copy button. */
export function CodeBlock(props: ComponentProps<'pre'> & { 'data-language'?: string }) {
  const language = props['data-language']
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="code-block-language">{language ? languageLabel(language) : ''}</span>
        <CopyButton />
      </div>
      <pre {...props} />
    </div>
  )
}
