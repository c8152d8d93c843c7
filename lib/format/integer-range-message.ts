// The one sentence every refused number gets: what it is, the range it must lie in, and optionally
// a note on the range and the value that was refused.

interface IntegerRangeMessageOptions {
  /** Said right after the range, e.g. "（毫秒）" or "（0 表示按核心数）". */
  note?: string
  /** The value that was refused, when showing it helps. */
  received?: unknown
}

/** A range reaching 64000000 reads "1,000 到 64,000,000" at a glance; "0 到 10000" stays as typed into a URL or a field. */
function formatBounds(min: number, max: number): [string, string] {
  const grouped = Math.max(Math.abs(min), Math.abs(max)) >= 100_000
  return grouped ? [min.toLocaleString('en-US'), max.toLocaleString('en-US')] : [String(min), String(max)]
}

/** "工作量基数必须是 1,000 到 64,000,000 之间的整数"; an ASCII name gets a space before 必须 ("参数 ms 必须是…"). */
export function integerRangeMessage(what: string, min: number, max: number, options: IntegerRangeMessageOptions = {}): string {
  const subject = /[A-Za-z0-9)]$/.test(what) ? `${what} ` : what
  const received = options.received === undefined ? '' : `，收到的是 ${String(options.received)}`
  const [low, high] = formatBounds(min, max)
  return `${subject}必须是 ${low} 到 ${high} 之间的整数${options.note ?? ''}${received}`
}
