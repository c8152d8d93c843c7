'use client'

import { useStore } from 'zustand'
import { runHistoryStore, type RunHistoryState } from '@/lib/store/run-history'

/** Reads the run history store with an atomic selector. */
export function useRunHistory<T>(selector: (state: RunHistoryState) => T): T {
  return useStore(runHistoryStore, selector)
}
