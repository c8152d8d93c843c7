'use client'

import { useId, useState } from 'react'
import knobs from './knobs.module.css'

export interface NumberFieldProps {
  label: string
  value: number
  min: number
  max: number
  step?: number
  unit?: string
  hint?: string
  disabled?: boolean
  /** Returns the Chinese error for a value, or null when it is allowed. */
  validate: (value: unknown) => string | null
  onChange: (value: number) => void
}

/** A knob: keeps what the reader typed, shows why a value is refused, applies only valid ones. */
export function NumberField({ label, value, min, max, step = 1, unit, hint, disabled, validate, onChange }: NumberFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? String(value)
  const error = draft === null ? null : validate(draft.trim() === '' ? NaN : Number(draft))
  return (
    <div className={knobs.knob}>
      <label htmlFor={id}>
        {label}
        {unit ? <span className={knobs.unit}>（{unit}）</span> : null}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = event.target.value
          const parsed = next.trim() === '' ? NaN : Number(next)
          if (validate(parsed) === null) {
            setDraft(null)
            onChange(parsed)
          } else {
            setDraft(next)
          }
        }}
        onBlur={() => setDraft(null)}
      />
      {error ? (
        <p id={`${id}-error`} className={knobs.error} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className={knobs.hint}>
          {hint}
        </p>
      ) : null}
    </div>
  )
}
