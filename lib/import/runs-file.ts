// Reading a runs file (the lab's own export, or one written by the programs readers run with
// their own python3) into runs the history can hold. Everything is checked before anything is
// returned, so a bad file changes nothing; the messages are the Chinese the lab shows.
import { runModelSchemas } from '@/lib/engine/run-model'
import { strategyInfo } from '@/lib/engine/strategies'
import type { Run } from '@/lib/engine/types'
import { runsExportFormat, runsExportVersion } from '@/lib/export/spans'
import { historyLimit } from '@/lib/store/run-history'
import { describeIssue, type SchemaIssue } from './issue-text'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

export const runsFileLimits = {
  /** A 160-download run is about 40 KB; 24 of them fit many times over. */
  maxBytes: 2 * 1024 * 1024,
  maxRuns: historyLimit,
  maxSpansPerRun: 5_000,
  /** A day: no classroom run is longer, and charts need a sane time axis. */
  maxMs: 86_400_000,
} as const

/** How long each free-text field may be once imported; longer text is cut, not refused. */
const textLimits = { id: 100, detail: 200, message: 200, error: 500, browser: 120, runtimeVersion: 120, origin: 200, seed: 64 } as const

export type RunsFileResult = { ok: true; runs: Run[] } | { ok: false; error: string }

const fail = (error: string): RunsFileResult => ({ ok: false, error })

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function shorten(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}

/** What the schema cannot say: ranges the charts rely on, and a strategy of the run's workload. */
function checkRunValues(run: Run): string | null {
  const { maxMs, maxSpansPerRun } = runsFileLimits
  if (!strategyInfo[run.strategy].workloads.includes(run.workload)) return `strategy ${run.strategy} 不能用于 workload ${run.workload}`
  if (run.spans.length > maxSpansPerRun) return `有 ${run.spans.length} 个 span，最多 ${maxSpansPerRun} 个`
  if (run.totalMs < 0 || run.totalMs > maxMs) return `totalMs 必须在 0 到 ${maxMs} 之间`
  if (Number.isNaN(Date.parse(run.startedAt))) return 'startedAt 不是有效的日期时间'
  for (const [index, span] of run.spans.entries()) {
    const where = `spans[${index}]`
    if (!Number.isInteger(span.job) || span.job < 0 || span.job >= maxSpansPerRun) return integerRangeMessage(`${where}.job`, 0, maxSpansPerRun - 1)
    if (!Number.isInteger(span.lane) || span.lane < 0 || span.lane >= maxSpansPerRun) return integerRangeMessage(`${where}.lane`, 0, maxSpansPerRun - 1)
    for (const field of ['start', 'end', 'wireStart', 'wireEnd'] as const) {
      const value = span[field]
      if (value !== undefined && (value < 0 || value > maxMs)) return `${where}.${field} 必须在 0 到 ${maxMs} 毫秒之间`
    }
    if (span.end < span.start) return `${where} 的 end 早于 start`
  }
  return null
}

/** Free text cut to its limit: a file may carry megabytes in one string. */
function shortenTexts(run: Run): Run {
  const spans = run.spans.map((span) => ({
    ...span,
    detail: shorten(span.detail, textLimits.detail),
    ...(span.failure
      ? { failure: { ...span.failure, ...(span.failure.message !== undefined ? { message: shorten(span.failure.message, textLimits.message) } : {}) } }
      : {}),
  }))
  const shortened = {
    ...run,
    id: shorten(run.id, textLimits.id),
    spans,
    environment: { ...run.environment, browser: shorten(run.environment.browser, textLimits.browser) },
    ...(run.runtimeVersion !== undefined ? { runtimeVersion: shorten(run.runtimeVersion, textLimits.runtimeVersion) } : {}),
    ...(run.error !== undefined ? { error: shorten(run.error, textLimits.error) } : {}),
  }
  if (shortened.workload === 'io') {
    const { params } = shortened
    shortened.params = {
      ...params,
      seed: shorten(params.seed, textLimits.seed),
      origins: params.origins.slice(0, 8).map((origin) => shorten(origin, textLimits.origin)),
    }
  }
  return shortened
}

/** The lab's name for the i-th run of a file, with its id when it has a readable one. */
function runLabel(index: number, value: unknown): string {
  const id = (value as { id?: unknown } | null)?.id
  return typeof id === 'string' && id.length > 0 ? `第 ${index + 1} 条运行记录（id ${shorten(id, 40)}）` : `第 ${index + 1} 条运行记录`
}

/**
 * Checks a file's text and returns its runs, or the first thing wrong with it. `byteLength` is the
 * file's size as the browser reports it, checked before the text is parsed.
 */
export function parseRunsFile(text: string, byteLength: number = text.length): RunsFileResult {
  const { maxBytes, maxRuns } = runsFileLimits
  if (byteLength > maxBytes || text.length > maxBytes) return fail(`文件太大（${megabytes(Math.max(byteLength, text.length))}）：最多 ${megabytes(maxBytes)}`)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return fail('这不是 JSON 文件：请选择实验室导出的 .json 文件，或本机 Python 程序写出的运行记录')
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('文件内容不是一个 JSON 对象：应为 { "format", "version", "runs" }')
  const file = data as { format?: unknown; version?: unknown; runs?: unknown }
  if (file.format !== runsExportFormat) return fail(`这不是实验室的运行记录：format 应为 “${runsExportFormat}”`)
  const version = file.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return fail('version 必须是正整数')
  if (version > runsExportVersion) {
    return fail(`这个文件来自更新版本的实验室（版本 ${version}），本站只认得版本 ${runsExportVersion} 及以下`)
  }
  if (!Array.isArray(file.runs)) return fail('runs 必须是数组')
  if (file.runs.length === 0) return fail('文件里没有运行记录')
  if (file.runs.length > maxRuns) return fail(`一个文件最多 ${maxRuns} 条运行记录，这个文件有 ${file.runs.length} 条`)

  // Version 1 runs lack fields added since; the schema gives them the value they then had.
  const runs: Run[] = []
  for (const [index, value] of file.runs.entries()) {
    const spans = (value as { spans?: unknown } | null)?.spans
    if (Array.isArray(spans) && spans.length > runsFileLimits.maxSpansPerRun) {
      return fail(`${runLabel(index, value)}：有 ${spans.length} 个 span，最多 ${runsFileLimits.maxSpansPerRun} 个`)
    }
    const parsed = runModelSchemas().run.safeParse(value)
    if (!parsed.success) return fail(`${runLabel(index, value)}：${describeIssue(parsed.error.issues[0] as SchemaIssue | undefined)}`)
    const problem = checkRunValues(parsed.data)
    if (problem !== null) return fail(`${runLabel(index, value)}：${problem}`)
    runs.push(shortenTexts(parsed.data))
  }
  return { ok: true, runs }
}
