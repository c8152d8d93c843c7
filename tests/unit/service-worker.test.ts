// The offline service worker, run in a VM context with an in-memory Cache API that, like the real
// one, matches without the URL's fragment.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeEach, describe, expect, it } from 'vitest'

const origin = 'http://lab.test'
const source = readFileSync(join(import.meta.dirname, '../../lib/offline/service-worker.js'), 'utf8')
const bootstrap = `${origin}/_next/static/chunks/turbopack-worker-abc.js`

/** Cache keys as the Cache API compares them: without the fragment (and, if asked, the query). */
function keyOf(input: string | Request, ignoreSearch = false): string {
  const url = new URL(typeof input === 'string' ? new URL(input, origin).href : input.url)
  url.hash = ''
  if (ignoreSearch) url.search = ''
  return url.href
}

class MemoryCache {
  readonly entries = new Map<string, { response: Response }>()
  async match(input: string | Request, options?: { ignoreSearch?: boolean }) {
    const wanted = keyOf(input, options?.ignoreSearch)
    for (const [key, entry] of this.entries) if (keyOf(key, options?.ignoreSearch) === wanted) return entry.response.clone()
    return undefined
  }
  /** Like the real cache, it keeps the URL the response was fetched with (networkResponse's clones keep it). */
  async put(input: string | Request, response: Response) {
    this.entries.set(keyOf(input), { response: response.clone() })
  }
}

function withUrl(response: Response, url: string): Response {
  const clone = response.clone.bind(response)
  Object.defineProperties(response, { url: { value: url }, clone: { value: () => withUrl(clone(), url) } })
  return response
}

/** A network response that, like a browser's, remembers the URL it was fetched with, fragment included. */
function networkResponse(url: string, body: string): Response {
  return withUrl(new Response(body, { status: 200, headers: { 'Content-Type': 'text/javascript' } }), url)
}

interface Harness {
  listeners: Map<string, (event: unknown) => void>
  stores: Map<string, MemoryCache>
  fetched: string[]
  online: { value: boolean }
  /** The addresses of the windows open on this origin, controlled or not. */
  openWindows: string[]
  dispatchFetch(url: string, init?: { mode?: string }): Promise<Response> | undefined
  /** The work fetch events left running after they answered (writing to the cache). */
  settled(): Promise<void>
  lifecycle(type: 'install' | 'activate'): Promise<void>
}

function loadServiceWorker(precache: string[]): Harness {
  const listeners = new Map<string, (event: unknown) => void>()
  const stores = new Map<string, MemoryCache>()
  const fetched: string[] = []
  const online = { value: true }
  const openWindows: string[] = []
  const caches = {
    async open(name: string) {
      if (!stores.has(name)) stores.set(name, new MemoryCache())
      return stores.get(name)!
    },
    async keys() {
      return [...stores.keys()]
    },
    async delete(name: string) {
      return stores.delete(name)
    },
    async match(input: string | Request) {
      for (const store of stores.values()) {
        const found = await store.match(input)
        if (found) return found
      }
      return undefined
    },
  }
  const self = {
    __labBuild: { buildId: 'build-2', precache },
    location: new URL(`${origin}/sw.js`),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    skipWaiting: async () => {},
    clients: { claim: async () => {}, matchAll: async () => openWindows.map((url) => ({ url })) },
  }
  const fetch = async (input: string | Request) => {
    const url = typeof input === 'string' ? new URL(input, origin).href : input.url
    fetched.push(url)
    if (!online.value) throw new TypeError('Failed to fetch')
    return networkResponse(url, `body of ${new URL(url).pathname}${new URL(url).hash}`)
  }
  runInNewContext(source, { self, caches, fetch, Request, Response, URL, console })
  const pending: Promise<unknown>[] = []

  return {
    listeners,
    stores,
    fetched,
    online,
    openWindows,
    dispatchFetch(url, init = {}) {
      let answer: Promise<Response> | undefined
      const request = new Request(url)
      Object.defineProperty(request, 'mode', { value: init.mode ?? 'cors' })
      listeners.get('fetch')?.({
        request,
        respondWith: (response: Promise<Response>) => (answer = response),
        waitUntil: (promise: Promise<unknown>) => pending.push(promise),
      })
      return answer
    },
    async settled() {
      // An answer's own waitUntil is registered once the answer has been fetched.
      await new Promise((resolve) => setTimeout(resolve, 0))
      await Promise.all(pending)
    },
    async lifecycle(type) {
      let work: Promise<unknown> = Promise.resolve()
      listeners.get(type)?.({ waitUntil: (promise: Promise<unknown>) => (work = promise) })
      await work
    },
  }
}

