// Cross-origin isolation (for SharedArrayBuffer in the race demo) only where that demo runs:
// it restricts what a page may embed, so the rest of the site does without it.
const crossOriginIsolation = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
]

/** Pages that run the SharedArrayBuffer race demo. */
export const isolatedPages = ['/learn/race-conditions', '/lab']

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [
      ...isolatedPages.map((source) => ({ source, headers: crossOriginIsolation })),
      // Worker scripts take their embedder policy from their own response in current Chromium.
      { source: '/_next/static/:path*', headers: [{ key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' }] },
    ]
  },
}

export default nextConfig
