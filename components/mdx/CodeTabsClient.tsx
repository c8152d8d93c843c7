'use client'

import { Children, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react'
import { codeLanguage } from '@/lib/reading/code-language'
import styles from './CodeTabsClient.module.css'

export interface CodeTab {
  label: string
  /** The reader's choice this tab answers to (codeLanguageOf), null for a block without a language. */
  language: string | null
}

/**
 * Tabs for the same program in several languages. Choosing one chooses it for every group, on this
 * page and later ones; the server renders the first tab, and the stored choice applies on hydration.
 */
export function CodeTabsClient({ tabs, children }: { tabs: CodeTab[]; children: ReactNode }) {
  const chosen = useSyncExternalStore(codeLanguage.subscribe, codeLanguage.get, () => null)
  const [local, setLocal] = useState(0)
  const preferred = chosen === null ? -1 : tabs.findIndex((tab) => tab.language === chosen)
  const active = preferred >= 0 ? preferred : local
  const id = useId()
  const panels = Children.toArray(children)
  const list = useRef<HTMLDivElement>(null)
  // Where the clicked tab list sat on screen: groups above it may change height with the choice.
  const anchorTop = useRef<number | null>(null)

  useLayoutEffect(() => {
    if (anchorTop.current === null || !list.current) return
    window.scrollBy(0, list.current.getBoundingClientRect().top - anchorTop.current)
    anchorTop.current = null
  }, [active])

  const choose = (index: number) => {
    anchorTop.current = list.current?.getBoundingClientRect().top ?? null
    setLocal(index)
    const language = tabs[index]?.language
    if (language) codeLanguage.set(language)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const step = event.key === 'ArrowRight' ? 1 : -1
    const next = (active + step + tabs.length) % tabs.length
    choose(next)
    document.getElementById(`${id}-tab-${next}`)?.focus()
  }
  return (
    <div className={styles.tabs} data-testid="code-tabs">
      <div ref={list} role="tablist" aria-label="代码语言" className={styles.list} onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={tab.label + index}
            id={`${id}-tab-${index}`}
            type="button"
            role="tab"
            aria-selected={index === active}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === active ? 0 : -1}
            data-language={tab.language ?? undefined}
            onClick={() => choose(index)}
          >
            {tab.label}
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
