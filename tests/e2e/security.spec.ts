import { expect, test } from '@playwright/test'

const pages = ['/', '/learn/what-is-concurrency', '/learn/race-conditions', '/lab', '/learn/no-such-page']

test.describe('security headers', () => {
  for (const path of pages) {
    test(`${path} carries the security headers`, async ({ request }) => {
      const response = await request.get(path)
      const headers = response.headers()
      const csp = headers['content-security-policy'] ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      // WebAssembly (the browser's Python) may compile: 'wasm-unsafe-eval', never script eval.
      expect(csp).not.toMatch(/'unsafe-eval'/)
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    })
  }

  test('the self-hosted Python runtime is cached for a year and may be loaded by the isolated pages', async ({ request }) => {
    const response = await request.get('/pyodide/314.0.8/pyodide.mjs')
    expect(response.status()).toBe(200)
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers()['cross-origin-resource-policy']).toBe('same-origin')
  })

  test('the latency route answers with its own locked-down headers', async ({ request }) => {
    for (const query of ['ms=0', 'ms=abc']) {
      const headers = (await request.get(`/api/latency?${query}`)).headers()
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(headers['cache-control']).toBe('no-store')
    }
  })

  test('static chunks are served with nosniff', async ({ page, request }) => {
    await page.goto('/')
    const src = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src')
    const headers = (await request.get(src!)).headers()
    expect(headers['x-content-type-options']).toBe('nosniff')
  })

  test('cross-origin isolation only where the race demo needs it', async ({ page, request }) => {
    for (const path of ['/learn/race-conditions', '/lab']) {
      const headers = (await request.get(path)).headers()
      expect(headers['cross-origin-opener-policy']).toBe('same-origin')
      expect(headers['cross-origin-embedder-policy']).toBe('require-corp')
    }
    const plain = (await request.get('/learn/what-is-concurrency')).headers()
    expect(plain['cross-origin-opener-policy']).toBeUndefined()
    expect(plain['cross-origin-embedder-policy']).toBeUndefined()
    await page.goto('/learn/race-conditions')
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true)
  })
})
