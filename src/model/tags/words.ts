// Where the words of a text are, as the scanner (tags/mentions.ts) reads them: runs of letters and
// digits joined by `.`, `'`, `’`, `&` or `-`, with a dot that ends one kept (`Mr.`, `U.S.`). The
// same spans as /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?/gu finds, given as positions, so that
// the many words that only separate names cost no match array and no string: at 10,000 stories
// the scanner reads six million words.

export interface WordScanner {
  /** Where the first word at or after `from` starts, or -1 when there is none. */
  start(text: string, from: number): number
  /** Where the word that starts at `start` ends. */
  end(text: string, start: number): number
}

const UNICODE_START = /[\p{L}\p{N}]/gu
const UNICODE_WORD = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?/uy
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
}

/** `.`, `'`, `&` and `-`: `’` is not ASCII. */
function isAsciiJoiner(code: number): boolean {
  return code === 46 || code === 39 || code === 38 || code === 45
}

/** In ASCII text, the common case, a loop over character codes. */
export const ASCII_WORDS: WordScanner = {
  start(text, from) {
    for (let i = from; i < text.length; i++) if (isAsciiLetterOrDigit(text.charCodeAt(i))) return i
    return -1
  },
  end(text, start) {
    // Bounds checked first: past the end charCodeAt gives NaN, and the loop is slower for having seen one.
    const length = text.length
    let i = start
    while (i < length && isAsciiLetterOrDigit(text.charCodeAt(i))) i++
    // Greedy, and never backtracks: a joiner counts only with a letter or digit after it.
    while (i + 1 < length && isAsciiJoiner(text.charCodeAt(i)) && isAsciiLetterOrDigit(text.charCodeAt(i + 1))) {
      i += 2
      while (i < length && isAsciiLetterOrDigit(text.charCodeAt(i))) i++
    }
    return i < length && text.charCodeAt(i) === 46 ? i + 1 : i
  }
}

export const UNICODE_WORDS: WordScanner = {
  start(text, from) {
    UNICODE_START.lastIndex = from
    return UNICODE_START.exec(text)?.index ?? -1
  },
  end(text, start) {
    UNICODE_WORD.lastIndex = start
    UNICODE_WORD.exec(text)
    return UNICODE_WORD.lastIndex
  }
}

export function wordScanner(text: string): WordScanner {
  return ASCII.test(text) ? ASCII_WORDS : UNICODE_WORDS
}
