// What a cold visit to a page must download in CSS before its first paint: the stylesheets
// linked in its HTML, gzip-compressed as a server sends them. Every sheet beyond the first is
// another request before the page shows anything.
import { sumResponseSizes } from './response-sizes.mjs'

export async function measureRenderBlockingCss(base, path) {
  const response = await fetch(new URL(path, base))
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  const html = await response.text()
  const sheets = [...new Set([...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]))]
  const { raw, gzip } = await sumResponseSizes(base, sheets)
  return { path, files: sheets.length, raw, gzip }
}

/**
 * Budgets per kind of route. A chapter's sheets hold the site's and the chapter's own styles;
 * the demos' (about 5 KB gzip) load with the demos.
 */
export const renderBlockingCssBudgets = {
  chapter: { files: 2, gzip: 7 * 1024 },
  home: { files: 1, gzip: 5 * 1024 },
  lab: { files: 1, gzip: 5 * 1024 },
}
