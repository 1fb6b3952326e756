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
import {createRequire} from 'node:module'

interface Model {
  one: {lexicon: Record<string, string | string[]>}
  two: {orgWords: Record<string, boolean>; placeWords: Record<string, boolean>}
}

let loaded: Model | undefined

/**
 * compromise is loaded on first use: it takes a quarter of a second, and a build whose files all
 * come from the cache never tags a word. Its CommonJS build holds the same lexicon as its ES module
 * (checked entry by entry) and can be loaded synchronously, where the ES module cannot.
 */
function model(): Model {
  loaded ??= (createRequire(import.meta.url)('compromise') as {model: () => Model}).model()
  return loaded
}

function tagsOf(word: string): readonly string[] {
  const lexicon = model().one.lexicon
  const tags = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags]
}

export type LexicalKind = 'person' | 'place' | 'org' | 'firstName' | 'calendar' | 'common' | 'unknown'

const ENTITY: Record<string, LexicalKind> = {
  Country: 'place',
  City: 'place',
  Region: 'place',
  Place: 'place',
  Organization: 'org',
  SportsTeam: 'org',
  Person: 'person',
  FirstName: 'firstName',
  MaleName: 'firstName',
  FemaleName: 'firstName',
  WeekDay: 'calendar',
  Month: 'calendar',
  Date: 'calendar',
  Demonym: 'common',
  Pronoun: 'common'
}

/** `phrase` lower-cased, words separated by single spaces. */
export function lexicalKind(phrase: string): LexicalKind {
  const tags = tagsOf(phrase)
  if (tags.length === 0) return 'unknown'
  for (const tag of tags) {
    const kind = ENTITY[tag]
    if (kind !== undefined) return kind
  }
  return tags.includes('ProperNoun') ? 'unknown' : 'common'
}

export function isOrgWord(word: string): boolean {
  return Object.hasOwn(model().two.orgWords, word)
}

export function isPlaceWord(word: string): boolean {
  return Object.hasOwn(model().two.placeWords, word)
}

export function isHonorific(word: string): boolean {
  return tagsOf(word).includes('Honorific')
}

// Words that start sentences but never names. Adjectives and nouns are not here: `New York`,
// `Royal Mail` and `British Airways` start sentences too.
const FUNCTIONAL = new Set([
  'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Pronoun', 'QuestionWord', 'Modal', 'Copula',
  'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Possessive', 'Negative', 'Expression',
  'Comparative', 'Superlative', 'WeekDay', 'Month', 'Date', 'Duration', 'Cardinal', 'Ordinal'
])

export function isFunctionalWord(word: string): boolean {
  return tagsOf(word).some((tag) => FUNCTIONAL.has(tag))
}
