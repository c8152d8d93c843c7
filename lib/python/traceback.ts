// A Python error as Pyodide reports it starts with frames of Pyodide's own runner
// (/lib/python314.zip/_pyodide/...); the reader's traceback is what follows them.

export function cleanTraceback(message: string): string {
  const lines = message.split('\n')
  const kept: string[] = []
  let skipping = false
  for (const line of lines) {
    if (/^ {2}File "\/lib\/python[^"]*\/_pyodide\//.test(line)) {
      skipping = true
      continue
    }
    // A skipped frame's source lines and carets are indented further than its File line.
    if (skipping && /^ {4}/.test(line)) continue
    skipping = false
    kept.push(line)
  }
  return kept.join('\n')
}

/**
 * A Chinese line beside the tracebacks a desktop Python would not give: this CPython is a 32-bit
 * WebAssembly program, so one object has at most 2^31 - 1 items and the whole interpreter 4 GB.
 */
export function tracebackHint(traceback: string | undefined): string | null {
  const last = traceback?.trim().split('\n').at(-1) ?? ''
  if (/^MemoryError\b/.test(last)) {
    return '内存不够：浏览器里的 Python 是 32 位的 WebAssembly 程序，整个解释器最多只有 4 GB 内存（浏览器给的可能更少），要的内存超过了它能拿到的。'
  }
  if (last.startsWith("OverflowError: cannot fit 'int' into an index-sized integer")) {
    return '要的太多了：浏览器里的 Python 是 32 位的，一个列表或字节串最多约 21 亿（2³¹ − 1）个元素，这个大小根本放不下。'
  }
  return null
}
