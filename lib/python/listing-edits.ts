// The reader's edits of a listing, kept across reloads. An edit belongs to the listing it was made
// from: when the chapter's version changes, the old edit is dropped rather than run against it.
const storageVersion = 1

export function listingEditKey(programId: string): string {
  return `concurrency-lab:python-edit:v${storageVersion}:${programId}`
}

interface StoredEdit {
  original: string
  edited: string
}

export function loadListingEdit(storage: Pick<Storage, 'getItem'> | null, programId: string, original: string): string | null {
  try {
    const raw = storage?.getItem(listingEditKey(programId))
    if (!raw) return null
    const stored = JSON.parse(raw) as Partial<StoredEdit>
    return stored.original === original && typeof stored.edited === 'string' ? stored.edited : null
  } catch {
    return null
  }
}

/** Saves the edit; the chapter's own text removes it. Returns false when storage refused (full, or private mode). */
export function saveListingEdit(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, programId: string, original: string, edited: string): boolean {
  try {
    if (edited === original) storage?.removeItem(listingEditKey(programId))
    else storage?.setItem(listingEditKey(programId), JSON.stringify({ original, edited } satisfies StoredEdit))
    return storage !== null
  } catch {
    return false
  }
}
