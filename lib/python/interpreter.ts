// One Python interpreter in its own worker, seen from the page: started on demand, its answers
// checked, and stopped for real: an interrupt where the page is cross-origin isolated (a
// KeyboardInterrupt in the program), else, or when Python does not notice it, the worker ends.
import { defaultOutputLimits } from './output-cap'
import { parseWorkerMessage, type LoadStepId, type PageToWorker, type WorkerToPage } from './protocol'
import { pyodideBaseUrl } from './pyodide-files'

export interface LoadProgress {
  step: LoadStepId
  loaded: number
  total: number
}

export interface InterpreterOptions {
  createWorker: (name: string) => Worker
  /** Set for a pool interpreter: its index, which names its row and its process name. */
  childIndex?: number
  onProgress?: (progress: LoadProgress) => void
}

/** How long Python gets to notice an interrupt before its worker is ended. */
export const interruptGraceMs = 700

export class PythonInterpreter {
  readonly ready: Promise<{ startupMs: number; version: string }>
  private readonly worker: Worker
  private readonly interruptBuffer: Uint8Array | null
  private readonly listeners = new Set<(message: WorkerToPage) => void>()
  private alive = true
  private failure: ((error: Error) => void) | null = null

  constructor(options: InterpreterOptions) {
    const childIndex = options.childIndex ?? null
    this.worker = options.createWorker(childIndex === null ? 'python' : `python-${childIndex + 1}`)
    this.interruptBuffer = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated ? new Uint8Array(new SharedArrayBuffer(1)) : null
    this.ready = new Promise((resolve, reject) => {
      this.failure = reject
      this.listen((message) => {
        if (message.type === 'progress') options.onProgress?.(message)
        else if (message.type === 'ready') resolve({ startupMs: message.startupMs, version: message.version })
        else if (message.type === 'load-failed') reject(new Error(`Python 没能启动：${message.message}`))
      })
    })
    this.ready.catch(() => undefined)
    this.worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const message = parseWorkerMessage(event.data)
      if (message) for (const listener of [...this.listeners]) listener(message)
    })
    this.worker.addEventListener('error', (event) => {
      event.preventDefault()
      this.crash(`Python 的 Worker 出错了${event.message ? `：${event.message}` : '（可能是内存不足）'}`)
    })
    const load: PageToWorker = {
      type: 'load',
      baseUrl: pyodideBaseUrl,
      interruptBuffer: this.interruptBuffer,
      maxOutputLines: defaultOutputLimits.maxLines,
      maxOutputChars: defaultOutputLimits.maxChars,
      childIndex,
    }
    this.worker.postMessage(load)
  }

  get isAlive(): boolean {
    return this.alive
  }

  /** Whether Stop can interrupt Python itself (SharedArrayBuffer needs cross-origin isolation). */
  get canInterrupt(): boolean {
    return this.interruptBuffer !== null
  }

  listen(listener: (message: WorkerToPage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called when the worker dies: what to tell whoever waits on it. */
  onCrash: ((message: string) => void) | null = null

  send(message: PageToWorker, transfer: Transferable[] = []): void {
    if (this.alive) this.worker.postMessage(message, transfer)
  }

  /** Raises KeyboardInterrupt in the program, where the page can (returns false where it cannot). */
  interrupt(): boolean {
    if (!this.interruptBuffer || !this.alive) return false
    // 2 is SIGINT: Python raises KeyboardInterrupt at its next check.
    this.interruptBuffer[0] = 2
    return true
  }

  clearInterrupt(): void {
    if (this.interruptBuffer) this.interruptBuffer[0] = 0
  }

  terminate(): void {
    if (!this.alive) return
    this.alive = false
    this.worker.terminate()
    this.failure?.(new Error('Python 已停止'))
    this.listeners.clear()
  }

  private crash(message: string): void {
    const onCrash = this.onCrash
    this.failure?.(new Error(message))
    this.terminate()
    onCrash?.(message)
  }
}
