'use client'

import type { ProgramOutputState } from './usePythonRunner'
import styles from './ProgramOutput.module.css'

/** What the program printed (stdout and stderr, capped), and its traceback if it raised. */
export function ProgramOutput({ output, traceback }: { output: ProgramOutputState; traceback?: string }) {
  if (!output.text && !traceback) return null
  return (
    <figure className={styles.output}>
      <figcaption>程序的输出{traceback ? '（最后是 Python 的错误回溯）' : ''}</figcaption>
      <pre data-testid="python-output" tabIndex={0}>
        {output.text}
        {output.droppedLines > 0 ? `…（输出太多：后面的 ${output.droppedLines} 行没有显示）\n` : ''}
      </pre>
      {traceback ? (
        <pre className={styles.traceback} data-testid="python-traceback">
          {traceback}
        </pre>
      ) : null}
    </figure>
  )
}
