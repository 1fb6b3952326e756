// Bylines: `HYUNG-JIN KIM and KIM TONG-HYUNG`, `A, B and C`, `By A`; with a publisher,
// `Keith Speights, The Motley Fool`, `Medora Lee, USA TODAY`; AFP's `Fiachra Gibbons with Tom
// Barfield in Paris`; a publisher alone, `Reuters Videos`. Only lines in the header block are
// offered here, but a short first sentence can sit there too, so a byline must look like names:
// short, capitalised words, no sentence punctuation at the end. Publishers and agencies, known by
// the provider profiles' names, are never people.
import {collapse} from './whitespace.ts'

export interface Byline {
  byline: string
  /** People only. */
  authors: string[]
  /** The provider profile named by the byline, or null. */
  publisher: string | null
  /** The byline names a video desk (`Reuters Videos`, `AP Video`): the story is a transcript. */
  video: boolean
}

/** Lower-cased publisher or agency name as written → its provider profile's name. */
export type PublisherNames = ReadonlyMap<string, string>
const NO_PUBLISHERS: PublisherNames = new Map()
/** `Name with Name`, AFP's byline for a writer and a contributor. */
const WITH = /^(.+?) with (.+?)$/u
/** ` in Paris` after the names (AFP, the FT): where they wrote from, not a name. */
const IN_PLACE = / in \p{Lu}[\p{L}.'’ -]{1,40}$/u
const VIDEO = /\b(?:videos?|tv)$/i

const MAX_LENGTH = 100
const MAX_WORDS_PER_NAME = 8
const MAX_NAMES = 8
// Lower-case words that belong inside names (`Ursula von der Leyen`, `Ana de la Cruz`).
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'ter', 'ten', 'bin', 'bint', 'al', 'el', 'y', 'e'])
// A name word: a capital (or digit-free letter run after `O'`, `Mc`), letters, hyphens, apostrophes, dots.
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u
const SEPARATOR = /\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+/iu

export function readByline(line: string, publishers: PublisherNames = NO_PUBLISHERS): Byline | null {
  const byline = collapse(line)
  if (byline === '' || byline.length > MAX_LENGTH || /^by$/i.test(byline)) return null
  const text = byline.replace(/^by\s+/i, '')
  const alone = publisherOf(text, publishers)
  if (alone !== null) return {byline, authors: [], publisher: alone, video: VIDEO.test(text)}
  const place = IN_PLACE.exec(text)
  const people = place === null ? text : text.slice(0, place.index)
  const withName = WITH.exec(people)
  const names = withName ? [withName[1] ?? '', withName[2] ?? ''] : people.split(SEPARATOR)
  // `Rain in Spain` is a sentence: a name before ` in Place` has a first name and a surname.
  if (place !== null && names.some((name) => !name.includes(' '))) return null
  let publisher: string | null = null
  // `Name, Publisher`: the last part names the publisher, the rest are people.
  const last = publisherOf(names[names.length - 1] ?? '', publishers)
  if (last !== null && names.length > 1) {
    publisher = last
    names.pop()
  }
  if (names.length > MAX_NAMES || !names.every(isName)) return null
  if (!endsLikeName(byline)) return null
  const authors = names.filter((name) => publisherOf(name, publishers) === null).map(displayName)
  return {byline, authors, publisher, video: false}
}

/** The profile a name (or `<name> Videos`) belongs to, or null. */
function publisherOf(name: string, publishers: PublisherNames): string | null {
  const key = name.trim().toLowerCase()
  return publishers.get(key) ?? publishers.get(key.replace(/\s+(?:videos?|tv)$/, '')) ?? null
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
