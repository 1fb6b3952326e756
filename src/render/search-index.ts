// The full-text search index, written as static files that the reader's browser fetches piece by
// piece: a term's postings live in a shard named after its first two characters, and the results'
// headlines and excerpts in chunks of stories. A query loads a few kilobytes, not the whole index.
//
// templates/assets/search.js reads this format; `searchTokens` there must split text the same way.
// render/search-patch.ts updates these files in place after an edit to bodies alone, by the same rules.
import type {PendingFile, Site, Story} from '../model/types.ts'
import {dateInWords} from './dates.ts'
import {fixedFile, lazyFile} from './fixed-file.ts'
import {createPostingLists} from './posting-lists.ts'

/** Stories per results chunk. */
export const DOCS_PER_CHUNK = 500
/** Characters of a term that name its shard. */
export const SHARD_PREFIX = 2
/** Postings keep a term's weight in a story up to this. */
const MAX_WEIGHT = 255
const HEADLINE_WEIGHT = 5
const LABEL_WEIGHT = 3
/** Numbers in a shard (two per posting) above which it is split by one more character. */
export const SPLIT_ABOVE = 20_000

/** Lower-case, accents folded, split on anything but letters and digits; one-character terms dropped. */
export function searchTokens(text: string): string[] {
  // Most news text is ASCII, where a plain regex does the same work several times faster.
  if (ASCII_AND_QUOTES.test(text)) return text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []
}

/**
 * ASCII, and the punctuation that a quarter of news paragraphs add to it: curly quotes, dashes,
 * an ellipsis, a no-break space. None of them is or becomes a letter or a digit (NFKD turns the
 * ellipsis into dots and the space into a space), so they split words as ASCII punctuation does.
 */
const ASCII_AND_QUOTES = /^[\x00-\x7f‘’“”–—…\u00a0]*$/
const ASCII = /^[\x00-\x7f]*$/

/**
 * English function words: in nearly every story, so their postings would be the largest shards and
 * say nothing about which story a reader wants. The reader's script drops them from queries too.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('an and are as at be been but by for from had has have he her his in is it its of on or that the their ' +
    'there they this to was were which who will with would').split(' ')
)

/** `north` → `6e-6f`: a file name that is safe on every file system, whatever the script. */
export function shardName(term: string, prefix = SHARD_PREFIX): string {
  return Array.from(term)
    .slice(0, prefix)
    .map((char) => char.codePointAt(0)!.toString(16))
    .join('-')
}

export function* searchIndexFiles(site: Site): Generator<PendingFile> {
  const postings = termPostings(site)
  const {terms} = postings

  const chunks = Math.ceil(site.stories.length / DOCS_PER_CHUNK)
  for (let chunk = 0; chunk < chunks; chunk++) {
    const docs = site.stories
      .slice(chunk * DOCS_PER_CHUNK, (chunk + 1) * DOCS_PER_CHUNK)
      .map((story) => [story.url, story.headline, story.date, story.date ? dateInWords(story.date) : null, story.excerpt])
    yield fixedFile(`search/docs/${chunk}.json`, JSON.stringify(docs))
  }
  // Terms that share a shard name are neighbours in sorted order: a group, and each of its shards,
  // is a range of positions, with no object made per term.
  const groups: Array<{name: string; from: number; to: number}> = []
  for (let i = 0; i < terms.length; i++) {
    const name = shardName(terms[i]!)
    const last = groups.at(-1)
    if (last?.name === name) last.to = i + 1
    else groups.push({name, from: i, to: i + 1})
  }
  const split: Record<string, string[]> = {}
  for (const {name, from, to} of groups.sort((a, b) => compareNames(a.name, b.name))) {
    const group = groupShards(name, terms, from, to, postings.count)
    // Made as each is written: the bytes of one shard at a time.
    for (const shard of group.shards) yield lazyFile(`search/terms/${shard.name}.json`, () => shardBytes(postings, shard.from, shard.to))
    if (group.children !== null) split[name] = group.children
  }
  yield fixedFile('search/meta.json', metaText({stories: site.stories.length, groups: groups.map((group) => group.name), split}))
}

/**
 * What the reader's script needs to know before it fetches a shard: the groups there are, so that a
 * word no story has costs no request (and no 404 in the console), and the shards of split groups.
 */
export interface SearchMeta {
  stories: number
  /** Every group's name, sorted. */
  groups: string[]
  split: Record<string, string[]>
}

