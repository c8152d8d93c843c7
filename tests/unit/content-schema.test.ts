import { describe, expect, it } from 'vitest'
import { ChapterValidationError, orderChapters, parseChapterFrontmatter } from '@/lib/content/schema'

const valid = { title: '什么是并发', order: 1, slug: 'what-is-concurrency', summary: '并发的含义。' }

describe('chapter frontmatter', () => {
  it('accepts a complete frontmatter and keeps the file name', () => {
    expect(parseChapterFrontmatter('what-is-concurrency.mdx', valid)).toEqual({ ...valid, file: 'what-is-concurrency.mdx' })
  })

  it.each(['title', 'order', 'slug', 'summary'] as const)('rejects a missing %s, naming the file and the field', (field) => {
    const data: Record<string, unknown> = { ...valid }
    delete data[field]
    expect(() => parseChapterFrontmatter('what-is-concurrency.mdx', data)).toThrowError(
      new RegExp(`content/what-is-concurrency\\.mdx: invalid frontmatter — .*${field}`),
    )
  })

  it('rejects a non-integer order and a malformed slug', () => {
    expect(() => parseChapterFrontmatter('a.mdx', { ...valid, slug: 'a', order: 1.5 })).toThrowError(/order/)
    expect(() => parseChapterFrontmatter('Bad Slug.mdx', { ...valid, slug: 'Bad Slug' })).toThrowError(/slug/)
  })

  it('rejects a slug that differs from the file name', () => {
    expect(() => parseChapterFrontmatter('other.mdx', valid)).toThrowError('content/other.mdx: slug "what-is-concurrency" must equal the file name "other"')
  })
})

describe('chapter ordering', () => {
  const chapter = (slug: string, order: number) => ({ ...valid, slug, order, file: `${slug}.mdx` })

  it('sorts by order', () => {
    const sorted = orderChapters([chapter('c', 3), chapter('a', 1), chapter('b', 2)])
    expect(sorted.map((entry) => entry.slug)).toEqual(['a', 'b', 'c'])
  })

  it('rejects a duplicate order, naming both files', () => {
    expect(() => orderChapters([chapter('a', 1), chapter('b', 1)])).toThrowError(
      new ChapterValidationError('content/b.mdx: order 1 is already used by content/a.mdx'),
    )
  })

  it('rejects a duplicate slug, naming both files', () => {
    const first = chapter('a', 1)
    const second = { ...chapter('a', 2), file: 'copy.mdx' }
    expect(() => orderChapters([first, second])).toThrowError(/content\/copy\.mdx: slug "a" is already used by content\/a\.mdx/)
  })
})
