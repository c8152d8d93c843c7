import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import matter from 'gray-matter'

export interface ChapterFixture {
  slug: string
  title: string
  order: number
  /** h2/h3 heading texts, as written in the MDX source. */
  headings: string[]
  cjkCharacters: number
}

/** Chapters as the source files describe them, so tests follow content/ rather than a copy of it. */
export function readChapterFixtures(): ChapterFixture[] {
  const directory = join(process.cwd(), 'content')
  return readdirSync(directory)
    .filter((name) => name.endsWith('.mdx'))
    .map((file) => {
      const { data, content } = matter(readFileSync(join(directory, file), 'utf8'))
      const withoutCode = content.replace(/```[\s\S]*?```/g, '')
      const headings = [...withoutCode.matchAll(/^#{2,3}\s+(.+)$/gm)].map((match) => (match[1] ?? '').trim())
      return {
        slug: String(data.slug),
        title: String(data.title),
        order: Number(data.order),
        headings,
        cjkCharacters: (withoutCode.match(/[\u4e00-\u9fff]/g) ?? []).length,
      }
    })
    .sort((a, b) => a.order - b.order)
}
