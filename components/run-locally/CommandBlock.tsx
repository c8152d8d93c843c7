import { CopyButton } from '@/components/mdx/CopyButton'

/** A terminal command in the site's code-block frame, with a copy button. */
export function CommandBlock({ command, testId }: { command: string; testId?: string }) {
  return (
    <div className="code-block">
      <div className="code-block-bar">
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
