// After `next build`: writes public/sw.js from lib/offline/service-worker.js, behind one line that
// gives it this build's id and the static files to precache. A new build changes that line, so
// browsers install the new worker, which precaches the new files and drops the old caches.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function filesUnder(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** What a page or a demo may load: scripts, styles, images. Not source maps or the bundler's copies of worker sources. */
function isPrecached(file) {
  return /\.(js|css|svg|woff2?|png)$/.test(file)
}

const staticRoot = path.join(projectRoot, '.next/static')
const publicRoot = path.join(projectRoot, 'public')
const entries = [
  ...filesUnder(staticRoot)
    .filter(isPrecached)
    .map((file) => ({ file, url: `/_next/static/${path.relative(staticRoot, file)}` })),
  ...filesUnder(path.join(publicRoot, 'diagrams'))
    .filter(isPrecached)
    .map((file) => ({ file, url: `/${path.relative(publicRoot, file)}` })),
].map(({ file, url }) => ({ file, url: url.split(path.sep).join('/') }))

const buildId = readFileSync(path.join(projectRoot, '.next/BUILD_ID'), 'utf8').trim()
const source = readFileSync(path.join(projectRoot, 'lib/offline/service-worker.js'), 'utf8')
const manifest = { buildId, precache: entries.map((entry) => entry.url).sort() }
writeFileSync(path.join(publicRoot, 'sw.js'), `self.__labBuild = ${JSON.stringify(manifest)}\n${source}`)

const bytes = entries.reduce((sum, entry) => sum + statSync(entry.file).size, 0)
const gzipBytes = entries.reduce((sum, entry) => sum + gzipSync(readFileSync(entry.file)).byteLength, 0)
console.log(`public/sw.js: precaches ${entries.length} files, ${(bytes / 1024).toFixed(0)} KB (${(gzipBytes / 1024).toFixed(0)} KB gzip)`)
