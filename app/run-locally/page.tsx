import type { Metadata } from 'next'
import { RunLocallyGuide } from '@/components/run-locally/RunLocallyGuide'

export const metadata: Metadata = {
  title: '在自己的电脑上运行',
  description: '下载原文的五个 Python 程序，用自己电脑上的 python3 对本站的模拟延迟接口运行，再把运行记录导入实验室，与浏览器里的运行并排对比。',
}

export default function RunLocally() {
  return (
    <main id="main-content" className="run-locally-page" tabIndex={-1}>
      <RunLocallyGuide />
    </main>
  )
}
