// Browser storage for the run history that survives a full quota: a run stays on screen even
// when it cannot be saved, the oldest stored runs make room for the newest, and the page is told.
import type { StateStorage } from 'zustand/middleware'

export type StorageProblem =
  /** Saved, but only after dropping this many of the oldest runs from what is stored. */
  | { kind: 'trimmed'; dropped: number }
  /** Nothing could be saved, even with no runs at all (or storage is off). */
  | { kind: 'failed' }

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
}

/** Drops the oldest (last) run of a persisted `{ state: { runs } }` value, or returns null when none is left. */
function withoutOldestRun(value: string): string | null {
  const parsed = JSON.parse(value) as { state?: { runs?: unknown[] } }
  const runs = parsed.state?.runs
  if (!Array.isArray(runs) || runs.length === 0) return null
  runs.pop()
  return JSON.stringify(parsed)
}

/**
 * A StateStorage over `storage()` whose setItem never throws. `onProblem` hears what happened
 * to a write, and null after a write that went through whole.
 */
export function quotaSafeStorage(storage: () => Storage, onProblem: (problem: StorageProblem | null) => void): StateStorage {
  return {
    getItem: (name) => {
      try {
        return storage().getItem(name)
      } catch {
        return null
      }
    },
    setItem: (name, value) => {
      let attempt: string | null = value
      let dropped = 0
      while (attempt !== null) {
        try {
          storage().setItem(name, attempt)
          onProblem(dropped === 0 ? null : { kind: 'trimmed', dropped })
          return
        } catch (error) {
          if (!isQuotaError(error)) break
          attempt = withoutOldestRun(attempt)
          dropped++
        }
      }
      onProblem({ kind: 'failed' })
    },
    removeItem: (name) => {
      try {
        storage().removeItem(name)
      } catch {
        // Nothing stored to remove.
      }
    },
  }
}

/** What the page says about a problem, in Chinese. */
export function describeStorageProblem(problem: StorageProblem): string {
  return problem.kind === 'trimmed'
    ? `浏览器的存储空间已满：为保存这次运行，删去了历史里最旧的 ${problem.dropped} 条记录。`
    : '浏览器的存储空间已满（或不允许本站存储）：这次运行显示在这里，但没能存进历史记录，重新加载后会消失。'
}
