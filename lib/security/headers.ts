// Response headers every page carries, and the extra ones for the pages that need
// cross-origin isolation. Used by next.config.ts; the latency route sets its own (lib/latency).

/** Pages that run the SharedArrayBuffer race demo (COOP + COEP make SharedArrayBuffer available). */
export const isolatedPages = ['/learn/race-conditions', '/lab'] as const

export interface HeaderEntry {
  key: string
  value: string
}

/**
 * The Content-Security-Policy. Pages are static, so there is no per-request nonce: Next's inline
 * bootstrap scripts need 'unsafe-inline'. 'unsafe-eval' only in development (React's dev tools).
 * connect-src admits *.localhost for domain sharding on a classroom machine; blob: workers and
 * data: images are what the bundler's worker loader and the PNG export use. 'wasm-unsafe-eval'
 * lets the Python runtime compile CPython's WebAssembly; it allows no JavaScript eval.
 */
export function contentSecurityPolicy(production: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${production ? '' : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' http://*.localhost:* https://*.localhost:*",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function securityHeaders(production: boolean): HeaderEntry[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(production) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ]
}

export const crossOriginIsolationHeaders: HeaderEntry[] = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
]

/**
 * Cross-origin isolation is decided when a document loads: a client-side navigation into an
 * isolated page from one that is not would arrive without it. Returns the URL to load in full
 * when following `href` from `current` needs that, else null (a normal client-side navigation).
 */
export function fullLoadForIsolation(href: string, current: URL, currentlyIsolated: boolean): string | null {
  if (currentlyIsolated) return null
  let target: URL
  try {
    target = new URL(href, current)
  } catch {
    return null
  }
  if (target.origin !== current.origin) return null
  const path = target.pathname.replace(/\/+$/, '') || '/'
  return (isolatedPages as readonly string[]).includes(path) ? target.href : null
}

/**
 * The self-hosted Pyodide files: their path names the version, so they never change (a year,
 * immutable), and the cross-origin isolated pages (COEP require-corp) may load them.
 */
export const pyodideFileHeaders: HeaderEntry[] = [
  { key: 'Cache-Control', value: 'public, max-age=31536000, immutable' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
]
