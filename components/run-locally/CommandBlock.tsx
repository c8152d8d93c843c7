import { CopyButton } from '@/components/mdx/CopyButton'
import styles from '@/components/mdx/CodeBlock.module.css'

/** A terminal command in the site's code-block frame, with a copy button. */
export function CommandBlock({ command, testId }: { command: string; testId?: string }) {
  return (
    <div className={styles.block} data-code-block>
      <div className={styles.bar}>
        <span className="code-block-language">终端</span>
        <CopyButton />
      </div>
      {/* Long commands scroll sideways: keyboard users reach them too. */}
      <pre data-testid={testId} tabIndex={0}>
        <code>{command}</code>
      </pre>
    </div>
  )
}
