import { z } from 'zod'

/** Frontmatter every chapter in content/ must carry. */
export const chapterFrontmatterSchema = z.object({
  title: z.string().trim().min(1, 'title 不能为空'),
  order: z.number().int('order 必须是整数').nonnegative('order 不能为负数'),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug 只能包含小写字母、数字和连字符'),
  summary: z.string().trim().min(1, 'summary 不能为空'),
})

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>

export interface ChapterMeta extends ChapterFrontmatter {
  /** File name relative to content/, for error messages. */
  file: string
}

export class ChapterValidationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ChapterValidationError'
  }
}

/** Validates one file's frontmatter; the error names the file and every bad field. */
export function parseChapterFrontmatter(file: string, data: unknown): ChapterMeta {
  const result = chapterFrontmatterSchema.safeParse(data)
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join('.') || '(frontmatter)'}: ${issue.message}`).join('; ')
    throw new ChapterValidationError(`content/${file}: invalid frontmatter — ${fields}`)
  }
  const expectedSlug = file.replace(/\.mdx$/, '')
  if (result.data.slug !== expectedSlug) {
    throw new ChapterValidationError(`content/${file}: slug "${result.data.slug}" must equal the file name "${expectedSlug}"`)
  }
  return { ...result.data, file }
}

/** Sorts chapters by order and rejects duplicate orders or slugs, naming both files. */
export function orderChapters<T extends ChapterMeta>(chapters: T[]): T[] {
  const byOrder = new Map<number, T>()
  const bySlug = new Map<string, T>()
  for (const chapter of chapters) {
    const sameOrder = byOrder.get(chapter.order)
    if (sameOrder) {
      throw new ChapterValidationError(`content/${chapter.file}: order ${chapter.order} is already used by content/${sameOrder.file}`)
    }
    const sameSlug = bySlug.get(chapter.slug)
    if (sameSlug) {
      throw new ChapterValidationError(`content/${chapter.file}: slug "${chapter.slug}" is already used by content/${sameSlug.file}`)
    }
    byOrder.set(chapter.order, chapter)
    bySlug.set(chapter.slug, chapter)
  }
  return [...chapters].sort((a, b) => a.order - b.order)
}
