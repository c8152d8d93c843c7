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
