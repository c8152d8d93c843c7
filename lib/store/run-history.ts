import * as z from 'zod/mini'
import { createJSONStorage, persist } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'
import type { Run } from '@/lib/engine/types'
import { defaultIoSettings, ioSettingsSchema, type IoSettings } from './io-settings'

/** How many finished runs are kept (they hold every span, so the list stays short). */
export const historyLimit = 24

const spanSchema = z.object({
  job: z.number(),
  lane: z.number(),
  start: z.number(),
  end: z.number(),
  ok: z.boolean(),
  detail: z.string(),
})

const runSchema = z.object({
  id: z.string(),
  workload: z.enum(['io', 'cpu']),
  strategy: z.enum(['sequential', 'pool', 'async', 'async-yield', 'workers']),
  params: z.record(z.string(), z.unknown()),
  spans: z.array(spanSchema),
  totalMs: z.number(),
  status: z.enum(['done', 'cancelled', 'error']),
  maxInFlight: z.number(),
  environment: z.object({
    protocol: z.nullable(z.string()),
    cores: z.nullable(z.number()),
    crossOriginIsolated: z.boolean(),
    browser: z.string(),
  }),
  error: z.optional(z.string()),
  startedAt: z.string(),
})

const persistedSchema = z.object({
  runs: z.array(runSchema).check(z.maxLength(historyLimit)),
  ioSettings: ioSettingsSchema,
})

type PersistedState = z.infer<typeof persistedSchema>

/** What was stored, if it is a history this version wrote and it is intact; null otherwise. */
export function parsePersistedHistory(stored: unknown): PersistedState | null {
  const parsed = persistedSchema.safeParse(stored)
  return parsed.success ? parsed.data : null
}

export interface RunHistoryState extends PersistedState {
  addRun: (run: Run) => void
  clearRuns: () => void
  setIoSettings: (settings: IoSettings) => void
}

export const runHistoryStorageKey = 'concurrency-lab:runs'
const storageVersion = 1

/**
 * Runs and demo settings, kept across reloads. A stored value that is corrupt, or from another
 * version, is dropped for the defaults: it never breaks the page.
 */
export const runHistoryStore = createStore<RunHistoryState>()(
  persist(
    (set) => ({
      runs: [],
      ioSettings: defaultIoSettings,
      addRun: (run) => set((state) => ({ runs: [run as PersistedState['runs'][number], ...state.runs].slice(0, historyLimit) })),
      clearRuns: () => set({ runs: [] }),
      setIoSettings: (ioSettings) => set({ ioSettings }),
    }),
    {
      name: runHistoryStorageKey,
      version: storageVersion,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ runs, ioSettings }) => ({ runs, ioSettings }),
      // Older versions are not worth converting: start afresh.
      migrate: () => ({ runs: [], ioSettings: defaultIoSettings }),
      merge: (persisted, current) => {
        const history = parsePersistedHistory(persisted)
        return history ? { ...current, ...history } : current
      },
    },
  ),
)
