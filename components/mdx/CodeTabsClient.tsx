'use client'

import { Children, useId, useState, type KeyboardEvent, type ReactNode } from 'react'

export function CodeTabsClient({ labels, children }: { labels: string[]; children: ReactNode }) {
  const [active, setActive] = useState(0)
  const id = useId()
  const panels = Children.toArray(children)
  const onKeyDown = (event: KeyboardEvent) => {
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const step = event.key === 'ArrowRight' ? 1 : -1
    const next = (active + step + labels.length) % labels.length
    setActive(next)
    document.getElementById(`${id}-tab-${next}`)?.focus()
  }
  return (
    <div className="code-tabs">
      <div role="tablist" aria-label="代码语言" className="code-tabs-list" onKeyDown={onKeyDown}>
        {labels.map((label, index) => (
          <button
            key={label + index}
            id={`${id}-tab-${index}`}
            type="button"
            role="tab"
            aria-selected={index === active}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === active ? 0 : -1}
            onClick={() => setActive(index)}
          >
            {label}
          </button>
        ))}
      </div>
      {panels.map((panel, index) => (
        <div key={index} id={`${id}-panel-${index}`} role="tabpanel" aria-labelledby={`${id}-tab-${index}`} hidden={index !== active}>
          {panel}
        </div>
      ))}
    </div>
  )
}
