// What compromise (v14) knows about single words and fixed phrases: its lexicon of ~25,000
// entries (first names, countries, cities, regions, organisations, weekdays, months...) and
// its lists of words that end organisation and place names (`... Council`, `... Bay`).
//
// Why the lexicon and not compromise's tagger over the text: measured on this machine
// (2 cores, Node 20) over the 1,328 BBC files (~422 words each), `nlp(text)` costs
// ~27-35 µs a word: 15.4 s to tag all bodies, 1.3 s for headline + first paragraph only,
// 0.44 s for headlines alone. Scaled to 10,000 stories of ~600 words that is ~160 s, ~10 s
// and ~3 s, while the whole build must take well under 10 s. The tagger's people/places/
// organisations come from this same lexicon plus capitalisation and suffix patterns, which
// tags/mentions.ts applies itself in one linear scan: ~0.3 ms a BBC story, 0.4-0.9 s for the
// whole BBC corpus, ~3 s for 11,330 stories (the BBC files and 10,000 bench stories) on one core.
// The table is worked out from compromise once, by `npm run lexicon` (scripts/lexicon-table.ts):
// loading compromise on every build took 155 to 175 ms, a fifth of a rebuild after one edited story.
import {ENTRIES, ORG_WORDS, PLACE_WORDS} from './lexicon-table.ts'

export type LexicalKind = 'person' | 'place' | 'org' | 'firstName' | 'calendar' | 'common' | 'unknown'

interface Entry {
  kind: LexicalKind
  honorific: boolean
  /** Starts sentences but never names: determiners, prepositions, verbs, adverbs, weekdays. */
  functional: boolean
}

interface Table {
  words: Map<string, Entry>
  orgWords: Set<string>
  placeWords: Set<string>
}

let table: Table | undefined

/** Made on first use: a build whose files all come from the cache never looks a word up. */
function lexicon(): Table {
  if (table !== undefined) return table
  const words = new Map<string, Entry>()
  for (const [name, list] of Object.entries(ENTRIES)) {
    const [kind, ...flags] = name.split(' ')
    const entry: Entry = {kind: kind as LexicalKind, honorific: flags.includes('honorific'), functional: flags.includes('functional')}
    for (const word of list.split('\n')) words.set(word, entry)
  }
  table = {words, orgWords: new Set(ORG_WORDS.split('\n')), placeWords: new Set(PLACE_WORDS.split('\n'))}
  return table
}

/** `phrase` lower-cased, words separated by single spaces. */
export function lexicalKind(phrase: string): LexicalKind {
  return lexicon().words.get(phrase)?.kind ?? 'unknown'
}

/**
 * Words that end organisations' names in British and business news and that compromise's list
 * lacks: without them `British Retail Consortium`, `World Food Programme`, `Scottish Executive`
 * and `High Court` were names of nothing known on the labelled BBC stories.
 */
const MORE_ORG_WORDS = new Set([
  'consortium', 'programme', 'program', 'exchange', 'court', 'executive', 'senate', 'parliament', 'assembly',
  'alliance', 'forum', 'trust', 'league', 'campaign', 'party', 'research', 'software', 'studios', 'games',
  'networks', 'technologies', 'telecom', 'telekom', 'airlines', 'railways', 'trains', 'commons', 'lords',
  'cabinet', 'council', 'watch', 'concern', 'aid', 'action', 'unit', 'inquiry', 'panel', 'taskforce',
  // compromise spells it the American way only: `Food and Agriculture Organisation` was split at `and`.
  'organisation'
])

export function isOrgWord(word: string): boolean {
  return lexicon().orgWords.has(word) || MORE_ORG_WORDS.has(word)
}

export function isPlaceWord(word: string): boolean {
  return lexicon().placeWords.has(word)
}

export function isHonorific(word: string): boolean {
  return lexicon().words.get(word)?.honorific ?? false
}

export function isFunctionalWord(word: string): boolean {
  return lexicon().words.get(word)?.functional ?? false
}
