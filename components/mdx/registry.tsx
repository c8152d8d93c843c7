import type { MDXComponents } from 'mdx/types'
import { Demo } from '@/components/demos/Demo'
import { Note, Warning, YouWillLearn } from './Callout'
import { CodeBlock } from './CodeBlock'
import { CodeTabs } from './CodeTabs'
import { Answer, Exercise, Hint } from './Exercise'
import { Figure } from './Figure'
import { StaticHtml } from './StaticHtml'
import { Term } from './Term'

/** Every tag a chapter author may write (see docs/authoring.md). */
export const mdxComponents: MDXComponents = {
  pre: CodeBlock,
  table: (props) => (
    <div className="table-scroll">
      <table {...props} />
    </div>
  ),
  Note,
  Warning,
  YouWillLearn,
  Figure,
  CodeTabs,
  Demo,
  Term,
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
