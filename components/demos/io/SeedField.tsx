import { validateIoSetting } from '@/lib/store/io-settings'
import knobs from '@/components/demos/knobs.module.css'

/**
 * The I/O demo's seed: a refused seed stays in the field (`draft`) with its message and never
 * reaches the stored settings (`onSeed`).
 */
export function SeedField({
  id,
  seed,
  draft,
  onDraft,
  onSeed,
}: {
  id: string
  seed: string
  draft: string | null
  onDraft: (draft: string | null) => void
  onSeed: (seed: string) => void
}) {
  const invalidSeed = draft === null ? null : validateIoSetting('seed', draft)
  return (
    <div className={knobs.knob}>
      <label htmlFor={id}>随机种子</label>
      <input
        id={id}
        value={draft ?? seed}
        placeholder="留空则每次随机"
        maxLength={32}
        aria-invalid={invalidSeed ? true : undefined}
        onChange={(event) => {
          const value = event.target.value
          if (validateIoSetting('seed', value) === null) {
            onDraft(null)
            onSeed(value)
          } else {
            onDraft(value)
          }
        }}
      />
      {invalidSeed ? (
        <p className={knobs.error} role="alert">
          {invalidSeed}
        </p>
      ) : (
        <p className={knobs.hint}>同一种子，抖动每次相同</p>
      )}
    </div>
  )
}
