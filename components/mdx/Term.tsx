import type { ReactNode } from 'react'
import type { GlossaryEntry } from '@/lib/glossary/definitions'
import { glossarySlug } from '@/lib/glossary/definitions'
import styles from './Term.module.css'

/**
 * A term's first use in a chapter: a link to its glossary entry, with the definition beside it in
 * the server's HTML, hidden. TermPopovers (one per chapter page) turns every such link into a
 * button that unfolds the definition in place, so the reader keeps their place; without
 * JavaScript the link still leads to the entry. No term is a component of its own in the browser:
 * a chapter's ten terms cost the page no hydration. `entry` comes from the chapter page, which
 * reads the glossary's own compile.
 */
export function Term({ id, entry, children }: { id: string; entry?: GlossaryEntry; children: ReactNode }) {
  const href = `/learn/${glossarySlug}${entry ? `#${entry.anchor}` : ''}`
  if (!entry) {
    return (
      <a href={href} className={styles.term} data-term>
        {children}
      </a>
    )
  }
  const popoverId = `term-${entry.anchor}`
  return (
    <span className={styles.wrapper}>
      <a href={href} className={styles.term} data-term data-testid="term" aria-controls={popoverId}>
        {children}
      </a>
      <span id={popoverId} className={styles.popover} data-testid="term-popover" hidden>
        <span className={styles.title}>{id}</span>
        <span className="term-popover-text">{entry.definition}</span>
        <a href={href} className={styles.link}>
          查看术语表
        </a>
      </span>
    </span>
  )
}
