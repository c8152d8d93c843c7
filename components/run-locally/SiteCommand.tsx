'use client'

import { useSyncExternalStore } from 'react'
import { CommandBlock } from './CommandBlock'
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
  return <CommandBlock command={command} testId={chosen ? `command-${chosen.id}` : 'command-download'} />
}
