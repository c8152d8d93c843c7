// Validation of the /api/latency query string. Every rejection names the field and says, in
// Chinese, what is allowed; nothing here throws.
import { z } from 'zod'
import { defaultLatencySettings, latencyLimits, siteProfileNames, siteProfiles, type LatencySettings, type SiteProfileName } from './profiles'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

export interface LatencyQuery extends LatencySettings {
  /** Makes jitter and failures reproducible; null means random. */
  seed: string | null
  site: SiteProfileName | null
}

export interface LatencyQueryError {
  field: string
  message: string
}

export type LatencyQueryResult = { ok: true; query: LatencyQuery } | { ok: false; error: LatencyQueryError }

export const latencyParamNames = ['ms', 'jitter', 'size', 'seed', 'fail', 'site'] as const

type LatencyParamName = (typeof latencyParamNames)[number]

export const latencyParamMessages: Readonly<Record<LatencyParamName, string>> = {
  ms: integerRangeMessage('参数 ms', 0, latencyLimits.maxMs, { note: '（毫秒）' }),
  jitter: integerRangeMessage('参数 jitter', 0, latencyLimits.maxJitter, { note: '（毫秒）' }),
  size: integerRangeMessage('参数 size', 0, latencyLimits.maxSize, { note: '（字节）' }),
  seed: `参数 seed 必须是 1 到 ${latencyLimits.maxSeedLength} 个字符，只能包含字母、数字和 _ . : -`,
  fail: '参数 fail 必须是 0 到 1 之间的数（出错的概率，例如 0.1）',
  site: `参数 site 必须是 ${siteProfileNames.join(' 或 ')}`,
}

// Digits only: no sign, exponent, hex or whitespace, which Number() would quietly accept.
// The length bound keeps Number() exact; longer digit strings are out of range anyway.
const integerPattern = /^\d{1,16}$/
const fractionPattern = /^(?:\d{1,16}(?:\.\d{0,16})?|\.\d{1,16})$/
const seedPattern = new RegExp(`^[A-Za-z0-9_.:-]{1,${latencyLimits.maxSeedLength}}$`)

function integerParam(max: number, message: string) {
  return z
    .string()
    .regex(integerPattern, { error: message })
    .transform(Number)
    .refine((value) => value <= max, { error: message })
}

const queryShape = z.strictObject({
  ms: integerParam(latencyLimits.maxMs, latencyParamMessages.ms).optional(),
  jitter: integerParam(latencyLimits.maxJitter, latencyParamMessages.jitter).optional(),
  size: integerParam(latencyLimits.maxSize, latencyParamMessages.size).optional(),
  seed: z.string().regex(seedPattern, { error: latencyParamMessages.seed }).optional(),
  fail: z
    .string()
    .regex(fractionPattern, { error: latencyParamMessages.fail })
    .transform(Number)
    .refine((value) => value >= 0 && value <= 1, { error: latencyParamMessages.fail })
    .optional(),
  site: z.enum(siteProfileNames, { error: latencyParamMessages.site }).optional(),
})

const knownNames: ReadonlySet<string> = new Set(latencyParamNames)

/** Hostile keys can be megabytes long; echo back only a readable prefix. */
function shortenForEcho(text: string): string {
  const limit = 64
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

export function parseLatencyQuery(searchParams: URLSearchParams): LatencyQueryResult {
  const raw: Record<string, string> = {}
  for (const [name, value] of searchParams) {
    if (!knownNames.has(name)) {
      const field = shortenForEcho(name)
      return {
        ok: false,
        error: { field, message: `未知参数 “${field}”：只接受 ${latencyParamNames.join('、')}` },
      }
    }
    if (Object.hasOwn(raw, name)) {
      return { ok: false, error: { field: name, message: `参数 ${name} 只能出现一次` } }
    }
    raw[name] = value
  }

  const parsed = queryShape.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const pathHead = issue?.path[0]
    const field = typeof pathHead === 'string' ? pathHead : 'query'
    return { ok: false, error: { field, message: issue?.message ?? '查询参数无效' } }
  }

  const given = parsed.data
  const site = given.site ?? null
  const base = site ? siteProfiles[site] : defaultLatencySettings
  return {
    ok: true,
    query: {
      ms: given.ms ?? base.ms,
      jitter: given.jitter ?? base.jitter,
      size: given.size ?? base.size,
      fail: given.fail ?? base.fail,
      seed: given.seed ?? null,
      site,
    },
  }
}
