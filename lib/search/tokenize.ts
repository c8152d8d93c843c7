/**
 * Splits text into search terms, the same way when the index is built (Node, at build time) and
 * when a reader types a query (the browser).
 *
 * Chinese has no spaces between words, so the words come from `Intl.Segmenter` with word
 * granularity: ICU's dictionary-based word break, which is built into Node and every current
 * browser and maintained with ICU itself. It needs no dictionary shipped to the page (a
 * JavaScript segmenter such as jieba would add megabytes) and segments Latin words, numbers and
 * identifiers at the same time. ICU's dictionary does not know every technical word (it splits
 * 线程 into 线 + 程); that is harmless because the query is split the same way and the search
 * requires all of a query's terms to occur in one section.
 */

let wordSegmenter: Intl.Segmenter | undefined

/** Made on first use, so a browser without Intl.Segmenter can still load the module and say so. */
function segmenter(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  return wordSegmenter
}

/** Separators inside identifiers that ICU keeps as one word (asyncio.gather, max_workers). */
const identifierSeparator = /[._]+/

export function tokenizeForSearch(text: string): string[] {
  const terms: string[] = []
  // NFKC turns full-width letters and digits (ＧＩＬ, typed with a Chinese IME) into ASCII.
  for (const { segment, isWordLike } of segmenter().segment(text.normalize('NFKC'))) {
    if (!isWordLike) continue
    const term = segment.toLowerCase()
    terms.push(term)
    // Also index an identifier's parts, so "gather" finds asyncio.gather.
    if (identifierSeparator.test(term)) {
      for (const part of term.split(identifierSeparator)) {
        if (part !== '' && part !== term) terms.push(part)
      }
    }
  }
  return terms
}

const latinTerm = /^[a-z0-9._-]+$/

/**
 * Latin terms are matched by prefix (a reader still typing "asyn") and with small typos; Chinese
 * terms only exactly: one character off in a two-character word is a different word.
 */
export function isLatinTerm(term: string): boolean {
  return latinTerm.test(term)
}
