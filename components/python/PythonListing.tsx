'use client'

import dynamic from 'next/dynamic'
import type { ListingChange } from '@/lib/python/programs/program'
import styles from './PythonListing.module.css'
import demo from '@/components/demos/demo.module.css'

const CodeEditor = dynamic(() => import('./CodeEditor').then((module) => module.CodeEditor), {
  ssr: false,
  loading: () => <p className={demo.note}>编辑器加载中…</p>,
})

interface PythonListingProps {
  source: string
  edited: boolean
  editing: boolean
  disabled: boolean
  changes: readonly ListingChange[]
  onEdit: () => void
  onChange: (source: string) => void
  onReset: () => void
}

/** The listing that runs: shown as text until the reader asks to edit it, with what the browser changed and why. */
export function PythonListing({ source, edited, editing, disabled, changes, onEdit, onChange, onReset }: PythonListingProps) {
  return (
    <div className={styles.listing}>
      <div className={styles.bar}>
        <span>{edited ? '你修改过的版本（保存在这台设备上）' : '本章的程序（浏览器版）'}</span>
        {editing ? null : (
          <button type="button" className="link-button" onClick={onEdit} disabled={disabled}>
            编辑
          </button>
        )}
        {edited ? (
          <button type="button" className="link-button" onClick={onReset} disabled={disabled}>
            恢复本章的版本
          </button>
        ) : null}
      </div>
      {editing ? (
        <CodeEditor value={source} label="编辑 Python 程序" onChange={onChange} />
      ) : (
        // Focusable: a keyboard reader scrolls a long listing with the arrow keys.
        <pre className={styles.source} data-testid="python-source" tabIndex={0} aria-label="将要运行的 Python 程序">
          <code>{source}</code>
        </pre>
      )}
      <details className={styles.changes}>
        <summary>为了在浏览器里运行，和本章的程序相比改了 {changes.length} 处</summary>
        <ol>
          {changes.map((change) => (
            <li key={change.original}>
              <code>{change.original.trim().split('\n')[0]}</code> → <code>{change.browser.trim().split('\n')[0]}</code>：{change.why}
            </li>
          ))}
        </ol>
      </details>
    </div>
  )
}
