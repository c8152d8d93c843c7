'use client'

import { AsyncRaceDemo } from './AsyncRaceDemo'
import { SharedMemoryRaceDemo } from './SharedMemoryRaceDemo'

/** The race-conditions chapter's two demos: Web Workers on shared memory, async tasks on one thread. */
export function RaceDemo({ variant }: { variant: 'shared-memory' | 'async' }) {
  return variant === 'async' ? <AsyncRaceDemo /> : <SharedMemoryRaceDemo />
}
