// Bylines: `HYUNG-JIN KIM and KIM TONG-HYUNG`, `A, B and C`, `By A`.
// Only lines in the header block are offered here, but a short first sentence can sit there too, so
// a byline must look like names: short, capitalised words, no sentence punctuation at the end.
import {collapse} from './whitespace.ts'

export interface Byline {
  byline: string
  authors: string[]
}

const MAX_LENGTH = 100
const MAX_WORDS_PER_NAME = 8
const MAX_NAMES = 8
// Lower-case words that belong inside names (`Ursula von der Leyen`, `Ana de la Cruz`).
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'ten', 'bin', 'bint', 'al', 'el', 'y', 'e'])
// A name word: a capital (or digit-free letter run after `O'`, `Mc`), letters, hyphens, apostrophes, dots.
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u
const SEPARATOR = /\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/iu

export function readByline(line: string): Byline | null {
  const byline = collapse(line)
  if (byline === '' || byline.length > MAX_LENGTH || /^by$/i.test(byline)) return null
  const names = byline.replace(/^by\s+/i, '').split(SEPARATOR)
  if (names.length > MAX_NAMES || !names.every(isName)) return null
  if (!endsLikeName(byline)) return null
  return {byline, authors: names.map(displayName)}
}

function isName(name: string): boolean {
  const words = name.split(' ')
  if (name === '' || words.length > MAX_WORDS_PER_NAME) return false
  if (!NAME_WORD.test(words[0] ?? '')) return false
  return words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word))
}

/** A trailing `.` is only allowed after an initial or a suffix (`John Q.`, `Jr.`), not a sentence. */
function endsLikeName(byline: string): boolean {
  if (!byline.endsWith('.')) return !/[-—–:;!?,'’"”)]$/.test(byline)
  const last = byline.slice(byline.lastIndexOf(' ') + 1)
  return /^(?:\p{Lu}\.)+$/u.test(last) || /^(?:Jr|Sr)\.$/.test(last)
}

/** ALL-CAPS names become title case per word and per hyphen part; mixed case is the author's own. */
export function displayName(name: string): string {
  if (name !== name.toUpperCase() || name === name.toLowerCase()) return name
  return name.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}
