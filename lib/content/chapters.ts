import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import matter from 'gray-matter'
import { orderChapters, parseChapterFrontmatter, type ChapterMeta } from './schema'

export interface ChapterSource extends ChapterMeta {
  body: string
  /** The file's line the body starts on (after the frontmatter), so errors name file lines. */
  firstLine: number
}

/** Splits one file into its checked frontmatter and its MDX body. */
export function parseChapterSource(file: string, raw: string): ChapterSource {
  const { data, content } = matter(raw)
  const frontmatter = raw.endsWith(content) ? raw.slice(0, raw.length - content.length) : ''
  return { ...parseChapterFrontmatter(file, data), body: content, firstLine: frontmatter.split('\n').length }
}

function readChapterSources(): ChapterSource[] {
  // Paths stay statically scoped to content/ so the server bundle traces only the chapters.
  return readdirSync(join(process.cwd(), 'content'))
    .filter((name) => name.endsWith('.mdx'))
    .map((file) => parseChapterSource(file, readFileSync(join(process.cwd(), 'content', file), 'utf8')))
}

let cached: ChapterSource[] | undefined

/** All chapters in reading order; throws (failing the build) on bad or duplicate frontmatter. */
export function getChapters(): ChapterSource[] {
  cached ??= orderChapters(readChapterSources())
  return cached
}

export function getChapterList(): ChapterMeta[] {
  return getChapters().map(({ title, order, slug, summary, file }) => ({ title, order, slug, summary, file }))
}

export function getChapter(slug: string): ChapterSource | undefined {
  return getChapters().find((chapter) => chapter.slug === slug)
}

/** The chapters before and after, for the previous/next links. */
export function getNeighbours(slug: string): { previous?: ChapterMeta; next?: ChapterMeta } {
  const list = getChapterList()
  const index = list.findIndex((chapter) => chapter.slug === slug)
  return { previous: index > 0 ? list[index - 1] : undefined, next: list[index + 1] }
}
