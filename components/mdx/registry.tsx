import type { MDXComponents } from 'mdx/types'
import { Demo } from '@/components/demos/Demo'
import { Note, Warning, YouWillLearn } from './Callout'
import { CodeBlock } from './CodeBlock'
import { CodeTabs } from './CodeTabs'
import { Answer, Exercise, Hint } from './Exercise'
import { Figure } from './Figure'
import { StaticHtml } from './StaticHtml'
import { termClassNames } from './term-class-names'
import type { ChapterCompileOptions } from '@/lib/content/compile-chapter'

/** Every tag a chapter author may write (see docs/authoring.md). */
export const mdxComponents: MDXComponents = {
  pre: CodeBlock,
  Note,
  Warning,
  YouWillLearn,
  Figure,
  CodeTabs,
  Demo,
  StaticHtml,
  Exercise,
  Hint,
  Answer,
}

/**
 * The HTML tags the map replaces (its lowercase keys): the static-HTML runs
 * (lib/content/static-html.ts) must leave them to React, so the page passes this to the compile.
 */
export const componentTags: ReadonlySet<string> = new Set(Object.keys(mdxComponents).filter((name) => /^[a-z]/.test(name)))

/** Components that only box their children, so the text inside them may be plain HTML too. */
const proseContainers: ReadonlySet<string> = new Set(['Note', 'Warning', 'YouWillLearn', 'Exercise', 'Hint', 'Answer'])

/**
 * What every compile of a chapter is told about this map: the chapter pages and the search index
 * pass the same, so they share one compile. `<Term>` is not in the map: the compile writes each
 * term as HTML with these class names (lib/content/term-html.ts).
 */
export const chapterCompileOptions: ChapterCompileOptions = { componentTags, proseContainers, termClassNames }
