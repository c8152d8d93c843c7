export {
  handleLatencyRequest,
  planLatencyRequest,
  type LatencyRequestPlan,
  latencyPreflightResponse,
  latencyMethodNotAllowedResponse,
  latencyAllowedMethods,
  latencyAnswerHeaders,
  latencyErrorResponse,
  planLatency,
  planFromQuery,
  clientClosedStatus,
  type LatencyResponse,
  type LatencyPlan,
} from './handler'
export { parseLatencyQuery, latencyParamNames, latencyParamMessages, type LatencyQuery, type LatencyQueryError } from './query'
export { siteProfiles, siteProfileNames, defaultLatencySettings, latencyLimits, type SiteProfile, type SiteProfileName, type LatencySettings } from './profiles'
export { fnv1a32, mulberry32, randomFromSeed } from './seeded-random'
