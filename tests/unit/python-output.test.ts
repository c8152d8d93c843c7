import { describe, expect, it } from 'vitest'
import { CappedOutput } from '@/lib/python/output-cap'
import { cleanTraceback, tracebackHint } from '@/lib/python/traceback'

describe('CappedOutput', () => {
  it('keeps lines up to the cap and counts the rest, as a million-line print loop would produce', () => {
    const output = new CappedOutput({ maxLines: 3, maxChars: 1_000 })
    for (let line = 0; line < 1_000_000; line++) output.push('stdout', `${line}\n`)
    expect(output.text()).toBe('0\n1\n2\n\n…（输出太多，后面的 999997 行没有显示）\n')
    expect(output.droppedLines).toBe(999_997)
  })

  it('cuts one enormous line at the character cap and keeps streams apart', () => {
    const output = new CappedOutput({ maxLines: 100, maxChars: 10 })
    expect(output.push('stderr', 'warn\n')).toBe('warn\n')
    expect(output.push('stdout', `${'x'.repeat(50)}\n`)).toBe('xxxxx…\n')
    expect(output.chunks.map((chunk) => chunk.stream)).toEqual(['stderr', 'stdout'])
    expect(output.push('stdout', 'more\n')).toBe('')
    expect(output.droppedLines).toBe(1)
  })

  it('adds lines another worker already dropped to the count', () => {
    const output = new CappedOutput({ maxLines: 10, maxChars: 100 })
    output.push('stdout', 'a\n', 500)
    expect(output.droppedLines).toBe(500)
  })
})

describe('cleanTraceback', () => {
  it('drops Pyodide’s own runner frames and keeps the program’s', () => {
    const message = [
      'Traceback (most recent call last):',
      '  File "/lib/python314.zip/_pyodide/_base.py", line 539, in eval_code',
      '    .run(globals, locals)',
      '     ~~~^^^^^^^^^^^^^^^^^',
      '  File "main.py", line 2, in <module>',
      '    1 / 0',
      'ZeroDivisionError: division by zero',
    ].join('\n')
    expect(cleanTraceback(message)).toBe(
      ['Traceback (most recent call last):', '  File "main.py", line 2, in <module>', '    1 / 0', 'ZeroDivisionError: division by zero'].join('\n'),
    )
  })
})

describe('tracebackHint', () => {
  it('explains the 32-bit limits behind a MemoryError and an index-sized OverflowError, and nothing else', () => {
    expect(tracebackHint('Traceback (most recent call last):\n  File "main.py", line 1, in <module>\nMemoryError\n')).toContain('4 GB')
    expect(tracebackHint("Traceback:\nOverflowError: cannot fit 'int' into an index-sized integer")).toContain('32 位')
    expect(tracebackHint('Traceback:\nOverflowError: math range error')).toBeNull()
    expect(tracebackHint('Traceback:\nValueError: MemoryError is not this')).toBeNull()
    expect(tracebackHint(undefined)).toBeNull()
  })
})