export function metaText({stories, groups, split}: SearchMeta): string {
  return JSON.stringify({version: 2, stories, chunk: DOCS_PER_CHUNK, prefix: SHARD_PREFIX, groups, split})
}

/** A term and its postings, `[story, weight, story, weight, …]` in story order. */
export type TermPostings = [string, number[]]

/**
 * Terms in sorted order and their postings' numbers, `[story, weight, …]`, by position: no object
 * is made per term, of the few hundred thousand that 100,000 stories have.
 */
export interface ShardTerms {
  readonly terms: readonly string[]
  /** How many numbers term `i`'s postings hold. */
  count(i: number): number
  /** Each of them, in order. */
  forEach(i: number, visit: (n: number) => void): void
}

/** Postings held as arrays, in the order given: a few terms, as a test has them. */
export function shardTerms(postings: readonly TermPostings[]): ShardTerms {
  return {
    terms: postings.map(([term]) => term),
    count: (i) => postings[i]![1].length,
    forEach: (i, visit) => postings[i]![1].forEach((n) => visit(n))
  }
}

/**
 * The shards of a group: the terms `terms[from..to)`, sorted, that share their first SHARD_PREFIX
 * characters (`name`, from `shardName`). Common prefixes (`co`, `re`) would make shards of most of
 * a megabyte: those groups are split once more, by three characters, and meta.json lists their
 * shards (`children`) so the reader's script knows which there are. Shards come as ranges of
 * `terms`, ordered by name; `children` is null for a group that is not split.
 */
export function groupShards(
  name: string,
  terms: readonly string[],
  from: number,
  to: number,
  count: (i: number) => number
): {shards: Array<{name: string; from: number; to: number}>; children: string[] | null} {
  let numbers = 0
  for (let i = from; i < to; i++) numbers += count(i)
  if (numbers <= SPLIT_ABOVE) return {shards: [{name, from, to}], children: null}
  // Sorted, the terms of a three-character prefix are neighbours too, and the two-character term,
  // which keeps the parent's name (now holding only such terms), comes first.
  const shards: Array<{name: string; from: number; to: number}> = []
  for (let i = from; i < to; i++) {
    const longer = shardName(terms[i]!, SHARD_PREFIX + 1)
    const last = shards.at(-1)
    if (last?.name === longer) last.to = i + 1
    else shards.push({name: longer, from: i, to: i + 1})
  }
  shards.sort((a, b) => compareNames(a.name, b.name))
  // The parent's own name is among them only when the group has a two-character term.
  return {shards, children: shards.map((shard) => shard.name)}
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A shard file's text: its terms, in order, each with its postings. */
export function shardText(terms: readonly TermPostings[]): string {
  return JSON.stringify(Object.fromEntries(terms))
}

/**
 * The UTF-8 bytes of the shard of terms `from..to` of `source`, exactly those of `shardText`, written
 * without making that text. At 100,000 stories the shards are 250 MB of text, most of it in strings
 * too large for V8's young generation: as text, they piled up as garbage while the index was
 * written, which was then the peak of a build.
 */
export function shardBytes(source: ShardTerms, from: number, to: number): Uint8Array {
  const {terms} = source
  // Object.fromEntries puts keys that are array indices ("2022") first, in numeric order.
  const indices: number[] = []
  for (let i = from; i < to; i++) if (isArrayIndex(terms[i]!)) indices.push(i)
  indices.sort((a, b) => Number(terms[a]) - Number(terms[b]))
  const order = (visit: (i: number) => void) => {
    for (const i of indices) visit(i)
    for (let i = from; i < to; i++) if (indices.length === 0 || !isArrayIndex(terms[i]!)) visit(i)
  }
  let size = 2 + Math.max(0, to - from - 1)
  const addDigits = (n: number) => (size += digits(n))
  order((i) => {
    size += keyLength(terms[i]!) + 3 + Math.max(0, source.count(i) - 1)
    source.forEach(i, addDigits)
  })
  const bytes = new Uint8Array(size)
  let at = 0
  let first = true
  const writeNumber = (n: number) => {
    if (!first) bytes[at++] = 0x2c // ,
    first = false
    at = writeDigits(bytes, at, n)
  }
  bytes[at++] = 0x7b // {
  let firstTerm = true
  order((i) => {
    if (!firstTerm) bytes[at++] = 0x2c // ,
    firstTerm = false
    at = writeKey(bytes, at, terms[i]!)
    bytes[at++] = 0x3a // :
    bytes[at++] = 0x5b // [
    first = true
    source.forEach(i, writeNumber)
    bytes[at++] = 0x5d // ]
  })
  bytes[at++] = 0x7d // }
  return bytes
}

/**
 * Search terms are letters and digits, which JSON writes as they are between quotes; anything else
 * (no term of searchTokens) goes through JSON.stringify.
 */
const PLAIN_KEY = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/

function keyLength(term: string): number {
  return PLAIN_KEY.test(term) ? utf8Length(term) + 2 : utf8Length(JSON.stringify(term))
}

function writeKey(bytes: Uint8Array, at: number, term: string): number {
  if (!PLAIN_KEY.test(term)) return writeUtf8(bytes, at, JSON.stringify(term))
  bytes[at++] = 0x22 // "
  at = writeUtf8(bytes, at, term)
  bytes[at++] = 0x22
  return at
}

const encoder = new TextEncoder()

function utf8Length(text: string): number {
  return ASCII.test(text) ? text.length : encoder.encode(text).length
}

function writeUtf8(bytes: Uint8Array, at: number, text: string): number {
  if (!ASCII.test(text)) return at + encoder.encodeInto(text, bytes.subarray(at)).written
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i)
  return at + text.length
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1
}

