// Where the words of a text are, as the scanner (tags/mentions.ts) reads them: runs of letters and
// digits joined by `.`, `'`, `’`, `&` or `-`, with a dot that ends one kept (`Mr.`, `U.S.`). The
// same spans as /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?/gu finds, given as positions, so that
// the many words that only separate names cost no match array and no string: at 10,000 stories
// the scanner reads six million words.

// One character outside ASCII, read at its position: rare in English news, so a sticky regex is
// cheap enough there, and ASCII, the rest, is a comparison of character codes.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/uy

/** 0 if no letter or digit starts at `i`, else the UTF-16 units it takes (2 for a surrogate pair). */
function letterOrDigitAt(text: string, i: number): number {
  // Bounds first: past the end charCodeAt gives NaN, and a loop is slower for having seen one.
  if (i >= text.length) return 0
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0
  LETTER_OR_DIGIT.lastIndex = i
  if (!LETTER_OR_DIGIT.test(text)) return 0
  return LETTER_OR_DIGIT.lastIndex - i
}

/** `.`, `'`, `’`, `&` and `-`. */
function isJoiner(code: number): boolean {
  return code === 46 || code === 39 || code === 0x2019 || code === 38 || code === 45
}

/** Where the first word at or after `from` starts, or -1 when there is none. */
export function wordStart(text: string, from: number): number {
  // One unit at a time: the second half of a surrogate pair, read alone, is no letter.
  for (let i = from; i < text.length; i++) if (letterOrDigitAt(text, i) > 0) return i
  return -1
}

/** Where the word that starts at `start` ends. */
export function wordEnd(text: string, start: number): number {
  let i = start
  for (let width = letterOrDigitAt(text, i); width > 0; width = letterOrDigitAt(text, i)) i += width
  // Greedy, and never backtracks: a joiner counts only with a letter or digit after it.
  while (i < text.length && isJoiner(text.charCodeAt(i)) && letterOrDigitAt(text, i + 1) > 0) {
    i++
    for (let width = letterOrDigitAt(text, i); width > 0; width = letterOrDigitAt(text, i)) i += width
  }
  return i < text.length && text.charCodeAt(i) === 46 ? i + 1 : i
}
