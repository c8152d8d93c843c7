// What a cold visit to a page downloads in JavaScript before it is interactive: the script tags
// in its HTML (modern browsers skip noModule polyfills), gzip-compressed as a server sends them.
import { gzipSync } from 'node:zlib'
import { sumResponseSizes } from './response-sizes.mjs'

export async function measureFirstLoadJs(base, path) {
  const response = await fetch(new URL(path, base))
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  const html = await response.text()
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((match) => !/nomodule/i.test(match[0]))
  const scripts = [...new Set(tags.map((match) => match[1]))]
  const { raw, gzip } = await sumResponseSizes(base, scripts)
  // Inline flight data is part of what the page costs to load, though it is not a script file.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('')
  return { path, files: scripts.length, raw, gzip, inlineGzip: gzipSync(Buffer.from(inline)).length }
}

/** Budgets in bytes of gzip JavaScript, per kind of route. */
export const firstLoadBudgets = { chapter: 150 * 1024, home: 150 * 1024, lab: 170 * 1024 }
