// The full-text search index, written as static files that the reader's browser fetches piece by
// piece: a term's postings live in a shard named after its first two characters, and the results'
// headlines and excerpts in chunks of stories. A query loads a few kilobytes, not the whole index.
//
// templates/assets/search.js reads this format; `searchTokens` there must split text the same way.
// render/search-patch.ts updates these files in place after an edit to bodies alone, by the same rules.
import type {PendingFile, Site, Story} from '../model/types.ts'
import {dateInWords} from './dates.ts'
import {fixedFile} from './fixed-file.ts'

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
  const postings = termPostings(site)
  const groups = new Map<string, string[]>()
  for (const term of [...postings.keys()].sort()) {
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
  // A group at a time, unpacked only for its own shards and let go of once they are made.
  const split: Record<string, string[]> = {}
  for (const name of [...groups.keys()].sort()) {
    const terms = groups.get(name)!.map((term): TermPostings => [term, unpackPostings(postings.get(term)!)])
    for (const [term] of terms) postings.delete(term)
    const group = groupShards(name, terms)
    for (const shard of [...group.shards.keys()].sort()) yield fixedFile(`search/terms/${shard}.json`, shardText(group.shards.get(shard)!))
    if (group.children !== null) split[name] = group.children
  }
  yield fixedFile('search/meta.json', JSON.stringify({version: 1, stories: site.stories.length, chunk: DOCS_PER_CHUNK, prefix: SHARD_PREFIX, split}))
}

/** A term and its postings, `[story, weight, story, weight, …]` in story order. */
export type TermPostings = [string, number[]]

/**
 * The shards of a group: the terms, in order, that share their first SHARD_PREFIX characters
 * (`name`, from `shardName`). Common prefixes (`co`, `re`) would make shards of most of a megabyte:
 * those groups are split once more, by three characters, and meta.json lists their children so the
 * reader's script knows. `children` is null for a group that is not split.
 */
export function groupShards(name: string, terms: readonly TermPostings[]): {shards: Map<string, TermPostings[]>; children: string[] | null} {
  if (terms.reduce((n, [, list]) => n + list.length, 0) <= SPLIT_ABOVE) return {shards: new Map([[name, [...terms]]]), children: null}
  const shards = new Map<string, TermPostings[]>()
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
 * A term's packed postings, in a typed array that doubles as it fills: 4 bytes a posting, where a
 * JavaScript array of numbers takes 8, and nothing for the collector to walk. At 100,000 stories
 * there are about 29 million, all held until the index is written.
 */
interface Postings {
  data: Uint32Array
  length: number
}

/**
 * Each term's packed postings, in story order. Weights add up in the term's last posting while its
 * story is the one being read: one map lookup a token, and no map per story.
 */
function termPostings(site: Site): Map<string, Postings> {
  const postings = new Map<string, Postings>()
  for (const story of site.stories) {
    // Stories are read in index order, so a term's last posting is either this story's or older.
    const base = story.index * POSTING_STORY
    eachTerm(story, (term, weight) => {
      const list = postings.get(term)
      if (list === undefined) {
        const data = new Uint32Array(4)
        data[0] = base + Math.min(weight, MAX_WEIGHT)
        postings.set(term, {data, length: 1})
        return
      }
      const last = list.data[list.length - 1]!
      if (last >= base) {
        list.data[list.length - 1] = base + Math.min(last - base + weight, MAX_WEIGHT)
        return
      }
      if (list.length === list.data.length) {
        const grown = new Uint32Array(list.length * 2)
        grown.set(list.data)
        list.data = grown
      }
      list.data[list.length++] = base + Math.min(weight, MAX_WEIGHT)
    })
  }
  return postings
}

/** Packed postings as the index files hold them, `[story, weight, story, weight, …]`. */
function unpackPostings(packed: Postings): number[] {
  const list = new Array<number>(packed.length * 2)
  for (let i = 0; i < packed.length; i++) {
    const posting = packed.data[i]!
    list[2 * i] = Math.floor(posting / POSTING_STORY)
    list[2 * i + 1] = posting % POSTING_STORY
  }
  return list
}
