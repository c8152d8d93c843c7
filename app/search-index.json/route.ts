import { chapterCompileOptions } from '@/components/mdx/registry'
import { getChapters } from '@/lib/content/chapters'
import { compileChapter } from '@/lib/content/compile-chapter'
import { buildSearchIndex } from '@/lib/search/build-index'

// Prerendered at build time into a static file: the index is made from the chapter compile the
// pages use (one per chapter per build worker), and the browser downloads the finished index
// when the reader first opens the search.
export const dynamic = 'force-static'

export async function GET(): Promise<Response> {
  const chapters = await Promise.all(getChapters().map((chapter) => compileChapter(chapter, chapterCompileOptions)))
  return new Response(JSON.stringify(buildSearchIndex(chapters)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
