import type { ComponentProps } from 'react'
import { CopyButton } from './CopyButton'
import { languageLabel } from './languages'
import styles from './CodeBlock.module.css'

/** A highlighted block from shiki, with its language and a copy button. */
export function CodeBlock({ 'data-code-html': codeHtml, ...props }: ComponentProps<'pre'> & { 'data-language'?: string; 'data-code-html'?: string }) {
  const language = props['data-language']
  return (
    <div className={styles.block} data-code-block>
      <div className={styles.bar}>
        <span className="code-block-language">{language ? languageLabel(language) : ''}</span>
        <CopyButton />
      </div>
      {/* The lines arrive as HTML from lib/content/static-html.ts; hydration then skips them. */}
      {codeHtml === undefined ? <pre {...props} /> : <pre {...props} dangerouslySetInnerHTML={{ __html: codeHtml }} />}
    </div>
  )
}
