import GithubSlugger from 'github-slugger'
import Link from 'next/link'
import type { ReactNode } from 'react'

/** Links a term's first use to its glossary entry; id is the glossary heading's text. */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  const anchor = new GithubSlugger().slug(id)
  return (
    <Link href={`/learn/glossary#${anchor}`} className="term" title={`术语表：${id}`}>
      {children}
    </Link>
  )
}
