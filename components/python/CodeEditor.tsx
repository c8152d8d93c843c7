'use client'

import { useEffect, useRef, useState } from 'react'
import type { EditorView } from 'codemirror'
import styles from './CodeEditor.module.css'

interface CodeEditorProps {
  value: string
  label: string
  onChange: (value: string) => void
}

/**
 * CodeMirror 6 with Python highlighting, fetched only when the reader asks to edit. If its script
 * cannot be fetched (offline before it was ever loaded), a plain text area edits the same text.
 */
export function CodeEditor({ value, label, onChange }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const latest = useRef({ value, onChange })
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    latest.current = { value, onChange }
  })

  useEffect(() => {
    let cancelled = false
    Promise.all([import('codemirror'), import('@codemirror/lang-python')])
      .then(([{ EditorView, basicSetup }, { python }]) => {
        if (cancelled || !host.current) return
        view.current = new EditorView({
          doc: latest.current.value,
          parent: host.current,
          extensions: [
            basicSetup,
            python(),
            EditorView.contentAttributes.of({ 'aria-label': label }),
            EditorView.updateListener.of((update) => {
              if (update.docChanged) latest.current.onChange(update.state.doc.toString())
            }),
          ],
        })
        view.current.focus()
      })
      .catch(() => setFailed(true))
    return () => {
      cancelled = true
      view.current?.destroy()
      view.current = null
    }
  }, [label])

  // A knob or 恢复原文 changed the text from outside the editor.
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
  }, [value])

  if (failed) {
    return <textarea className={styles.fallback} aria-label={label} value={value} spellCheck={false} onChange={(event) => onChange(event.target.value)} />
  }
  return <div ref={host} className={styles.editor} data-testid="python-editor" />
}
