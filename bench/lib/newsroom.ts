// Makes stories in the BBC set's shape (a headline, a blank line, paragraphs) from the word source
// in newsroom-words.ts: a stand-in for real text that the repository may carry. Each story has a
// cast (people introduced by full name and then by title and surname, organisations by full name
// and then by short form), a place, numbers, quotes and dates, so the parser, the tagger, search
// and the pages meet what they meet in real news. Pure and seeded: the same count gives the same
// stories on every machine.
import {
  CATEGORIES, CAUSES, CITIES, COUNTRIES, FIRST_NAMES, HEADLINES, LEADS, MONTHS, NOUNS, ORDINALS,
  ORGANISATIONS, QUOTES, ROLES, SENTENCES, SUBJECTS, SURNAMES, WEEKDAYS, type Category,
} from './newsroom-words.ts'
import {int, mulberry32, pick, seedFor, type Rng} from './prng.ts'

export type {Category} from './newsroom-words.ts'

/** A story the bench generator takes headlines and paragraphs from. */
export interface StorySource {
  headline: string
  paragraphs: string[]
  /** Precomputed per paragraph: the bench generator asks for them for every article it writes. */
  paragraphWords: number[]
  paragraphSentences: string[][]
  words: number
}

export interface SourceStory extends StorySource {
  category: Category
}

const NEWSROOM_SEED = 0x4e455753

const SENTENCE_END = /(?<=[.!?]["”’']?)\s+(?=["“‘]?[A-Z0-9])/

export function sentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END)
}

export function countWords(text: string): number {
  let n = 0
  for (const part of text.split(/\s+/)) if (part !== '') n++
  return n
}

interface Person {
  first: string
  surname: string
  title: string
  role: string
}

function person(rng: Rng, category: Category): Person {
  return {first: pick(rng, FIRST_NAMES), surname: pick(rng, SURNAMES), title: pick(rng, ['Mr', 'Ms', 'Dr']), role: pick(rng, ROLES[category])}
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Fills each {slot} of `pattern`; a person's second mention is by title and surname. */
function fill(rng: Rng, pattern: string, cast: Cast): string {
  const text = pattern.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'Person': return mention(cast, 0)
      case 'Person2': return mention(cast, 1)
      case 'Surname': return cast.people[0]!.surname
      case 'Surnamed': return mention(cast, 0)
      case 'role': return cast.people[0]!.role
      case 'role2': return cast.people[1]!.role
      case 'Org': return organisation(cast, 0)
      case 'Org2': return organisation(cast, 1)
      case 'Country': return cast.country
      case 'City': return cast.city
      case 'subject': return cast.subject
      case 'cause': return pick(rng, CAUSES)
      case 'noun': return cast.noun
      case 'quote': return pick(rng, QUOTES)
      case 'Quote': return capitalise(pick(rng, QUOTES))
      case 'weekday': return pick(rng, WEEKDAYS)
      case 'month': return pick(rng, MONTHS)
      case 'month2': return pick(rng, MONTHS)
      case 'year': return String(int(rng, 1998, 2004))
      case 'ordinal': return pick(rng, ORDINALS)
      case 'n': return String(int(rng, 2, 40))
      case 'pct': return `${int(rng, 1, 19)}.${int(rng, 0, 9)}%`
      case 'pct2': return `${int(rng, 1, 9)}%`
      case 'money': return pick(rng, ['£', '$', '€']) + String(int(rng, 2, 900)) + pick(rng, ['m', 'bn'])
      default: throw new Error(`newsroom: no slot {${slot}}`)
    }
  })
  return capitalise(text)
}

interface Cast {
  category: Category
  people: Person[]
  /** How often each person has been named so far: the first mention is the full name. */
  named: number[]
  organisations: Array<readonly [string, string]>
  orgNamed: number[]
  country: string
  city: string
  subject: string
  noun: string
}

function mention(cast: Cast, i: number): string {
  const p = cast.people[i]!
  return cast.named[i]!++ === 0 ? `${p.first} ${p.surname}` : `${p.title} ${p.surname}`
}

function organisation(cast: Cast, i: number): string {
  const [name, short] = cast.organisations[i]!
  return cast.orgNamed[i]!++ === 0 ? name : short
}

function castFor(rng: Rng, category: Category): Cast {
  const orgs = ORGANISATIONS[category]
  const first = pick(rng, orgs)
  let second = pick(rng, orgs)
  while (second === first) second = pick(rng, orgs)
  return {
    category,
    people: [person(rng, category), person(rng, category)],
    named: [0, 0],
    organisations: [first, second],
    orgNamed: [0, 0],
    country: pick(rng, COUNTRIES),
    city: pick(rng, CITIES),
    subject: pick(rng, SUBJECTS[category]),
    noun: pick(rng, NOUNS),
  }
}

function headline(rng: Rng, cast: Cast): string {
  const pattern = pick(rng, HEADLINES)
  const short = (i: number) => cast.organisations[i]![1].replace(/^the /, '')
  return capitalise(pattern
    .replace('{Org}', capitalise(short(0)))
    .replace('{Org2}', capitalise(short(1)))
    .replace('{Surname}', cast.people[0]!.surname)
    .replace('{Country}', cast.country)
    .replace('{City}', cast.city)
    .replace('{subject}', cast.subject)
    .replace('{n}', String(int(rng, 3, 40)))
    .replace('{jobs}', String(int(rng, 3, 900) * 10)))
}

/** Story `index` of the newsroom: the same index always gives the same story. */
export function newsroomStory(index: number): SourceStory {
  const rng = mulberry32(seedFor(NEWSROOM_SEED, index))
  const category = CATEGORIES[index % CATEGORIES.length]!
  const cast = castFor(rng, category)
  const title = headline(rng, cast)
  const paragraphs = [fill(rng, pick(rng, LEADS), cast)]
  const count = int(rng, 7, 16)
  // Each pattern once a story at most, as a writer would not repeat a sentence.
  const unused = SENTENCES.slice()
  while (paragraphs.length < count && unused.length > 0) {
    const n = Math.min(int(rng, 1, 3), unused.length)
    const parts: string[] = []
    for (let s = 0; s < n; s++) parts.push(fill(rng, unused.splice(int(rng, 0, unused.length - 1), 1)[0]!, cast))
    paragraphs.push(parts.join(' '))
  }
  const paragraphWords = paragraphs.map(countWords)
  return {
    category, headline: title, paragraphs, paragraphWords, paragraphSentences: paragraphs.map(sentences),
    words: paragraphWords.reduce((sum, w) => sum + w, 0),
  }
}

/** The first `count` newsroom stories with distinct headlines, in index order. */
export function newsroomStories(count: number): SourceStory[] {
  const stories: SourceStory[] = []
  const seen = new Set<string>()
  for (let index = 0; stories.length < count; index++) {
    const story = newsroomStory(index)
    if (seen.has(story.headline)) continue
    seen.add(story.headline)
    stories.push(story)
  }
  return stories
}

/** A story as the BBC set writes it: the headline, a blank line, paragraphs between blank lines. */
export function plainText(story: SourceStory): string {
  return `${story.headline}\n\n${story.paragraphs.join('\n\n')}\n`
}

/**
 * `count` stories as files in the BBC set's layout: `business/001.txt`, `politics/001.txt`, ...
 * numbered within each category folder.
 */
export function plainFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {}
  const numbers: Record<string, number> = {}
  for (const story of newsroomStories(count)) {
    const n = (numbers[story.category] = (numbers[story.category] ?? 0) + 1)
    files[`${story.category}/${String(n).padStart(3, '0')}.txt`] = plainText(story)
  }
  return files
}
