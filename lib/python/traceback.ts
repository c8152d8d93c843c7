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
