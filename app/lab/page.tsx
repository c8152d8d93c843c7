import type { Metadata } from 'next'
import { LabLoader } from '@/components/lab/LabLoader'

export const metadata: Metadata = {
  title: '实验室',
  description: '课堂用的并发实验室：所有演示和参数在一页，投影模式、可分享的链接、运行历史与导出。',
}

export default function Lab() {
  return (
    <main id="main-content" className="lab" tabIndex={-1}>
      <p className="lab-intro">
        课堂用的实验室：选一个演示，调好参数，按 <kbd>R</kbd> 运行、<kbd>A</kbd> 全部运行，<kbd>?</kbd>{' '}
        查看全部快捷键。地址栏里的链接就是这次实验，发给学生即可复现。
      </p>
      {/* The lab reads its setup from the URL, which only the browser has on a static page. */}
      <LabLoader />
      <noscript>
        <p className="demo-notice" data-testid="lab-needs-javascript">
          实验室需要 JavaScript：演示、参数和图表都在你的浏览器里运行。请在浏览器中启用 JavaScript 后刷新页面；各章的正文不需要它也能阅读。
        </p>
      </noscript>
    </main>
  )
}
