import { describe, expect, it } from 'vitest'
import { summarizeFailures } from '@/lib/engine/failure-summary'
import type { Span } from '@/lib/engine/types'

const span = (job: number, extra: Partial<Span> = {}): Span => ({ job, lane: 0, start: 0, end: 1, ok: true, detail: '200', ...extra })

describe('summarizeFailures', () => {
  it('is null when every job succeeded', () => {
    expect(summarizeFailures([span(0), span(1)])).toBeNull()
  })

  it("says how many failed and why, most common reason first, with the server's words", () => {
    const injected = { kind: 'http', status: 503, message: '模拟的服务器故障：按 fail=0.5 的概率，这次请求失败了（503）' } as const
    const spans = [
      span(0),
      span(1, { ok: false, failure: { kind: 'network', message: 'Failed to fetch' } }),
      span(2, { ok: false, failure: injected }),
      span(3, { ok: false, failure: injected }),
      span(4, { ok: false }),
    ]
    expect(summarizeFailures(spans)).toBe(
      '4 个失败：2 个服务器返回 503（模拟的服务器故障：按 fail=0.5 的概率，这次请求失败了（503））；1 个网络错误（请求没有得到应答）（Failed to fetch）；1 个原因未记录',
    )
  })

  it('names jobs cut off by a stop as such', () => {
    expect(summarizeFailures([span(0, { ok: false, failure: { kind: 'cancelled' } })])).toBe('1 个失败：1 个运行停止时还没完成')
  })
})
