// A story's tag candidates as a build holds them for the whole corpus, from parsing to the choice
// of tags. As objects (a Mention and a spelling table each, and two strings) they took about 215
// bytes a candidate: 51 MB at 10,000 stories, half a gigabyte at 100,000. An array of names that
// the vocabulary shares across stories, and the numbers as the characters of one string, take
// an eighth of that (6.6 MB at 10,000 stories), and are as plain for the cache's JSON.
import {spellingTable, type Evidence, type Mention} from './mentions.ts'

export interface PackedMentions {
  /** Each candidate's key, followed by its spellings. */
  names: string[]
  /**
   * Per candidate: its kind and whether an alias named it (`kindCode + 8 × aliased`), its headline,
   * lead and total counts, its paragraph spread, its first paragraph, its number of spellings, then each spelling's count. Each number n is
   * one UTF-16 unit, n + 0x23, past the control characters and the quote, which JSON writes as
   * escapes: one byte a number in memory and in the cache while all are small. From 0xFFFF - 0x23
   * up, a number is 0xFFFF followed by two units, high half first, which holds any count below
   * 2^32 (a string, and so a file, is shorter). An array took 8 bytes a number.
   */
  numbers: string
}

const KINDS: readonly Evidence[] = [null, 'person', 'place', 'org', 'firstName']
const ALIASED = 8
const WIDE = 0xffff
const SHIFT = 0x23

/** `share` gives the copy of a name to keep (Vocabulary.shared): one per name across a corpus. */
export function packMentions(mentions: readonly Mention[], share: (name: string) => string): PackedMentions {
  const names: string[] = []
  const numbers: number[] = []
  for (const mention of mentions) {
    const spellings = Object.entries(mention.spellings)
    names.push(share(mention.key))
    numbers.push(KINDS.indexOf(mention.kind) + (mention.aliased ? ALIASED : 0), mention.headline, mention.lead, mention.count, mention.paragraphs, mention.first, spellings.length)
    for (const [spelling, count] of spellings) {
      names.push(share(spelling))
      numbers.push(count)
    }
  }
  // An array grown by push keeps spare room; a copy is the exact size, for as long as the build runs.
  return {names: names.slice(), numbers: unitsOf(numbers)}
}

function unitsOf(numbers: readonly number[]): string {
  const units: number[] = []
  for (const n of numbers) {
    if (n + SHIFT < WIDE) units.push(n + SHIFT)
    else units.push(WIDE, Math.floor(n / 0x10000), n % 0x10000)
  }
  let text = ''
  // Spread in slices: a function's arguments are limited in number.
  for (let start = 0; start < units.length; start += 4096) text += String.fromCharCode(...units.slice(start, start + 4096))
  return text
}

/** The candidates as extractMentions gave them, in the same order. */
export function unpackMentions(packed: PackedMentions): Mention[] {
  return unpack(packed, true)
}

const NO_SPELLINGS: Record<string, number> = Object.freeze({})

/**
 * The candidates with their counts and no spellings, all sharing one empty, frozen table: what
 * ranking a story's tags reads. Filling a table of spellings for every candidate was a third of
 * the time of choosing tags.
 */
export function unpackCounts(packed: PackedMentions): Mention[] {
  return unpack(packed, false)
}

function unpack(packed: PackedMentions, withSpellings: boolean): Mention[] {
  const {names, numbers} = packed
  const mentions: Mention[] = []
  let name = 0
  let unit = 0
  const next = (): number => {
    const n = numbers.charCodeAt(unit++)
    if (n !== WIDE) return n - SHIFT
    unit += 2
    return numbers.charCodeAt(unit - 2) * 0x10000 + numbers.charCodeAt(unit - 1)
  }
  while (name < names.length) {
    const flags = next()
    const mention: Mention = {
      key: names[name++]!,
      spellings: withSpellings ? spellingTable() : NO_SPELLINGS,
      kind: KINDS[flags % ALIASED] ?? null,
      aliased: flags >= ALIASED,
      headline: next(),
      lead: next(),
      count: next(),
      paragraphs: next(),
      first: next()
    }
    for (let left = next(); left > 0; left--) {
      const spelling = names[name++]!
      const count = next()
      if (withSpellings) mention.spellings[spelling] = count
    }
    mentions.push(mention)
  }
  return mentions
}
