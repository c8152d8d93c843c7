import type { NextConfig } from 'next'
import { crossOriginIsolationHeaders, isolatedPages, securityHeaders } from './lib/security/headers'

const production = process.env.NODE_ENV === 'production'

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The stylesheet is small: inlined, the first paint does not wait for another request.
  experimental: { inlineCss: true },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders(production) },
      // Isolation only where the race demo runs: it restricts what a page may embed.
      ...isolatedPages.map((source) => ({ source, headers: crossOriginIsolationHeaders })),
      // Worker scripts take their embedder policy from their own response in current Chromium.
      { source: '/_next/static/:path*', headers: [{ key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }] },
    ]
  },
}

export default nextConfig
