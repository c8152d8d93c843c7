// A program's output, capped: a `print` in a loop of a million lines must not flood the page (or
// the messages to it). What passes the cap is kept; what is cut is counted, so the page can say so.

export type OutputStream = 'stdout' | 'stderr'

export interface OutputChunk {
  stream: OutputStream
  text: string
}

export interface OutputLimits {
  maxLines: number
  maxChars: number
}

export const defaultOutputLimits: OutputLimits = { maxLines: 2_000, maxChars: 200_000 }

export class CappedOutput {
  readonly chunks: OutputChunk[] = []
  lines = 0
  chars = 0
  droppedLines = 0

  constructor(readonly limits: OutputLimits = defaultOutputLimits) {}

  get full(): boolean {
    return this.lines >= this.limits.maxLines || this.chars >= this.limits.maxChars
  }

  /**
   * Adds whole lines (each ending in "\n", the last may not); returns what was kept. A line that
   * would pass maxChars is cut there, so one enormous line cannot pass the cap either.
   */
  push(stream: OutputStream, text: string, alreadyDropped = 0): string {
    this.droppedLines += alreadyDropped
    let kept = ''
    for (const line of splitLines(text)) {
      if (this.full) {
        this.droppedLines++
        continue
      }
      const room = this.limits.maxChars - this.chars
      const piece = line.length > room ? `${line.slice(0, room)}…\n` : line
      kept += piece
      this.chars += piece.length
      this.lines++
    }
    if (kept) {
      const last = this.chunks.at(-1)
      if (last?.stream === stream) last.text += kept
      else this.chunks.push({ stream, text: kept })
    }
    return kept
  }

  /** The output as one string, with a Chinese note where lines were cut. */
  text(): string {
    const all = this.chunks.map((chunk) => chunk.text).join('')
    return this.droppedLines > 0 ? `${all}\n…（输出太多，后面的 ${this.droppedLines} 行没有显示）\n` : all
  }
}

function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g)
  return lines ?? []
}
