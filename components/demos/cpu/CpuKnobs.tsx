'use client'

import { useId } from 'react'
import { ARTICLE_JOB_COUNT, workSizePresets, type CpuBaseResult } from '@/lib/workloads/cpu'
import knobs from '@/components/demos/knobs.module.css'

interface CpuKnobsProps {
  running: boolean
  /** What the reader typed, kept even when it is refused. */
  baseText: string
  base: CpuBaseResult
  workerCount: number
  cores: number
  onBaseText: (text: string) => void
  onWorkerCount: (count: number) => void
}

/** The CPU demo's work size (presets or a typed first n) and its worker count. */
export function CpuKnobs({ running, baseText, base, workerCount, cores, onBaseText, onWorkerCount }: CpuKnobsProps) {
  const id = useId()
  return (
    <fieldset className={knobs.knobs} disabled={running}>
      <legend>工作量</legend>
      <div className={`${knobs.knob} ${knobs.wide}`}>
        <span className={knobs.label} id={`${id}-presets`}>
          预设规模（共 {ARTICLE_JOB_COUNT} 个数）
        </span>
        <div className={knobs.presets} role="group" aria-labelledby={`${id}-presets`}>
          {workSizePresets.map((preset) => (
            <button key={preset.id} type="button" aria-pressed={base.ok && base.base === preset.base} onClick={() => onBaseText(String(preset.base))}>
              {preset.label}（{preset.base.toLocaleString('en-US')}）
            </button>
          ))}
        </div>
      </div>
      <div className={knobs.knob}>
        <label htmlFor={`${id}-base`}>基数（第一个 n）</label>
        <input
          id={`${id}-base`}
          inputMode="numeric"
          value={baseText}
          aria-invalid={base.ok ? undefined : true}
          onChange={(event) => onBaseText(event.target.value)}
        />
        {base.ok ? null : (
          <p className={knobs.error} role="alert">
            {base.error}
          </p>
        )}
      </div>
      <div className={knobs.knob}>
        <label htmlFor={`${id}-workers`}>Worker 数量</label>
        <input
          id={`${id}-workers`}
          type="number"
          min={1}
          max={32}
          value={workerCount}
          onChange={(event) => {
            const value = Number(event.target.value)
            if (Number.isInteger(value) && value >= 1 && value <= 32) onWorkerCount(value)
          }}
        />
        <p className={knobs.hint}>默认等于核心数（{cores}）</p>
      </div>
    </fieldset>
  )
}
