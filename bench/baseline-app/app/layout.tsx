// The floor for bench/lighthouse.mjs: Next.js with nothing of ours, one static page of text.
import type { ReactNode } from 'react'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  )
}