/** Postings are whole numbers from 0 up: story indices and weights. */
function digits(n: number): number {
  let count = 1
  while (n >= 10) {
    n = Math.floor(n / 10)
    count++
  }
  return count
}

function writeDigits(bytes: Uint8Array, at: number, n: number): number {
  const end = at + digits(n)
  for (let i = end - 1; i >= at; i--) {
    bytes[i] = 0x30 + (n % 10)
    n = Math.floor(n / 10)
  }
  return end
}

/** What a story's search terms are made of. */
export type SearchText = Pick<Story, 'headline' | 'tags' | 'authors' | 'paragraphs'>

/** Each term of a story with a weight, once for every time it occurs; stop words left out. */
function eachTerm(story: SearchText, visit: (term: string, weight: number) => void): void {
  const add = (text: string, weight: number) => {
    for (const token of searchTokens(text)) if (!STOP_WORDS.has(token)) visit(token, weight)
  }
  add(story.headline, HEADLINE_WEIGHT)
  for (const term of story.tags) add(term.name, LABEL_WEIGHT)
  for (const term of story.authors) add(term.name, LABEL_WEIGHT)
  for (const paragraph of story.paragraphs) add(paragraph, 1)
}

/** A story's terms and their weights, as its postings give them. */
export function storyTermWeights(story: SearchText): Map<string, number> {
  const weights = new Map<string, number>()
  eachTerm(story, (term, weight) => weights.set(term, Math.min((weights.get(term) ?? 0) + weight, MAX_WEIGHT)))
  return weights
}

/**
 * A posting packed into one number, `story * POSTING_STORY + weight`: half the memory of two, for
 * the millions of postings of a large site. It fits 32 bits up to 16 million stories.
 */
const POSTING_STORY = MAX_WEIGHT + 1

/**
 * Each term's packed postings, in story order: its list in `lists` (render/posting-lists.ts, 4 bytes
 * a posting). Weights add up in the term's last posting while its story is the one being read: one
 * map lookup a token, and no map per story. Given as the index files hold them, `[story, weight,
 * story, weight, …]`, unpacked as they are visited: as arrays, 8 bytes a number, the big groups'
 * postings were hundreds of megabytes of garbage at 100,000 stories.
 */
function termPostings(site: Site): ShardTerms {
  const listOf = new Map<string, number>()
  const lists = createPostingLists()
  for (const story of site.stories) {
    // Stories are read in index order, so a term's last posting is either this story's or older.
    const base = story.index * POSTING_STORY
    eachTerm(story, (term, weight) => {
      let list = listOf.get(term)
      if (list === undefined) {
        list = lists.open()
        listOf.set(term, list)
      } else {
        const last = lists.last(list)
        if (last >= base) return lists.setLast(list, base + Math.min(last - base + weight, MAX_WEIGHT))
      }
      lists.push(list, base + Math.min(weight, MAX_WEIGHT))
    })
  }
  const terms = [...listOf.keys()].sort()
  const ids = Uint32Array.from(terms, (term) => listOf.get(term)!)
  return {
    terms,
    count: (i) => lists.length(ids[i]!) * 2,
    forEach(i, visit) {
      lists.forEach(ids[i]!, (posting) => {
        visit(Math.floor(posting / POSTING_STORY))
        visit(posting % POSTING_STORY)
      })
    }
  }
}
