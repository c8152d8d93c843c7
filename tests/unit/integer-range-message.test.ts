import { describe, expect, it } from 'vitest'
import { integerRangeMessage } from '@/lib/format/integer-range-message'

describe('integerRangeMessage: the one sentence a refused number gets', () => {
  it('names the thing and the range, with a space after an ASCII name', () => {
    expect(integerRangeMessage('主机名数量', 1, 16)).toBe('主机名数量必须是 1 到 16 之间的整数')
    expect(integerRangeMessage('参数 ms', 0, 10_000, { note: '（毫秒）' })).toBe('参数 ms 必须是 0 到 10000 之间的整数（毫秒）')
  })
  it('groups the digits of a long range, both bounds alike', () => {
    expect(integerRangeMessage('工作量基数', 1_000, 64_000_000)).toBe('工作量基数必须是 1,000 到 64,000,000 之间的整数')
  })
  it('says what it was given when asked to', () => {
    expect(integerRangeMessage('任务个数', 1, 64, { received: 0.5 })).toBe('任务个数必须是 1 到 64 之间的整数，收到的是 0.5')
  })
})
