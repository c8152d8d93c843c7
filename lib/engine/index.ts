export type * from './types'
export { runStrategy } from './run-strategy'
export {
  defaultPoolSize,
  type AnyRunStrategyOptions,
  type JobOutcome,
  type JobRunner,
  type RunStrategyOptions,
  type WorkerPoolOptions,
} from './strategy-options'
export { frameWaitLimitMs, yieldForFrame, yieldToEventLoop } from './yield'
export { isWorkerDoneMessage } from './worker-done-message'
export {
  isWorkerJobMessage,
  isWorkerAbortMessage,
  type WorkerLike,
  type WorkerJobMessage,
  type WorkerAbortMessage,
  type WorkerDoneMessage,
} from './worker-protocol'
export { collectEnvironment, browserName, type CollectEnvironmentOptions } from './environment'
export {
  predictIoTotal,
  predictIoTotalFor,
  connectionCapFor,
  effectiveConcurrency,
  http1ConnectionsPerHost,
  type IoPredictionInput,
  type ConcurrencyInput,
  type StrategyPredictionInput,
} from './model'
