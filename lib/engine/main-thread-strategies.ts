// The main-thread strategies: one job after another, a pool of N slots, and all jobs at once.
import { LaneAllocator } from './span-recorder'
import { defaultPoolSize, describeError, type AnyRunStrategyOptions, type JobOutcome, type JobRunner, type StrategyContext } from './strategy-options'

async function runOnMainThread(context: StrategyContext, runJob: JobRunner, job: number, lane: number): Promise<void> {
  context.recorder.begin(job, lane)
  // Each job gets its own signal, aborted with the run's: one listener on the run's signal in all,
  // instead of one per job (Node warns past 10, and 160 downloads would pile them up).
  const jobAbort = new AbortController()
  context.inFlightAborts.add(jobAbort)
  let outcome: JobOutcome
  try {
    outcome = await runJob(job, lane, jobAbort.signal)
  } catch (error) {
    // A failed download is a failed job, not a failed run.
    outcome = { ok: false, detail: describeError(error), failure: { kind: 'network', message: describeError(error).slice(0, 200) } }
  } finally {
    context.inFlightAborts.delete(jobAbort)
  }
  // After a cancel the job's own ending (usually an AbortError) is noise: the recorder cuts it.
  if (context.signal.aborted) return
  context.recorder.finish(job, outcome)
}

function requireRunJob(options: AnyRunStrategyOptions): JobRunner {
  if (!options.runJob) throw new Error(`策略 ${options.strategy} 需要 runJob（主线程上的任务执行函数）`)
  return options.runJob
}

export async function runSequential(context: StrategyContext, yieldBetweenJobs: (() => Promise<void>) | null): Promise<void> {
  const runJob = requireRunJob(context.options)
  for (let job = 0; job < context.jobs; job++) {
    if (job > 0 && yieldBetweenJobs) await yieldBetweenJobs()
    if (context.signal.aborted) return
    await runOnMainThread(context, runJob, job, 0)
  }
}

export async function runPool(context: StrategyContext): Promise<void> {
  const runJob = requireRunJob(context.options)
  const slots = Math.max(1, Math.min(context.options.poolSize ?? defaultPoolSize, context.jobs))
  let nextJob = 0
  const slot = async (lane: number) => {
    while (nextJob < context.jobs && !context.signal.aborted) {
      const job = nextJob++
      await runOnMainThread(context, runJob, job, lane)
    }
  }
  await Promise.all(Array.from({ length: slots }, (_, lane) => slot(lane)))
}

export async function runAllAtOnce(context: StrategyContext): Promise<void> {
  const runJob = requireRunJob(context.options)
  const lanes = new LaneAllocator()
  const one = async (job: number) => {
    const lane = lanes.acquire()
    await runOnMainThread(context, runJob, job, lane)
    lanes.release(lane)
  }
  await Promise.all(Array.from({ length: context.jobs }, (_, job) => one(job)))
}
