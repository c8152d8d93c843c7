'use client'

import type { ReactNode } from 'react'
import { NumberField, type NumberFieldProps } from './NumberField'

interface KnobPanelProps {
  legend: string
  disabled: boolean
  /** The numeric knobs, in order; each refuses a bad value with its own Chinese message. */
  fields: NumberFieldProps[]
  /** Knobs of another kind after the numeric ones. */
  children?: ReactNode
}

/** A demo's knobs: one fieldset, disabled while a run is in progress. */
export function KnobPanel({ legend, disabled, fields, children }: KnobPanelProps) {
  return (
    <fieldset className="demo-knobs" disabled={disabled}>
      <legend>{legend}</legend>
      {fields.map((field) => (
        <NumberField key={field.label} {...field} />
      ))}
      {children}
    </fieldset>
  )
}
