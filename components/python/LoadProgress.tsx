'use client'

import type { LoadProgress as Progress } from '@/lib/python/interpreter'
import { formatBytes } from '@/lib/format/units'
import styles from './LoadProgress.module.css'
import demo from '@/components/demos/demo.module.css'

const stepText = {
  loader: '下载 Pyodide 的加载器',
  download: '下载 CPython（WebAssembly）和标准库',
  start: '编译 WebAssembly，启动解释器',
  prelude: '装上本站的记录代码（包装 pyodide.http）',
  ready: '就绪',
} as const

/** The bytes of Python's big files fetched so far and the start-up step it is on. */
export function LoadProgress({ progress }: { progress: Progress | null }) {
  const loaded = progress?.loaded ?? 0
  const total = progress?.total ?? 1
  return (
    <div className={styles.load} role="status" data-testid="python-load">
      <p>
        正在加载浏览器里的 Python：{stepText[progress?.step ?? 'loader']}
        {progress && progress.step !== 'loader' ? `（${formatBytes(loaded)} / ${formatBytes(total)}）` : ''}
      </p>
      <progress max={total} value={Math.min(loaded, total)} aria-label="Python 下载进度" />
      <p className={demo.note}>第一次要下载约 12 MB（压缩后约 5 MB）；之后从缓存读取，离线也能运行。</p>
    </div>
  )
}
