'use client'

import { useState } from 'react'
import styles from './CopyButton.module.css'

/** Copies the code of the block it sits in. */
export function CopyButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <button
      type="button"
      className={styles.button}
      data-testid="copy-code"
      aria-label={state === 'copied' ? '已复制' : '复制代码'}
      onClick={async (event) => {
        const code = event.currentTarget.closest('[data-code-block]')?.querySelector('pre')?.innerText ?? ''
        try {
          await navigator.clipboard.writeText(code)
          setState('copied')
        } catch {
          setState('failed')
        }
        window.setTimeout(() => setState('idle'), 2000)
      }}
    >
      {state === 'copied' ? '已复制' : state === 'failed' ? '复制失败' : '复制'}
    </button>
  )
}
