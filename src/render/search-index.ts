// The full-text search index, written as static files that the reader's browser fetches piece by
// piece: a term's postings live in a shard named after its first two characters, and the results'
// headlines and excerpts in chunks of stories. A query loads a few kilobytes, not the whole index.
//
// templates/assets/search.js reads this format; `searchTokens` there must split text the same way.
// render/search-patch.ts updates these files in place after an edit to bodies alone, by the same rules.
import type {PendingFile, Site, Story} from '../model/types.ts'
import {dateInWords} from './dates.ts'
import {fixedFile, lazyFile} from './fixed-file.ts'
import {createPostingLists, type PostingLists} from './posting-lists.ts'

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
  if (ASCII.test(text)) return text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? []
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []
}

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
  const {listOf, lists} = termPostings(site)
  const groups = new Map<string, string[]>()
  for (const term of [...listOf.keys()].sort()) {
    const name = shardName(term)
    const group = groups.get(name)
    if (group === undefined) groups.set(name, [term])
    else group.push(term)
  }

  const chunks = Math.ceil(site.stories.length / DOCS_PER_CHUNK)
  for (let chunk = 0; chunk < chunks; chunk++) {
    const docs = site.stories
      .slice(chunk * DOCS_PER_CHUNK, (chunk + 1) * DOCS_PER_CHUNK)
      .map((story) => [story.url, story.headline, story.date, story.date ? dateInWords(story.date) : null, story.excerpt])
    yield fixedFile(`search/docs/${chunk}.json`, JSON.stringify(docs))
  }
  // A group at a time, unpacked only for its own shards.
  const split: Record<string, string[]> = {}
  for (const name of [...groups.keys()].sort()) {
    const terms = groups.get(name)!.map((term): [string, Numbers] => [term, unpackedPostings(lists, listOf.get(term)!)])
    const group = groupShards(name, terms)
    // Made as each is written, new each time: the writer may take the bytes over (write/writer-thread.ts).
    for (const shard of [...group.shards.keys()].sort()) yield lazyFile(`search/terms/${shard}.json`, () => shardBytes(group.shards.get(shard)!))
    if (group.children !== null) split[name] = group.children
  }
  yield fixedFile('search/meta.json', JSON.stringify({version: 1, stories: site.stories.length, chunk: DOCS_PER_CHUNK, prefix: SHARD_PREFIX, split}))
}

/** A term and its postings, `[story, weight, story, weight, …]` in story order. */
export type TermPostings = [string, number[]]

/** Numbers as a shard holds them, to count and to visit in order: an array, or packed postings. */
export interface Numbers {
  readonly length: number
  forEach(visit: (n: number) => void): void
}

/**
 * The shards of a group: the terms, in order, that share their first SHARD_PREFIX characters
 * (`name`, from `shardName`). Common prefixes (`co`, `re`) would make shards of most of a megabyte:
 * those groups are split once more, by three characters, and meta.json lists their children so the
 * reader's script knows. `children` is null for a group that is not split.
 */
export function groupShards<T extends readonly [string, {readonly length: number}]>(name: string, terms: readonly T[]): {shards: Map<string, T[]>; children: string[] | null} {
  if (terms.reduce((n, [, list]) => n + list.length, 0) <= SPLIT_ABOVE) return {shards: new Map([[name, [...terms]]]), children: null}
  const shards = new Map<string, T[]>()
  const children = new Set<string>()
  for (const entry of terms) {
    // A two-character term keeps the parent's name, which now holds only such terms.
    const longer = shardName(entry[0], SHARD_PREFIX + 1)
    if (longer !== name) children.add(longer)
    const shard = shards.get(longer)
    if (shard === undefined) shards.set(longer, [entry])
    else shard.push(entry)
  }
  return {shards, children: [...children].sort()}
}

/** A shard file's text: its terms, in order, each with its postings. */
export function shardText(terms: readonly TermPostings[]): string {
  return JSON.stringify(Object.fromEntries(terms))
}

/**
 * The UTF-8 bytes of `shardText(terms)`, written without making that text. At 100,000 stories the
 * shards are 250 MB of text, most of it in strings too large for V8's young generation: as text,
 * they piled up as garbage while the index was written, which was then the peak of a build.
 */
export function shardBytes(terms: ReadonlyArray<readonly [string, Numbers]>): Uint8Array {
  // Object.fromEntries puts keys that are array indices ("2022") first, in numeric order.
  const ordered = [...terms.filter(([term]) => isArrayIndex(term)).sort((a, b) => Number(a[0]) - Number(b[0])), ...terms.filter(([term]) => !isArrayIndex(term))]
  // As text: a typed array per term, for a few hundred thousand terms, was costlier garbage.
  const keys = ordered.map(([term]) => JSON.stringify(term))
  let size = 2 + Math.max(0, ordered.length - 1)
  for (const [i, [, list]] of ordered.entries()) {
    size += utf8Length(keys[i]!) + 3 + Math.max(0, list.length - 1)
    list.forEach((n) => (size += digits(n)))
  }
  const bytes = new Uint8Array(size)
  let at = 0
  bytes[at++] = 0x7b // {
  for (const [i, [, list]] of ordered.entries()) {
    if (i > 0) bytes[at++] = 0x2c // ,
    at = writeUtf8(bytes, at, keys[i]!)
    bytes[at++] = 0x3a // :
    bytes[at++] = 0x5b // [
    let first = true
    list.forEach((n) => {
      if (!first) bytes[at++] = 0x2c
      first = false
      at = writeDigits(bytes, at, n)
    })
    bytes[at++] = 0x5d // ]
  }
  bytes[at++] = 0x7d // }
  return bytes
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
 * map lookup a token, and no map per story.
 */
function termPostings(site: Site): {listOf: Map<string, number>; lists: PostingLists} {
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
  return {listOf, lists}
}

/**
 * Packed postings as the index files hold them, `[story, weight, story, weight, …]`, unpacked as they
 * are visited: as arrays, 8 bytes a number, the big groups' postings were hundreds of megabytes of
 * garbage at 100,000 stories.
 */
function unpackedPostings(lists: PostingLists, list: number): Numbers {
  return {
    length: lists.length(list) * 2,
    forEach(visit) {
      lists.forEach(list, (posting) => {
        visit(Math.floor(posting / POSTING_STORY))
        visit(posting % POSTING_STORY)
      })
    }
  }
}
