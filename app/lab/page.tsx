import type { Metadata } from 'next'
import { Suspense } from 'react'
import { LabPage } from '@/components/lab/LabPage'

export const metadata: Metadata = {
  title: '实验室',
  description: '课堂用的并发实验室：所有演示和参数在一页，投影模式、可分享的链接、运行历史与导出。',
}

export default function Lab() {
  return (
    // The lab reads its setup from the URL, which only the browser has on a static page.
    <Suspense fallback={<main id="main-content" className="lab"><p>实验室加载中…</p></main>}>
      <LabPage />
    </Suspense>
  )
}
