import { compile, run, type CompileOptions, type RunOptions } from '@mdx-js/mdx'
import rehypeShiki from '@shikijs/rehype'
import type { MDXContent } from 'mdx/types'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import type { ShikiTransformer } from 'shiki'
import { VFile } from 'vfile'
import type { DemoId } from '../demos/registry'
import { glossaryEntries, glossarySlug, type GlossaryEntries } from '../glossary/definitions'
import { getChapter, type ChapterSource } from './chapters'
import { remarkCheckDemos } from './demo-check'
import { rehypeChapterOutline, type ChapterSection } from './outline'
import type { ChapterMeta } from './schema'
import { rehypeStaticHtml, type StaticHtmlOptions } from './static-html'
import { rehypeTableScroll } from './table-scroll'
import { rehypeTermHtml, type TermClassNames } from './term-html'
import type { TocEntry } from './toc'

/** The only grammars loaded at build time: loading all of them doubles the build. */
export const courseLanguages = ['python', 'ts', 'tsx', 'js', 'bash', 'shell', 'text', 'json'] as const

/** Puts the fence's language on <pre> so code tabs and the copy button can label it. */
const languageAttribute: ShikiTransformer = {
  name: 'concurrency-lab:language-attribute',
  pre(node) {
    node.properties['data-language'] = this.options.lang
  },
}

/** What the page's components tell the compile (components/mdx/registry.tsx's chapterCompileOptions). */
export interface ChapterCompileOptions extends StaticHtmlOptions {
  termClassNames: TermClassNames
  /** Off only to compare against (tests). */
  staticHtml?: boolean
}

/** One compile's options: the page's, and the glossary's entries for the chapter's `<Term>`s. */
export interface MdxCompileOptions extends ChapterCompileOptions {
  glossary?: GlossaryEntries
}

/** Everything one compile of a chapter's MDX yields. */
export interface CompiledMdx {
  /** The compiled program (MDX's function-body output): `chapterContent` runs it. */
  code: string
  toc: TocEntry[]
  /** The intro and every h2/h3 section's prose, with the page's heading ids: for the search. */
  sections: ChapterSection[]
  /** The `<Demo id>`s the chapter places, in order of first use; all checked against the registry. */
  demoIds: DemoId[]
}

export interface CompiledChapter extends CompiledMdx {
  meta: ChapterMeta
}

/** The chapter pipeline: MDX + GFM, the demo check, heading ids, outline, anchors, shiki, terms, tables, static HTML. */
function chapterPipeline({ componentTags, proseContainers, termClassNames, glossary, staticHtml = true }: MdxCompileOptions): CompileOptions {
  return {
    outputFormat: 'function-body',
    remarkPlugins: [remarkGfm, remarkCheckDemos],
    rehypePlugins: [
      rehypeSlug,
      // Before the anchors are appended, so the TOC and search see each heading's own text.
      rehypeChapterOutline,
      [
        rehypeAutolinkHeadings,
        {
          behavior: 'append',
          properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
          content: { type: 'text', value: '#' },
        },
      ],
      [
        rehypeShiki,
        {
          // The -default variants meet WCAG AA contrast on our code background; one grey is darkened.
          themes: { light: 'github-light-default', dark: 'github-dark-default' },
          colorReplacements: { 'github-light-default': { '#6e7781': '#59636e' } },
          langs: [...courseLanguages],
          transformers: [languageAttribute],
        },
      ],
      // After the outline: search text holds a term's word, not its hidden definition.
      [rehypeTermHtml, { termClassNames, glossary }],
      rehypeTableScroll,
      // Last: hands React plain HTML for everything that needs no component.
      ...(staticHtml ? [[rehypeStaticHtml, { componentTags, proseContainers }] satisfies [typeof rehypeStaticHtml, StaticHtmlOptions]] : []),
    ],
  }
}

/**
 * The one compile of a chapter's MDX, at build time (pages are statically generated), so shiki
 * and the MDX compiler never reach a client chunk. `file` is relative to content/ and `firstLine`
 * is the file line the body starts on: errors (MDX syntax, a wrong `<Demo>`) name content/file:line.
 */
export async function compileMdx(
  body: string,
  { file, firstLine = 1, ...options }: MdxCompileOptions & { file: string; firstLine?: number },
): Promise<CompiledMdx> {
  // Blank lines in place of the frontmatter keep every position a line of the file.
  const vfile = new VFile({ value: '\n'.repeat(firstLine - 1) + body, path: `content/${file}` })
  try {
    await compile(vfile, chapterPipeline(options))
  } catch (error) {
    throw withFileLine(error, vfile.path)
  }
  return { code: String(vfile), toc: vfile.data.toc ?? [], sections: vfile.data.sections ?? [], demoIds: vfile.data.demoIds ?? [] }
}

/** MDX's syntax errors carry the line apart from the message: put both in the message. */
function withFileLine(error: unknown, path: string): unknown {
  if (!(error instanceof Error) || !('reason' in error) || !('line' in error) || typeof error.line !== 'number') return error
  const column = 'column' in error && typeof error.column === 'number' ? `:${error.column}` : ''
  return new Error(`${path}:${error.line}${column}: ${String(error.reason)}`, { cause: error })
}

interface CacheEntry {
  body: string
  optionsKey: string
  compiled: Promise<CompiledChapter>
}

/** One compile per chapter per process: the page, its TOC and the search index share it. */
const cache = new Map<string, CacheEntry>()

/** A chapter compiled once (see compileMdx), with its checked frontmatter and its terms from the glossary. */
export function compileChapter(chapter: ChapterSource, options: ChapterCompileOptions): Promise<CompiledChapter> {
  const { componentTags, proseContainers, termClassNames, staticHtml = true } = options
  const optionsKey = JSON.stringify([[...componentTags].sort(), [...proseContainers].sort(), termClassNames, staticHtml])
  const hit = cache.get(chapter.file)
  if (hit && hit.body === chapter.body && hit.optionsKey === optionsKey) return hit.compiled
  const { body, firstLine, file, ...meta } = chapter
  const glossary = chapter.slug === glossarySlug ? Promise.resolve(undefined) : loadGlossaryEntries(options)
  const compiled = glossary
    .then((entries) => compileMdx(body, { ...options, glossary: entries, file, firstLine }))
    .then((mdx) => ({ ...mdx, meta: { ...meta, file } }))
  cache.set(file, { body, optionsKey, compiled })
  // A failed compile is not kept: the next call (a dev reload after a fix) compiles again.
  compiled.catch(() => cache.delete(file))
  return compiled
}

/**
 * The glossary's entries from its own compile (the one its page uses), so a term's definition
 * and anchor are exactly what the glossary page shows.
 */
export async function loadGlossaryEntries(options: ChapterCompileOptions): Promise<GlossaryEntries> {
  const glossary = getChapter(glossarySlug)
  if (!glossary) throw new Error(`content/${glossarySlug}.mdx is missing: <Term> has nothing to define it`)
  const { sections } = await compileChapter(glossary, options)
  return glossaryEntries(sections)
}

/** The chapter as a component; `runtime` is react/jsx-runtime, passed in to keep lib free of React. */
export async function chapterContent(code: string, runtime: Pick<RunOptions, 'Fragment' | 'jsx' | 'jsxs'>): Promise<MDXContent> {
  const { default: Content } = await run(code, runtime)
  return Content
}
