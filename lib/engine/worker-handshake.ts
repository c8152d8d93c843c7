// Before a worker gets work, it must say which worker it is. A worker that runs another demo's
// code (a stale offline cache once served one demo's worker for every demo) or never starts
// would otherwise leave a run "running" forever; this turns both into a clear error.
import { isWorkerHelloMessage, type WorkerKind, type WorkerLike } from './worker-protocol'

/** Long enough for a cold worker on a slow phone to fetch and start its chunks. */
export const workerHelloTimeoutMs = 10_000

const kindNames: Record<WorkerKind, string> = { io: 'I/O 下载', cpu: '计算密集型', race: '竞态条件' }

export class WorkerHandshakeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WorkerHandshakeError'
  }
}

/**
 * Resolves once `worker` answers hello as `kind`. Rejects when it answers as another kind, raises
 * an error, or stays silent for `timeoutMs`; the caller terminates it.
 */
export function awaitWorkerHello(worker: WorkerLike, kind: WorkerKind, timeoutMs = workerHelloTimeoutMs, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer)
      worker.removeEventListener?.('message', onMessage)
      worker.removeEventListener?.('error', onError)
      signal?.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve()
    }
    const onMessage = (event: { data: unknown }) => {
      if (!isWorkerHelloMessage(event.data)) return
      if (event.data.kind === kind) finish()
      else {
        const other = event.data.kind ? (kindNames[event.data.kind] ?? String(event.data.kind)) : '未知'
        finish(new WorkerHandshakeError(`Worker 加载的是另一个演示（${other}）的代码，而不是${kindNames[kind]}演示的：运行已停止。请重新加载页面再试。`))
      }
    }
    const onError = (event: { message?: string }) => {
      finish(
        new WorkerHandshakeError(`Worker 没能启动${event.message ? `：${event.message}` : '（脚本加载或执行失败）'}。运行已停止；联网后重新加载页面再试。`),
      )
    }
    const onAbort = () => finish(signal?.reason instanceof Error ? signal.reason : new Error('已取消'))
    const timer = setTimeout(() => {
      finish(new WorkerHandshakeError(`Worker 在 ${timeoutMs / 1000} 秒内没有应答（脚本可能没有加载）：运行已停止。请重新加载页面再试。`))
    }, timeoutMs)
    worker.addEventListener('message', onMessage)
    worker.addEventListener('error', onError)
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.postMessage({ type: 'hello' })
  })
}
