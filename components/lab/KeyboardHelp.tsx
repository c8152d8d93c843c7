'use client'

import { useEffect, useRef } from 'react'
import demo from '@/components/demos/demo.module.css'
import styles from './KeyboardHelp.module.css'

export const labShortcuts: readonly [string, string][] = [
  ['R', '运行当前策略'],
  ['A', '全部运行'],
  ['S', '停止'],
  ['1–4', '选择第 1–4 个策略'],
  ['← / →', '在运行历史中前后切换'],
  ['P', '切换投影模式'],
  ['F', '全屏'],
  ['?', '显示或隐藏快捷键'],
]

/** The list of the lab's keys, as a modal dialog. */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])
  return (
    <dialog ref={dialog} className={styles.help} aria-labelledby="lab-help-title" onClose={onClose} data-testid="keyboard-help">
      <h2 id="lab-help-title">键盘快捷键</h2>
      <dl>
        {labShortcuts.map(([key, action]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className={demo.run} onClick={onClose}>
        知道了
      </button>
    </dialog>
  )
}
