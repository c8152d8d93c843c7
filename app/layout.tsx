import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
// First: the components' own sheets come after the base styles, so they override them.
import './globals.css'
import { PrintPreparation } from '@/components/layout/PrintPreparation'
import { ServiceWorkerRegistrationAfterLoad } from '@/components/layout/lazy-after-load'
import { IsolatedPageNavigation } from '@/components/navigation/IsolatedPageNavigation'
import { SiteHeader } from '@/components/layout/SiteHeader'
import { ThemeScript } from '@/components/layout/ThemeScript'
import { getChapterList } from '@/lib/content/chapters'

export const metadata: Metadata = {
  title: { default: '并发实验室 · Concurrency Lab', template: '%s · 并发实验室' },
  description: '《使用并发加速你的 Python 程序》的交互式中文版：在你自己的浏览器里运行顺序、线程池、异步与 Web Worker 版本，实时看到每一个请求。',
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16181d' },
  ],
}

/** Applies only when scripts are off: the loading notes would otherwise wait forever. */
const noScriptStyle = `.demo-skeleton>*,.lab>[data-lab-loading]{display:none}.demo-skeleton::after{content:'此演示需要 JavaScript：请在浏览器中启用 JavaScript 后刷新页面。'}`

export default function RootLayout({ children }: { children: ReactNode }) {
  const chapters = getChapterList().map(({ slug, title, order }) => ({ slug, title, order }))
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <ThemeScript />
        {/* Demos and the lab need JavaScript: without it, say so where each would load, instead of 加载中… forever. */}
        <noscript>
          <style>{noScriptStyle}</style>
        </noscript>
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          跳到正文
        </a>
        <SiteHeader chapters={chapters} />
        {children}
        <ServiceWorkerRegistrationAfterLoad />
        <PrintPreparation />
        <IsolatedPageNavigation />
      </body>
    </html>
  )
}
