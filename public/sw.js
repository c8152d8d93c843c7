// Offline reading for classrooms with poor Wi-Fi: pages and assets a reader has opened are kept,
// so chapters and the lab open again without a network. The latency route is never cached: a
// demo must reach the real server, and says so when it cannot.
const version = 'concurrency-lab-v1'
const pagesCache = `${version}-pages`
const assetsCache = `${version}-assets`

self.addEventListener('install', () => self.skipWaiting())

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (!name.startsWith(version)) await caches.delete(name)
      await self.clients.claim()
    })(),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return
  if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/diagrams/')) {
    // Fingerprinted or fixed files: the cached copy is always right.
    event.respondWith(cacheFirst(request))
  } else if (request.mode === 'navigate' || url.searchParams.has('_rsc') || url.pathname === '/search-index.json') {
    event.respondWith(networkFirst(request))
  }
})

async function cacheFirst(request) {
  const cached = await caches.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) (await caches.open(assetsCache)).put(request, response.clone())
  return response
}

async function networkFirst(request) {
  const cache = await caches.open(pagesCache)
  try {
    const response = await fetch(request)
    if (response.ok) cache.put(request, response.clone())
    return response
  } catch (error) {
    // A page opened with a query (the lab's shared setups) falls back to its plain copy.
    const cached = (await cache.match(request)) ?? (await cache.match(request, { ignoreSearch: true }))
    if (cached) return cached
    throw error
  }
}
