import type { TermClassNames } from '@/lib/content/term-html'
import styles from './Term.module.css'

/** The classes of a term's parts, for the compile that writes each `<Term>` as HTML. */
export const termClassNames: TermClassNames = {
  wrapper: styles.wrapper!,
  term: styles.term!,
  popover: styles.popover!,
  title: styles.title!,
  link: styles.link!,
}
