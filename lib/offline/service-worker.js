// Offline reading for classrooms with poor Wi-Fi. The build (scripts/build-service-worker.mjs)
// writes this file to public/sw.js behind a line that sets self.__labBuild: the build's id and
// the list of its static files. A new build is a new service worker, which precaches that
// build's files and drops every older cache.
//
// · Static files (/_next/static, our diagrams) are precached at install and answered
//   cache-first: they are fingerprinted, and a demo whose code was never opened online still
//   loads offline.
// · Pages and their RSC payloads are answered network-first and kept once opened, so a chapter
//   a reader opened reads offline; one never opened gets a short Chinese page saying so.
// · The self-hosted Python runtime (/pyodide/<version>/, 13 MB) is not precached: it is cached
//   cache-first on first use, so a reader who ran Python once can run it offline.
// · The latency route is never cached: a demo must reach the real server, and says so when it
//   cannot.
const { buildId, precache } = self.__labBuild
const version = `concurrency-lab-v2-${buildId}`
const pagesCache = `${version}-pages`
const assetsCache = `${version}-assets`

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(assetsCache)
      // One at a time, so the precache never competes with the page for the reader's connections.
      for (const url of precache) {
        try {
          // A file the last build shared with this one is taken from the old cache, not the network.
          const response = (await caches.match(url)) ?? (await fetch(url))
          if (response.ok) await cache.put(url, response)
        } catch {
          // Offline mid-install: what is missing is fetched, and kept, on first use.
        }
      }
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!name.startsWith(version)) await caches.delete(name)
      await self.clients.claim()
      await keepPagesOpenedBeforeTheWorker()
    })(),
  )
})

/**
 * The page that registered the worker (a reader's first page on this device) was loaded before
 * the worker could see it, so it would be missing offline, where the notice would wrongly say it
 * was never opened. Kept now, one at a time, like the precache.
 */
async function keepPagesOpenedBeforeTheWorker() {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  if (windows.length === 0) return
  const cache = await caches.open(pagesCache)
  for (const client of windows) {
    const url = new URL(client.url)
    if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) continue
    url.hash = ''
    try {
      if (await cache.match(url.href)) continue
      const response = await fetch(url.href)
      if (response.ok) await cache.put(url.href, response)
    } catch {
      // Offline already: the page is kept the next time it is opened online.
    }
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/diagrams/') || url.pathname.startsWith('/pyodide/')) {
    event.respondWith(cacheFirst(request, event))
  } else if (request.mode === 'navigate' || url.searchParams.has('_rsc') || url.pathname === '/search-index.json') {
    event.respondWith(networkFirst(request))
  }
})

async function cacheFirst(request, event) {
  const cached = await caches.match(request)
  if (cached) return withRequestUrl(request, cached)
  const response = await fetch(request)
  // Answered at once, kept meanwhile: waiting for the copy to be written would hold back the
  // 9.6 MB CPython wasm (streaming compilation included) until all of it was on disk.
  if (response.ok) {
    const copy = response.clone()
    event.waitUntil(caches.open(assetsCache).then((cache) => cache.put(request, copy)))
  }
  return response
}

/**
 * The Cache API matches without the URL's fragment, and every bundled worker starts from one
 * bootstrap file told by its fragment which chunks to load. A cached response keeps the URL it
 * was fetched with, fragment included, and a worker takes its URL from its response: answering
 * a worker with the cached response itself would run whichever worker was cached first. A new
 * Response carries no URL, so the worker takes its own request's URL and runs its own code.
 */
function withRequestUrl(request, cached) {
  if (!new URL(request.url).hash) return cached
  return new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers: cached.headers })
}

async function networkFirst(request) {
  const cache = await caches.open(pagesCache)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(request, response.clone())
    return response
  } catch (error) {
    // A page opened with a query (the lab's shared setups) falls back to its plain copy.
    const cached = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }))
    if (cached) return cached
    if (request.mode === 'navigate') return offlinePage()
    throw error
  }
}

function offlinePage() {
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>离线 · 并发实验室</title>
<style>body{font:16px/1.75 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}@media (prefers-color-scheme:dark){body{background:#111;color:#eee}a{color:#8ab4ff}}</style></head>
<body><h1>现在离线</h1><p>这一页还没有在这台设备上联网打开过，所以没有离线副本。已经打开过的章节和实验室可以照常阅读。</p><p><a href="/">回到首页</a></p></body></html>`
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}
