// multiprocessing.Pool for the browser's Python: N interpreters, each in its own worker, each
// loading its own CPython (multiprocessing's own model, start-up cost included). A pool started
// once stays up for the next run of the same runner, as a warm process pool would; the run says
// whether it paid for starting them.
import type { PythonInterpreter } from './interpreter'
import type { RunSettings, WorkerToPage } from './protocol'

export interface PoolStart {
  /** How many interpreters had to be started for this pool (0: all were warm). */
  started: number
  /** ms from the request to the last interpreter being ready, program imported. */
  startupMs: number
}

export class InterpreterPool {
  private readonly children: PythonInterpreter[] = []
  private active: PythonInterpreter[] = []
  private nextCall = 0

  constructor(private readonly createChild: (index: number) => PythonInterpreter) {}

  /** Interpreters that are running, warm or busy. */
  get size(): number {
    return this.children.filter((child) => child.isAlive).length
  }

  /**
   * Makes `processes` interpreters ready with the program imported as __mp_main__ and the
   * initializer run; `attach` sees each one's messages (spans, output) for the run.
   */
  async start(
    processes: number,
    init: { source: string; settings: RunSettings; initializer: string | null; initargs: Uint8Array },
    attach: (child: PythonInterpreter) => void,
  ): Promise<PoolStart> {
    const began = performance.now()
    let started = 0
    this.active = Array.from({ length: processes }, (_, index) => {
      const existing = this.children[index]
      if (existing?.isAlive) return existing
      started++
      const child = this.createChild(index)
      this.children[index] = child
      return child
    })
    await Promise.all(
      this.active.map(async (child) => {
        attach(child)
        await child.ready
        await this.ask(child, { type: 'child-init', ...init, initargs: init.initargs.slice() }, (message) =>
          message.type === 'child-ready' ? (message.ok ? { ok: true } : { ok: false, error: message.traceback ?? '工作进程没能导入程序' }) : null,
        )
      }),
    )
    return { started, startupMs: performance.now() - began }
  }

  /** pool.map: one item at a time to whichever interpreter is free, results in the items' order. */
  async map(fn: string, items: readonly Uint8Array[]): Promise<Uint8Array[]> {
    const results: Uint8Array[] = new Array(items.length)
    let next = 0
    await Promise.all(
      this.active.map(async (child) => {
        while (next < items.length) {
          const index = next++
          const callId = ++this.nextCall
          results[index] = await this.ask(child, { type: 'call', callId, fn, arg: items[index]!.slice() }, (message) =>
            message.type === 'call-done' && message.callId === callId
              ? message.ok && message.result
                ? { ok: true, value: message.result }
                : { ok: false, error: message.traceback ?? '工作进程出错' }
              : null,
          )
        }
      }),
    )
    return results
  }

  /** Ends every interpreter (a stopped run: one may still be busy). */
  terminate(): void {
    for (const child of this.children) child.terminate()
    this.children.length = 0
    this.active = []
  }

  private ask<T>(
    child: PythonInterpreter,
    message: Parameters<PythonInterpreter['send']>[0],
    answer: (message: WorkerToPage) => { ok: true; value?: T } | { ok: false; error: string } | null,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!child.isAlive) return reject(new Error('工作进程已经结束'))
      const previousCrash = child.onCrash
      const stop = child.listen((reply) => {
        const result = answer(reply)
        if (!result) return
        stop()
        child.onCrash = previousCrash
        if (result.ok) resolve(result.value as T)
        else reject(new Error(result.error))
      })
      child.onCrash = (crash) => {
        stop()
        reject(new Error(crash))
      }
      child.send(message)
    })
  }
}
