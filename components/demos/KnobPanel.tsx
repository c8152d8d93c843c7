'use client'

import type { ReactNode } from 'react'
import { NumberField, type NumberFieldProps } from './NumberField'
import knobs from './knobs.module.css'

interface KnobPanelProps {
  legend: string
  disabled: boolean
  /** The numeric knobs, in order; each refuses a bad value with its own Chinese message. */
  fields: NumberFieldProps[]
  /** Knobs of another kind after the numeric ones. */
  children?: ReactNode
  /**
   * On a projector the knobs fold into this one line (opened on demand), so the charts of a run
   * fit on the screen with the cards.
   */
  collapsedSummary?: string
  /** The demo's own class for the fieldset (its grid, say), beside the shared one. */
  className?: string
}

/** A demo's knobs: one fieldset, disabled while a run is in progress. */
export function KnobPanel({ legend, disabled, fields, children, collapsedSummary, className }: KnobPanelProps) {
  const fieldset = (
    <fieldset className={className ? `${knobs.knobs} ${className}` : knobs.knobs} disabled={disabled}>
      <legend>{legend}</legend>
      {fields.map((field) => (
        <NumberField key={field.label} {...field} />
      ))}
      {children}
    </fieldset>
  )
  if (collapsedSummary === undefined) return fieldset
  return (
    <details className={knobs.summary} data-testid="knob-summary">
      <summary>
        {legend}：{collapsedSummary}
      </summary>
      {fieldset}
    </details>
  )
}