describe('the service worker', () => {
  let sw: Harness
  beforeEach(() => {
    sw = loadServiceWorker(['/_next/static/chunks/a.js', '/_next/static/chunks/turbopack-worker-abc.js', '/diagrams/x.svg'])
  })

  it('precaches every listed static file at install, so a demo never opened online loads offline', async () => {
    await sw.lifecycle('install')
    expect(sw.fetched.map((url) => new URL(url).pathname)).toEqual([
      '/_next/static/chunks/a.js',
      '/_next/static/chunks/turbopack-worker-abc.js',
      '/diagrams/x.svg',
    ])
    sw.online.value = false
    const answer = await sw.dispatchFetch(`${origin}/_next/static/chunks/a.js`)
    expect(await answer?.text()).toBe('body of /_next/static/chunks/a.js')
  })

  it('answers each worker from the shared bootstrap with its own URL, not the first cached one', async () => {
    const cpu = await sw.dispatchFetch(`${bootstrap}#params=cpu`)
    expect(cpu?.url).toBe(`${bootstrap}#params=cpu`)
    await cpu?.text()
    await sw.settled()
    // The race worker's request matches the cached CPU one (fragments are ignored)...
    const race = await sw.dispatchFetch(`${bootstrap}#params=race`)
    // ...but what it gets carries no URL, so the browser gives the worker its own request's URL.
    expect(race?.url).toBe('')
    expect(await race?.text()).toBe('body of /_next/static/chunks/turbopack-worker-abc.js#params=cpu')
    expect(sw.fetched).toHaveLength(1)
  })

  it('caches the Python runtime on first use, not at install, and then answers it offline', async () => {
    await sw.lifecycle('install')
    expect(sw.fetched.some((url) => url.includes('/pyodide/'))).toBe(false)
    const wasm = `${origin}/pyodide/314.0.8/pyodide.asm.wasm`
    expect(await (await sw.dispatchFetch(wasm))?.text()).toBe('body of /pyodide/314.0.8/pyodide.asm.wasm')
    // The copy is written after the answer, while the event is kept alive.
    await sw.settled()
    sw.online.value = false
    expect(await (await sw.dispatchFetch(wasm))?.text()).toBe('body of /pyodide/314.0.8/pyodide.asm.wasm')
    expect(sw.fetched.filter((url) => url === wasm)).toHaveLength(1)
  })

  it('drops every cache of an older version when it activates', async () => {
    sw.stores.set('concurrency-lab-v1-assets', new MemoryCache())
    sw.stores.set('concurrency-lab-v2-build-1-pages', new MemoryCache())
    await sw.lifecycle('install')
    await sw.lifecycle('activate')
    expect([...sw.stores.keys()]).toEqual(['concurrency-lab-v2-build-2-assets'])
  })

  it('keeps the page that was open before it existed (the first page on this device), for offline', async () => {
    sw.openWindows.push(`${origin}/learn/what-is-concurrency#what-is-concurrency`, 'https://elsewhere.example/')
    await sw.lifecycle('install')
    await sw.lifecycle('activate')
    sw.online.value = false
    const first = await sw.dispatchFetch(`${origin}/learn/what-is-concurrency`, { mode: 'navigate' })
    expect(first?.status).toBe(200)
    expect(await first?.text()).toBe('body of /learn/what-is-concurrency')
    expect(sw.fetched.some((url) => url.startsWith('https://elsewhere.example'))).toBe(false)
  })

  it('offline, serves an opened page from its copy and a never-opened one as a Chinese offline page', async () => {
    await (await sw.dispatchFetch(`${origin}/learn/io-asyncio`, { mode: 'navigate' }))?.text()
    sw.online.value = false
    const opened = await sw.dispatchFetch(`${origin}/learn/io-asyncio`, { mode: 'navigate' })
    expect(await opened?.text()).toBe('body of /learn/io-asyncio')
    const never = await sw.dispatchFetch(`${origin}/learn/cpu-bound`, { mode: 'navigate' })
    expect(never?.status).toBe(503)
    expect(await never?.text()).toContain('这一页还没有在这台设备上联网打开过')
  })

  it('never touches the latency route or other origins', () => {
    expect(sw.dispatchFetch(`${origin}/api/latency?ms=10`)).toBeUndefined()
    expect(sw.dispatchFetch('http://127.0.0.2:3000/api/latency?ms=10')).toBeUndefined()
    expect(sw.dispatchFetch('http://elsewhere.test/_next/static/chunks/a.js')).toBeUndefined()
  })
})
