import type { NextConfig } from 'next'
import { crossOriginIsolationHeaders, isolatedPages, pyodideFileHeaders, securityHeaders } from './lib/security/headers'

const production = process.env.NODE_ENV === 'production'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained build in .next/standalone as well (completed by scripts/build-server.mjs).
  output: 'standalone',
  // No experimental.inlineCss: it put the whole stylesheet into every page's RSC payload as well
  // (twice), which the browser then had to decode and hydrate; Lighthouse's TBT on a chapter fell
  // from about 1.0 s to 0.7 s without it (`node bench/lighthouse.mjs`).
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders(production) },
      // Isolation only where the race demo runs: it restricts what a page may embed.
      ...isolatedPages.map((source) => ({ source, headers: crossOriginIsolationHeaders })),
      // Worker scripts take their embedder policy from their own response in current Chromium.
      { source: '/_next/static/:path*', headers: [{ key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }] },
      { source: '/pyodide/:path*', headers: pyodideFileHeaders },
    ]
  },
}

export default nextConfig
