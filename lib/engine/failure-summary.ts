// Why the failed jobs of a run failed, in one Chinese sentence for the result line.
import type { Span, SpanFailure } from './types'

interface FailureGroup {
  label: string
  count: number
  /** The first message of its kind, as an example. */
  example?: string
}

function labelOf(failure: SpanFailure | undefined): string {
  if (!failure) return '原因未记录'
  switch (failure.kind) {
    case 'http':
      return `服务器返回 ${failure.status ?? '错误'}`
    case 'network':
      return '网络错误（请求没有得到应答）'
    case 'cancelled':
      return '运行停止时还没完成'
    case 'worker':
      return 'Worker 出错'
  }
}

/** "28 个失败：20 个服务器返回 503（模拟的服务器故障…），8 个网络错误…"; null when none failed. */
export function summarizeFailures(spans: readonly Span[]): string | null {
  const groups = new Map<string, FailureGroup>()
  for (const span of spans) {
    if (span.ok) continue
    const label = labelOf(span.failure)
    const group = groups.get(label) ?? { label, count: 0 }
    group.count++
    if (group.example === undefined && span.failure?.message) group.example = span.failure.message
    groups.set(label, group)
  }
  if (groups.size === 0) return null
  const total = [...groups.values()].reduce((sum, group) => sum + group.count, 0)
  const parts = [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .map((group) => `${group.count} 个${group.label}${group.example ? `（${shorten(group.example)}）` : ''}`)
  return `${total} 个失败：${parts.join('；')}`
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text
}
