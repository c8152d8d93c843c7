// The files a page links, downloaded and added up as a server sends them: raw and gzip bytes.
import { gzipSync } from 'node:zlib'

export async function sumResponseSizes(base, urls) {
  let raw = 0
  let gzip = 0
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer())
    raw += body.length
    gzip += gzipSync(body, { level: 9 }).length
  }
  return { raw, gzip }
}
