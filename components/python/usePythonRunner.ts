'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { useLiveRun } from '@/components/demos/useLiveRun'
import { createPythonWorker } from '@/lib/python/create-python-worker'
import { PythonInterpreter, type LoadProgress } from '@/lib/python/interpreter'
import { InterpreterPool, type PoolStart } from '@/lib/python/interpreter-pool'
import { CappedOutput } from '@/lib/python/output-cap'
import type { PythonProgram } from '@/lib/python/programs/program'
import { expectedJobs, pythonRunParams } from '@/lib/python/python-demo'
import { runPythonProgram, type PythonRunResult } from '@/lib/python/run-program'
import { runHistoryStore } from '@/lib/store/run-history'

export interface ProgramOutputState {
  text: string
  droppedLines: number
}

const newInterpreter = (onProgress?: (progress: LoadProgress) => void, childIndex?: number) =>
  new PythonInterpreter({ createWorker: createPythonWorker, onProgress, ...(childIndex !== undefined ? { childIndex } : {}) })

/**
 * One runner's interpreter (started on the first run, kept for the next), its pool for
 * multiprocessing programs, the run in progress and its output. Leaving the page ends them all.
 */
export function usePythonRunner(program: PythonProgram) {
  const live = useLiveRun(program.workload === 'cpu' ? 250 : 100)
  const interpreter = useRef<PythonInterpreter | null>(null)
  const pool = useRef<InterpreterPool | null>(null)
  const loadController = useRef<AbortController | null>(null)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<LoadProgress | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [output, setOutput] = useState<ProgramOutputState>({ text: '', droppedLines: 0 })
  const [result, setResult] = useState<PythonRunResult | null>(null)
  const [poolStart, setPoolStart] = useState<PoolStart | null>(null)

  const run = useCallback(
    async (source: string) => {
      setBusy(true)
      setNotice(null)
      setResult(null)
      setPoolStart(null)
      setOutput({ text: '', droppedLines: 0 })
      const loading = new AbortController()
      loadController.current = loading
      try {
        if (!interpreter.current?.isAlive) interpreter.current = newInterpreter(setProgress)
        pool.current ??= new InterpreterPool((index) => newInterpreter(undefined, index))
        const current = interpreter.current
        await Promise.race([
          current.ready,
          new Promise((_, reject) => loading.signal.addEventListener('abort', () => reject(new Error('已停止加载 Python')), { once: true })),
        ])
        loadController.current = null
        setProgress((last) => ({ step: 'ready', loaded: last?.loaded ?? 0, total: last?.total ?? 0 }))
        const captured = new CappedOutput()
        let scheduled = false
        const show = () => {
          scheduled = false
          setOutput({ text: captured.chunks.map((chunk) => chunk.text).join(''), droppedLines: captured.droppedLines })
        }
        const controller = live.begin(program.strategy, expectedJobs(program, source))
        const cores = navigator.hardwareConcurrency || 2
        const outcome = await runPythonProgram({
          strategy: program.strategy,
          source,
          jobFunction: program.jobFunction,
          run: pythonRunParams(program, source, cores, window.location.origin),
          interpreter: current,
          pool: pool.current,
          signal: controller.signal,
          onStart: live.onStart,
          onSpan: live.onSpan,
          onPoolStart: setPoolStart,
          onOutput: (stream, text, dropped) => {
            captured.push(stream, text, dropped)
            if (!scheduled) {
              scheduled = true
              setTimeout(show, 100)
            }
          },
        })
        show()
        live.finish(outcome.run)
        setResult(outcome)
        runHistoryStore.getState().addRun(outcome.run)
      } catch (error) {
        interpreter.current?.terminate()
        interpreter.current = null
        live.finish(null)
        setNotice(error instanceof Error ? error.message : String(error))
      } finally {
        loadController.current = null
        setBusy(false)
      }
    },
    [live, program],
  )

  const stop = useCallback(() => {
    loadController.current?.abort()
    live.stop()
  }, [live])

  useEffect(
    () => () => {
      interpreter.current?.terminate()
      pool.current?.terminate()
    },
    [],
  )

  return { run, stop, busy, live: live.state, progress, notice, output, result, poolStart }
}
