import { buildSearchIndex } from '@/lib/search/build-index'

// Prerendered at build time into a static file: the chapters are read and indexed once, by the
// build, and the browser downloads the finished index when the reader first opens the search.
export const dynamic = 'force-static'

export function GET(): Response {
  return new Response(JSON.stringify(buildSearchIndex()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  })
}
