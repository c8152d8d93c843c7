// Prints the first-load JavaScript of pages (gzip), as a browser downloads it on a cold visit.
// Needs a production server: `npm run build && npm start`, then `node bench/page-weight.mjs [base URL] [paths…]`.
import { gzipSync } from 'node:zlib'

const base = process.argv[2] ?? 'http://127.0.0.1:3000'
const paths = process.argv.slice(3).length ? process.argv.slice(3) : ['/', '/learn/what-is-concurrency', '/learn/io-synchronous']

async function firstLoadJs(path) {
  const response = await fetch(new URL(path, base))
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  const html = await response.text()
  // noModule scripts are polyfills that modern browsers skip.
  const tags = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].filter((match) => !/nomodule/i.test(match[0]))
  const scripts = [...new Set(tags.map((match) => match[1]))]
  let raw = 0
  let gzip = 0
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())
    raw += body.length
    gzip += gzipSync(body, { level: 9 }).length
  }
  // Inline flight data is part of what the page costs to load, though it is not a script file.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('')
  return { path, files: scripts.length, raw, gzip, inlineGzip: gzipSync(Buffer.from(inline)).length }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
console.log('page                                   scripts   raw JS     gzip JS   inline (gzip)')
for (const path of paths) {
  const result = await firstLoadJs(path)
  console.log(`${path.padEnd(38)} ${String(result.files).padStart(7)} ${kb(result.raw).padStart(10)} ${kb(result.gzip).padStart(10)} ${kb(result.inlineGzip).padStart(12)}`)
}
