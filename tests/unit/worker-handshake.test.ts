// A worker must say which worker it is before it gets work: one running another demo's code, or
// none at all, ends the run with a Chinese error instead of leaving it "running" forever.
import { describe, expect, it } from 'vitest'
import { runStrategy } from '@/lib/engine/run-strategy'
import { awaitWorkerHello } from '@/lib/engine/worker-handshake'
import { answerHello, isWorkerJobMessage, type WorkerKind, type WorkerLike } from '@/lib/engine/worker-protocol'

/** A fake worker that answers hello as `kind` (or stays silent) and each job after `jobMs`. */
function fakeWorker(kind: WorkerKind | null, jobMs = 5) {
  const listeners: Array<(event: { data: unknown }) => void> = []
  const received: unknown[] = []
  let terminated = false
  const answer = (data: unknown) => setTimeout(() => !terminated && listeners.forEach((listener) => listener({ data })), 1)
  const worker: WorkerLike & { received: unknown[]; terminated: () => boolean } = {
    received,
    terminated: () => terminated,
    postMessage(message) {
      received.push(message)
      if ((message as { type?: string }).type === 'hello') {
        if (kind) answer({ type: 'hello', kind })
      } else if (isWorkerJobMessage(message)) {
        setTimeout(() => answer({ type: 'done', job: message.job, ok: true, detail: 'ok' }), jobMs)
      }
    },
    terminate: () => {
      terminated = true
    },
    addEventListener(type: string, listener: (event: never) => void) {
      if (type === 'message') listeners.push(listener as (event: { data: unknown }) => void)
    },
    removeEventListener(type: string, listener: (event: never) => void) {
      const index = listeners.indexOf(listener as (event: { data: unknown }) => void)
      if (type === 'message' && index >= 0) listeners.splice(index, 1)
    },
  }
  return worker
}

function runWorkers(kind: WorkerKind | null, timeoutMs = 100) {
  const created: Array<ReturnType<typeof fakeWorker>> = []
  const run = runStrategy({
    strategy: 'workers',
    workload: 'cpu',
    params: { base: 1000, jobs: 4, workerCount: 2 },
    jobs: 4,
    environment: () => ({ protocol: null, cores: 2, crossOriginIsolated: false, browser: 'test' }),
    workers: {
      createWorker: () => {
        const worker = fakeWorker(kind)
        created.push(worker)
        return worker
      },
      jobMessage: (job) => ({ type: 'job', job }),
      size: 2,
      handshake: { kind: 'cpu', timeoutMs },
    },
  })
  return { run, created }
}

describe('awaitWorkerHello', () => {
  it('resolves when the worker answers as the expected kind', async () => {
    await expect(awaitWorkerHello(fakeWorker('io'), 'io', 100)).resolves.toBeUndefined()
  })

  it('rejects in Chinese, naming both demos, when another kind answers', async () => {
    await expect(awaitWorkerHello(fakeWorker('race'), 'cpu', 100)).rejects.toThrow(
      'Worker 加载的是另一个演示（竞态条件）的代码，而不是计算密集型演示的：运行已停止。请重新加载页面再试。',
    )
  })

  it('rejects after the timeout when the worker never answers', async () => {
    const started = performance.now()
    await expect(awaitWorkerHello(fakeWorker(null), 'cpu', 60)).rejects.toThrow('Worker 在 0.06 秒内没有应答')
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('rejects with the abort reason when the run is stopped while waiting', async () => {
    const stop = new AbortController()
    const waiting = awaitWorkerHello(fakeWorker(null), 'cpu', 10_000, stop.signal)
    stop.abort(new Error('已停止'))
    await expect(waiting).rejects.toThrow('已停止')
  })

  it('the worker side answers hello with its kind, and nothing else', () => {
    const posted: unknown[] = []
    let onMessage: ((event: MessageEvent<unknown>) => void) | undefined
    answerHello({ postMessage: (message) => posted.push(message), addEventListener: (_type, listener) => (onMessage = listener) }, 'race')
    onMessage?.({ data: { type: 'job', job: 1 } } as MessageEvent<unknown>)
    onMessage?.({ data: { type: 'hello' } } as MessageEvent<unknown>)
    expect(posted).toEqual([{ type: 'hello', kind: 'race' }])
  })
})

describe('the workers strategy with a handshake', () => {
  it('runs every job once each worker has said hello', async () => {
    const { run, created } = runWorkers('cpu')
    const finished = await run
    expect(finished.status).toBe('done')
    expect(finished.spans).toHaveLength(4)
    for (const worker of created) expect(worker.received[0]).toEqual({ type: 'hello' })
  })

  it("ends with an error, posting no job, when the workers run another demo's code", async () => {
    const { run, created } = runWorkers('race')
    const finished = await run
    expect(finished.status).toBe('error')
    expect(finished.error).toContain('另一个演示（竞态条件）')
    expect(created.flatMap((worker) => worker.received).some(isWorkerJobMessage)).toBe(false)
    expect(created.every((worker) => worker.terminated())).toBe(true)
  })

  it('ends with an error after the timeout when a worker never answers', async () => {
    const started = performance.now()
    const { run, created } = runWorkers(null, 80)
    const finished = await run
    expect(finished.status).toBe('error')
    expect(finished.error).toContain('0.08 秒内没有应答')
    expect(performance.now() - started).toBeLessThan(2000)
    expect(created.every((worker) => worker.terminated())).toBe(true)
  })
})
