import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Fragment } from 'react'
import { jsx, jsxs } from 'react/jsx-runtime'
import { PrevNext } from '@/components/layout/PrevNext'
import { TableOfContents } from '@/components/layout/TableOfContents'
import { componentTags, mdxComponents } from '@/components/mdx/registry'
import { getChapter, getChapters, getNeighbours } from '@/lib/content/chapters'
import { chapterContent, compileChapter } from '@/lib/content/compile-chapter'

export const dynamicParams = false

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
  const { code, toc, meta } = await compileChapter(chapter, { componentTags })
  const Content = await chapterContent(code, { Fragment, jsx, jsxs })
  const { previous, next } = getNeighbours(slug)
  return (
    <>
      <main id="main-content" className="chapter" tabIndex={-1}>
        <article className="prose" data-chapter={meta.slug}>
          <h1>{meta.title}</h1>
          <Content components={mdxComponents} />
        </article>
        <PrevNext previous={previous} next={next} />
      </main>
      <aside className="learn-toc">
        <TableOfContents entries={toc} />
      </aside>
    </>
  )
}
