'use client'

import { useSyncExternalStore } from 'react'
import { CopyButton } from '@/components/mdx/CopyButton'
import { downloadCommand, nativePrograms, runCommand, type NativeProgram } from '@/lib/programs/native-programs'

const neverChanges = () => () => {}

/** The address the reader has this page open at; the static page is built before anyone knows it. */
function useSiteOrigin(): string {
  return useSyncExternalStore(
    neverChanges,
    () => window.location.origin,
    () => 'http://localhost:3000',
  )
}

/** A shell command with this site's own address filled in, and a copy button. */
export function SiteCommand({ program }: { program?: NativeProgram['id'] }) {
  const origin = useSiteOrigin()
  const chosen = nativePrograms.find((candidate) => candidate.id === program)
  const command = chosen ? runCommand(chosen, origin) : downloadCommand(origin)
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="code-block-language">终端</span>
        <CopyButton />
      </div>
      <pre data-testid={chosen ? `command-${chosen.id}` : 'command-download'}>
        <code>{command}</code>
      </pre>
    </div>
  )
}
