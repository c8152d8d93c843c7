import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Fragment } from 'react'
import { jsx, jsxs } from 'react/jsx-runtime'
import { MobileToc } from '@/components/layout/MobileToc'
import { PrevNext } from '@/components/layout/PrevNext'
import { ReadingTrackerAfterLoad } from '@/components/layout/lazy-after-load'
import { TableOfContents } from '@/components/layout/TableOfContents'
import { chapterCompileOptions, mdxComponents } from '@/components/mdx/registry'
import { TermPopoversLoader } from '@/components/mdx/TermPopoversLoader'
import { getChapter, getChapters, getNeighbours } from '@/lib/content/chapters'
import { chapterContent, compileChapter } from '@/lib/content/compile-chapter'
import { glossarySlug } from '@/lib/glossary/definitions'

export const dynamicParams = false

/** The section every chapter ends with (docs/authoring.md): reaching it counts as reading the chapter. */
const closingHeading = '动手试试'

export function generateStaticParams() {
  return getChapters().map((chapter) => ({ slug: chapter.slug }))
}

type Params = Promise<{ slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const chapter = getChapter((await params).slug)
  return chapter ? { title: chapter.title, description: chapter.summary } : {}
}

export default async function ChapterPage({ params }: { params: Params }) {
  const { slug } = await params
  const chapter = getChapter(slug)
  if (!chapter) notFound()
  // The one compile of this chapter: its program, TOC and (for /search-index.json) sections.
  const { code, toc, meta } = await compileChapter(chapter, chapterCompileOptions)
  const Content = await chapterContent(code, { Fragment, jsx, jsxs })
  const { previous, next } = getNeighbours(slug)
  return (
    <>
      <main id="main-content" className="chapter" tabIndex={-1}>
        <article className="prose" data-chapter={meta.slug}>
          <h1>{meta.title}</h1>
          <MobileToc entries={toc} />
          <Content components={mdxComponents} />
        </article>
        <TermPopoversLoader key={slug} />
        <PrevNext previous={previous} next={next} />
        {/* The glossary is looked up, not read through: it is not a place to continue from. */}
        {slug === glossarySlug ? null : (
          <ReadingTrackerAfterLoad
            key={slug}
            slug={slug}
            headingIds={toc.map((entry) => entry.id)}
            endId={toc.find((entry) => entry.text === closingHeading)?.id ?? ''}
          />
        )}
      </main>
      <aside className="learn-toc">
        <TableOfContents key={slug} entries={toc} />
      </aside>
    </>
  )
}
