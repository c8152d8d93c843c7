import { z } from 'zod'
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
    protocol: z.string().nullable(),
    cores: z.number().nullable(),
    crossOriginIsolated: z.boolean(),
    browser: z.string(),
  }),
  error: z.string().optional(),
  startedAt: z.string(),
})

const persistedSchema = z.object({
  runs: z.array(runSchema).max(historyLimit),
  ioSettings: ioSettingsSchema,
})

type PersistedState = z.infer<typeof persistedSchema>

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
        const parsed = persistedSchema.safeParse(persisted)
        return parsed.success ? { ...current, ...parsed.data } : current
      },
    },
  ),
)
