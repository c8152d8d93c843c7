import * as z from 'zod/mini'
import { createJSONStorage, persist } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'
import { runModelSchemas } from '@/lib/engine/run-model'
import { onFirstUse } from '@/lib/schema/on-first-use'
import type { Run } from '@/lib/engine/types'
import { defaultIoSettings, ioSettingsSchema, type IoSettings } from './io-settings'
import { quotaSafeStorage, type StorageProblem } from './quota-safe-storage'

/** How many finished runs are kept (they hold every span, so the list stays short). */
export const historyLimit = 24

function buildPersistedSchema() {
  return z.object({
    runs: z.array(runModelSchemas().run).check(z.maxLength(historyLimit)),
    ioSettings: ioSettingsSchema(),
  })
}
const persistedSchema = onFirstUse(buildPersistedSchema)

type PersistedState = z.infer<ReturnType<typeof buildPersistedSchema>>

/** What was stored, if it is a history this version wrote and it is intact; null otherwise. */
export function parsePersistedHistory(stored: unknown): PersistedState | null {
  // Nothing stored (a first visit): nothing to check, and the schemas stay unbuilt.
  if (stored === undefined || stored === null) return null
  const parsed = persistedSchema().safeParse(stored)
  return parsed.success ? parsed.data : null
}

/**
 * A version-1 history: every run that parses under today's schema is kept (the fields added
 * since are optional or have the value they then had), in its order; the rest are dropped.
 */
export function migrateHistoryFromVersion1(stored: unknown): PersistedState {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as { runs?: unknown; ioSettings?: unknown }
  const runs = Array.isArray(value.runs)
    ? value.runs.flatMap((run) => {
        const parsed = runModelSchemas().run.safeParse(run)
        return parsed.success ? [parsed.data] : []
      })
    : []
  const ioSettings = ioSettingsSchema().safeParse(value.ioSettings)
  return { runs: runs.slice(0, historyLimit), ioSettings: ioSettings.success ? ioSettings.data : defaultIoSettings }
}

/** What an import did: how many runs joined, and how many old ones the limit pushed out. */
export interface ImportOutcome {
  added: number
  dropped: number
}

/**
 * Runs whose id is already taken (in the history or earlier among them) get a new one, so the
 * list's keys and compare never confuse two runs.
 */
export function withFreshIds(runs: readonly Run[], takenIds: Iterable<string>, newId: () => string): Run[] {
  const taken = new Set(takenIds)
  return runs.map((run) => {
    let id = run.id
    while (taken.has(id)) id = newId()
    taken.add(id)
    return id === run.id ? run : { ...run, id }
  })
}

function importedRunId(): string {
  return `imported-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

export interface RunHistoryState extends PersistedState {
  addRun: (run: Run) => void
  /** Runs already checked (lib/import/runs-file), placed at the top in their order. */
  importRuns: (runs: readonly Run[]) => ImportOutcome
  clearRuns: () => void
  setIoSettings: (settings: IoSettings) => void
}

export const runHistoryStorageKey = 'concurrency-lab:runs'
/** 2: spans keep their time on the wire, their failure and their value; each run's params are typed by its workload. */
const storageVersion = 2

/** The last write's trouble, if any: not persisted, so it lives in a store of its own. */
export const historyStorageProblemStore = createStore<{ problem: StorageProblem | null }>()(() => ({ problem: null }))

function reportStorageProblem(problem: StorageProblem | null): void {
  const current = historyStorageProblemStore.getState().problem
  if (JSON.stringify(current) !== JSON.stringify(problem)) historyStorageProblemStore.setState({ problem })
}

/**
 * Runs and demo settings, kept across reloads. A stored value that is corrupt, or from another
 * version, is dropped for the defaults: it never breaks the page.
 */
export const runHistoryStore = createStore<RunHistoryState>()(
  persist(
    (set, get) => ({
      runs: [],
      ioSettings: defaultIoSettings,
      addRun: (run) => set((state) => ({ runs: [run, ...state.runs].slice(0, historyLimit) })),
      importRuns: (runs) => {
        const current = get().runs
        const added = withFreshIds(
          runs,
          current.map((run) => run.id),
          importedRunId,
        ).slice(0, historyLimit)
        const kept = current.slice(0, historyLimit - added.length)
        set({ runs: [...added, ...kept] })
        return { added: added.length, dropped: current.length - kept.length }
      },
      clearRuns: () => set({ runs: [] }),
      setIoSettings: (ioSettings) => set({ ioSettings }),
    }),
    {
      name: runHistoryStorageKey,
      version: storageVersion,
      storage: createJSONStorage(() => quotaSafeStorage(() => localStorage, reportStorageProblem)),
      partialize: ({ runs, ioSettings }) => ({ runs, ioSettings }),
      // Version 1 held the same runs with fewer span fields; what still parses is kept.
      migrate: (persisted, version) => (version === 1 ? migrateHistoryFromVersion1(persisted) : { runs: [], ioSettings: defaultIoSettings }),
      merge: (persisted, current) => {
        const history = parsePersistedHistory(persisted)
        return history ? { ...current, ...history } : current
      },
    },
  ),
)
