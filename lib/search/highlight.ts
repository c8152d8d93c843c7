import { isLatinTerm, tokenizeForSearch } from './tokenize'

/** A run of text, marked when it is one of the matched terms. */
export interface TextPart {
  text: string
  match: boolean
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Cuts text into runs so the matched terms can be shown marked. Adjacent matches merge, so
 * 事件 + 循环 mark 事件循环 as one run.
 */
export function splitHighlights(text: string, terms: readonly string[]): TextPart[] {
  const wanted = terms.filter((term) => term !== '').sort((a, b) => b.length - a.length)
  if (wanted.length === 0 || text === '') return text === '' ? [] : [{ text, match: false }]
  const pattern = new RegExp(wanted.map(escapeRegExp).join('|'), 'giu')
  const parts: TextPart[] = []
  const push = (piece: string, match: boolean) => {
    if (piece === '') return
    const last = parts.at(-1)
    if (last && last.match === match) last.text += piece
    else parts.push({ text: piece, match })
  }
  let cursor = 0
  for (const found of text.matchAll(pattern)) {
    push(text.slice(cursor, found.index), false)
    push(found[0], true)
    cursor = found.index + found[0].length
  }
  push(text.slice(cursor), false)
  return parts
}

/**
 * What to mark in a hit for a query. ICU splits some Chinese words into single characters
 * (线程池 → 线 + 程 + 池); marking every 态 or 池 on its own would light up 状态 and 一池 too. So
 * a single Chinese character is marked only within the leading parts of the query's Chinese runs
 * (线程, 线程池; not 程池, which is also the end of 进程池), unless the query is that one character.
 */
export function highlightTerms(query: string, matchedTerms: readonly string[]): string[] {
  const queryTerms = tokenizeForSearch(query)
  const terms = new Set(matchedTerms.filter((term) => isLatinTerm(term) || Array.from(term).length > 1 || queryTerms.length === 1))
  let run = ''
  for (const term of queryTerms) {
    if (isLatinTerm(term)) {
      run = ''
      continue
    }
    run += term
    if (run !== term) terms.add(run)
  }
  return [...terms]
}
