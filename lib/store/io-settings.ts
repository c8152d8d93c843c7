// zod/mini, as in run-history.ts and url-state.ts: the lab and every demo carry these schemas, and
// the classic API (more code, every method bound to each schema instance) made the lab's chunk
// 116 KB instead of 68 KB. Built on first use: a demo checks its knobs only once they are edited.
import * as z from 'zod/mini'
import { onFirstUse } from '@/lib/schema/on-first-use'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

/** The I/O demo's knobs, with the ranges the UI, the URL and stored settings all obey. */
export const ioSettingsLimits = {
  sites: { min: 1, max: 500, default: 160 },
  latencyMs: { min: 0, max: 5000, default: 100 },
  jitterMs: { min: 0, max: 2000, default: 0 },
  poolSize: { min: 1, max: 64, default: 5 },
  /** 0 means "as many as the browser reports cores". */
  workers: { min: 0, max: 32, default: 0 },
  hosts: { min: 1, max: 8, default: 1 },
} as const

type LimitKey = keyof typeof ioSettingsLimits

const fieldNames: Record<LimitKey, string> = {
  sites: '网站数量',
  latencyMs: '延迟（毫秒）',
  jitterMs: '抖动（毫秒）',
  poolSize: '池大小',
  workers: 'Worker 数量',
  hosts: '主机名数量',
}

function boundedInteger(key: LimitKey) {
  const { min, max } = ioSettingsLimits[key]
  const message = integerRangeMessage(fieldNames[key], min, max)
  return z.int({ error: message }).check(z.gte(min, { error: message }), z.lte(max, { error: message }))
}

const seedMessage = '种子只能包含字母、数字和 _ . : -，最多 32 个字符'

function buildIoSettingsSchema() {
  return z.object({
    sites: boundedInteger('sites'),
    latencyMs: boundedInteger('latencyMs'),
    jitterMs: boundedInteger('jitterMs'),
    poolSize: boundedInteger('poolSize'),
    workers: boundedInteger('workers'),
    hosts: boundedInteger('hosts'),
    seed: z.string({ error: seedMessage }).check(z.regex(/^[A-Za-z0-9_.:-]{0,32}$/, { error: seedMessage })),
  })
}

export const ioSettingsSchema = onFirstUse(buildIoSettingsSchema)

export type IoSettings = z.infer<ReturnType<typeof buildIoSettingsSchema>>

export const defaultIoSettings: IoSettings = {
  sites: ioSettingsLimits.sites.default,
  latencyMs: ioSettingsLimits.latencyMs.default,
  jitterMs: ioSettingsLimits.jitterMs.default,
  poolSize: ioSettingsLimits.poolSize.default,
  workers: ioSettingsLimits.workers.default,
  hosts: ioSettingsLimits.hosts.default,
  seed: '',
}

/** Checks one knob; returns the Chinese message the UI shows next to it, or null. */
export function validateIoSetting<K extends keyof IoSettings>(key: K, value: unknown): string | null {
  const result = ioSettingsSchema().shape[key].safeParse(value)
  return result.success ? null : (result.error.issues[0]?.message ?? '取值无效')
}
