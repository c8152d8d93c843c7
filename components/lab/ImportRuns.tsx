'use client'

import Link from 'next/link'
import { useEffect, useRef, useState } from 'react'
import type { Run } from '@/lib/engine/types'
import { parseRunsFile, runsFileLimits } from '@/lib/import/runs-file'
import { runHistoryStore } from '@/lib/store/run-history'
import styles from './ImportRuns.module.css'
import demo from '@/components/demos/demo.module.css'
import knobs from '@/components/demos/knobs.module.css'

type Outcome = { kind: 'done'; message: string } | { kind: 'error'; message: string } | null

/** Reads one dropped or chosen file; the size is checked before its text is read. */
async function importFile(file: File): Promise<{ runs: Run[]; message: string } | { error: string }> {
  const text = file.size > runsFileLimits.maxBytes ? '' : await file.text()
  const result = parseRunsFile(text, file.size)
  if (!result.ok) return { error: `没有导入「${file.name.slice(0, 80)}」：${result.error}` }
  const { added, dropped } = runHistoryStore.getState().importRuns(result.runs)
  const limit = dropped > 0 ? `；历史最多保留 ${runHistoryStore.getState().runs.length} 条，最旧的 ${dropped} 条已移出` : ''
  return { runs: result.runs, message: `已导入 ${added} 条运行记录${limit}。` }
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/**
 * Imports a runs file (the lab's export, or one the article's programs wrote on the reader's own
 * computer) by a button or by dropping it anywhere on the lab. `onImported` gets the first run,
 * so the lab can show its workload.
 */
export function ImportRuns({ onImported }: { onImported: (run: Run) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const [dragging, setDragging] = useState(false)

  async function accept(files: FileList | null | undefined) {
    if (!files || files.length === 0) return
    if (files.length > 1) {
      setOutcome({ kind: 'error', message: `一次只能导入一个文件，收到了 ${files.length} 个。` })
      return
    }
    try {
      const result = await importFile(files[0]!)
      if ('error' in result) {
        setOutcome({ kind: 'error', message: result.error })
        return
      }
      setOutcome({ kind: 'done', message: result.message })
      onImported(result.runs[0]!)
    } catch (error) {
      setOutcome({ kind: 'error', message: `读取文件失败：${error instanceof Error ? error.message : String(error)}` })
    }
  }
  const acceptRef = useRef(accept)
  useEffect(() => {
    acceptRef.current = accept
  })

  // The whole page takes the drop: a teacher drags the file from the terminal's folder onto the projector.
  useEffect(() => {
    let depth = 0
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return
      depth++
      setDragging(true)
    }
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return
      event.preventDefault()
      depth = 0
      setDragging(false)
      void acceptRef.current(event.dataTransfer?.files)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  return (
    <div className={styles.import} data-testid="import-runs">
      <button type="button" className={demo.outlined} onClick={() => input.current?.click()}>
        导入运行记录
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(event) => {
          void accept(event.target.files)
          event.target.value = ''
        }}
      />
      <span className={styles.hint}>
        JSON 文件，可直接拖到页面上；<Link href="/run-locally">在自己的电脑上运行原文的程序</Link>
      </span>
      {outcome?.kind === 'done' ? (
        <p className={styles.result} role="status" data-testid="import-result">
          {outcome.message}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p className={`${knobs.error} ${styles.error}`} role="alert" data-testid="import-error">
          {outcome.message}
        </p>
      ) : null}
      {dragging ? (
        <div className={styles.dropOverlay} aria-hidden="true">
          松开鼠标，导入这个运行记录文件
        </div>
      ) : null}
    </div>
  )
}
