// The full-text search index, written as static files that the reader's browser fetches piece by
// piece, so that a query loads a few kilobytes, not the whole index (`npx tsx bench/search-cost.ts`
// measures it):
//
// - search/meta.json: the groups of terms there are (a group: the terms that share their first two
//   characters) and how the large ones are split (`metaText`);
// - search/terms/: shards of terms and their postings, each at most SHARD_BYTES unless it holds one
//   term (`groupShards`), postings written compactly (search/postings.ts); a query's word is in
//   one shard;
// - search/docs/: one small file a story, with what a result shows (link, headline, date, excerpt):
//   a page of results fetches the files of its results and no other.
//
// Stories are numbered in the index by date, oldest first, and by source path within a day; undated
// stories first (`docIds`). Not in site order, which ranks a day's stories by importance: a day's
// new stories take new numbers and leave every older story's number, its result file and its
// postings as they were, even when their teasers and events move older stories up their day.
// Numbered in site order, adding 1 story to 10,000 rewrote 7,264 result files.
//
// templates/assets/search-engine.js reads this format; `tokens` there must split text as
// `searchTokens` does. search/patch.ts updates these files in place after an edit to bodies
// alone, by the same rules.
import type {BodyStore, PendingFile, Site, Story} from '../model/types.ts'
import {dateInWords} from '../render/dates.ts'
import {fixedFile, lazyFile} from '../render/fixed-file.ts'
import {createPostingLists} from './posting-lists.ts'
import {encodedLength, encodePostings} from './postings.ts'
import {byCodeUnit} from '../text/compare.ts'

/** Results (one file a story) per folder of search/docs/. */
export const DOCS_PER_FOLDER = 1000
/** Characters of a term that name its group of shards. */
export const SHARD_PREFIX = 2
/**
 * A shard larger than this, in bytes, is split by one more character of its terms, as often as it
 * takes (`groupShards`): a word is in one shard, which is at most this unless it holds one term (or
 * terms that each begin the next). At 10,000 stories a term in every story takes 2 to 7 KB.
 */
export const SHARD_BYTES = 8 * 1024
/** Postings keep a term's weight in a story up to this. */
const MAX_WEIGHT = 255
const HEADLINE_WEIGHT = 5
const LABEL_WEIGHT = 3

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

/** The file of the shard whose terms begin with `node` (every character of it). */
export function shardPath(node: string): string {
  return `search/terms/${shardName(node, Infinity)}.json`
}

/** Whether `path` is a file of the search index (the search page is not: it is a page of the site). */
export function isSearchIndexFile(path: string): boolean {
  return path === 'search/meta.json' || path.startsWith('search/terms/') || path.startsWith('search/docs/')
}

/**
 * Each story's number in the index, by site position: undated stories first, then dated ones
 * oldest first, a day's stories (and the undated) by source path.
 */
export function docIds(stories: ReadonlyArray<{date: string | null; source: string}>): Int32Array {
  const order = stories.map((_, index) => index).sort((a, b) => {
    const x = stories[a]!
    const y = stories[b]!
    if (x.date !== y.date) return x.date === null ? -1 : y.date === null ? 1 : x.date < y.date ? -1 : 1
    return byCodeUnit(x.source, y.source)
  })
  const ids = new Int32Array(stories.length)
  order.forEach((index, id) => (ids[index] = id))
  return ids
}

/** The file of result `id` (`docIds`): its story's link, headline, date and excerpt. */
export function docPath(id: number): string {
  return `search/docs/${Math.floor(id / DOCS_PER_FOLDER)}/${id}.json`
}

/** A result file's text: what a search result shows of a story. */
export function docText(story: Pick<Story, 'url' | 'headline' | 'date' | 'excerpt'>): string {
  return JSON.stringify([story.url, story.headline, story.date, story.date ? dateInWords(story.date) : null, story.excerpt])
}

/** The first `count` characters (code points) of `term`. */
export function head(term: string, count = SHARD_PREFIX): string {
  let end = 0
  for (let i = 0; i < count && end < term.length; i++) end += term.codePointAt(end)! > 0xffff ? 2 : 1
  return term.slice(0, end)
}

/** The character (code point) at `index` of `term`, counted in characters; '' past its end. */
function charAt(term: string, index: number): string {
  const at = head(term, index).length
  return at < term.length ? String.fromCodePoint(term.codePointAt(at)!) : ''
}

/** The index's files; every story's paragraphs are read from `bodies` once the result files are made. */
export function* searchIndexFiles(site: Site, bodies: BodyStore, {shardBytes = SHARD_BYTES}: {shardBytes?: number} = {}): Generator<PendingFile> {
  const ids = docIds(site.stories)
  for (const [i, story] of site.stories.entries()) yield fixedFile(docPath(ids[i]!), docText(story))
  const index = termPostings(site, bodies, ids)
  const {terms} = index
  // Each term's bytes in a shard, to cut the shards by; its string is made again when its shard is
  // written, so that the strings of the whole index are never all held at once.
  const sizes = new Uint32Array(terms.length)
  for (let i = 0; i < terms.length; i++) sizes[i] = entryBytes(terms[i]!, encodedLength(index.postings(i)))
  // Terms that share a group name are neighbours in sorted order: a group, and each of its shards,
  // is a range of positions, with no object made per term.
  const groups: Array<{name: string; from: number; to: number}> = []
  for (let i = 0; i < terms.length; i++) {
    const name = head(terms[i]!)
    const last = groups.at(-1)
    if (last?.name === name) last.to = i + 1
    else groups.push({name, from: i, to: i + 1})
  }
  const split: Array<[string, string]> = []
  for (const {name, from, to} of groups) {
    const group = groupShards(name, terms, from, to, (i) => sizes[i]!, shardBytes)
    // Made as each is written: the strings of one shard at a time.
    for (const shard of group.shards) {
      yield lazyFile(shardPath(shard.name), () => {
        const entries: Array<[string, string]> = []
        for (let i = shard.from; i < shard.to; i++) entries.push([terms[i]!, encodePostings(index.postings(i))])
        return shardText(entries)
      })
    }
    split.push(...group.split)
  }
  yield fixedFile('search/meta.json', metaText({stories: site.stories.length, shardBytes, groups: groups.map((group) => group.name), split}))
}

/**
 * What the reader's script needs to know before it fetches a shard: the groups there are, so that a
 * word no story has costs no request (and no 404 in the console), and how the large ones are split.
 */
export interface SearchMeta {
  stories: number
  /** The size shards were cut to (`groupShards`), for search/patch.ts. */
  shardBytes: number
  /** Every group's name: its terms' first SHARD_PREFIX characters. */
  groups: readonly string[]
  /** Each split node's name and the characters that follow it in its children's names. */
  split: ReadonlyArray<readonly [string, string]>
}

/**
 * meta.json: `groups` is the groups' names in one string, SHARD_PREFIX characters each, in order;
 * `split` gives, for each node (a group, or a part of one) that is split, the characters that
 * follow it in its children's names, in order (`groupShards`); `docs` is DOCS_PER_FOLDER.
 */
export function metaText({stories, shardBytes, groups, split}: SearchMeta): string {
  const sorted = [...split].sort(([a], [b]) => byCodeUnit(a, b))
  return JSON.stringify({
    version: 4,
    stories,
    prefix: SHARD_PREFIX,
    docs: DOCS_PER_FOLDER,
    shardBytes,
    groups: [...groups].sort(byCodeUnit).join(''),
    split: Object.fromEntries(sorted)
  })
}


/** A term and its postings' string (`encodePostings`). */
export type ShardEntry = [term: string, postings: string]

/** A shard file's text: a flat array, each term then its postings' string, in term order. */
export function shardText(entries: readonly ShardEntry[]): string {
  return JSON.stringify(entries.flat())
}

const encoder = new TextEncoder()

/** A term's bytes in `shardText`, with `postings` characters of postings: `"term","…"`. */
export function entryBytes(term: string, postings: number): number {
  const key = JSON.stringify(term)
  return (ASCII.test(key) ? key.length : encoder.encode(key).length) + 3 + postings
}

/**
 * The shards of a group: the terms `terms[from..to)`, sorted, that share their first SHARD_PREFIX
 * characters (`name`). `size(i)` is term i's bytes in a shard (`entryBytes`). A part of the group
 * (a node: the terms that begin with the same characters) whose shard would be larger than `limit`
 * bytes is split by the next character of its terms into children (`sal` into `sala`, `sale`, …),
 * again as long as a child is too large, down to one term or to terms that each begin the next (which
 * no split parts); terms no longer than the node's name (`sal` itself, and `sa` that a larger node
 * sent here) come first in sorted order and go with its first child. Shards come as ranges of `terms`, in order, each named after its node, with the
 * characters that each split node's children add to its name.
 */
export function groupShards(
  name: string,
  terms: readonly string[],
  from: number,
  to: number,
  size: (i: number) => number,
  limit: number
): {shards: Array<{name: string; from: number; to: number}>; split: Array<[string, string]>} {
  const shards: Array<{name: string; from: number; to: number}> = []
  const split: Array<[string, string]> = []
  const visit = (node: string, depth: number, from: number, to: number) => {
    // `[` and `]`, and a comma between two terms.
    let bytes = 1 + (to - from)
    for (let i = from; i < to && bytes <= limit; i++) bytes += size(i)
    const children: Array<{char: string; from: number}> = []
    // Terms that each begin the last (`say`, `says`) go to the same child at every depth.
    const last = terms[to - 1]!
    let chain = true
    for (let i = from; i < to - 1 && chain; i++) chain = last.startsWith(terms[i]!)
    if (bytes > limit && !chain) {
      for (let i = from; i < to; i++) {
        const char = charAt(terms[i]!, depth)
        if (char !== '' && children.at(-1)?.char !== char) children.push({char, from: children.length === 0 ? from : i})
      }
    }
    if (children.length === 0) return void shards.push({name: node, from, to})
    split.push([node, children.map((child) => child.char).join('')])
    children.forEach((child, c) => visit(node + child.char, depth + 1, child.from, children[c + 1]?.from ?? to))
  }
  visit(name, SHARD_PREFIX, from, to)
  return {shards, split}
}

/** What a story's search terms are made of: its headline, tags and authors, and its paragraphs. */
export interface SearchText extends Pick<Story, 'headline' | 'tags' | 'authors'> {
  paragraphs: readonly string[]
}

export function searchText(story: Pick<Story, 'headline' | 'tags' | 'authors'>, paragraphs: readonly string[]): SearchText {
  return {headline: story.headline, tags: story.tags, authors: story.authors, paragraphs}
}

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

/** Every term of the index, sorted, and each one's postings by its position. */
interface IndexTerms {
  readonly terms: readonly string[]
  /** Term i's postings, `[id, weight, …]` in id order (`docIds`), in an array the next call reuses. */
  postings(i: number): Uint32Array
}

/**
 * Each term's packed postings, in id order (`ids`: `docIds`): its list in `lists` (search/posting-lists.ts, 4 bytes
 * a posting). Weights add up in the term's last posting while its story is the one being read: one
 * map lookup a token, and no map per story. Given as the index files hold them, `[story, weight,
 * story, weight, …]`, unpacked into one array as each term is asked for: as arrays, 8 bytes a
 * number, the big groups' postings were hundreds of megabytes of garbage at 100,000 stories.
 */
function termPostings(site: Site, bodies: BodyStore, ids: Int32Array): IndexTerms {
  const listOf = new Map<string, number>()
  const lists = createPostingLists()
  const byId = new Int32Array(ids.length)
  ids.forEach((id, index) => (byId[id] = index))
  // In id order, so a term's last posting is either this story's or an earlier id's.
  for (let id = 0; id < byId.length; id++) {
    const story = site.stories[byId[id]!]!
    const base = id * POSTING_STORY
    eachTerm(searchText(story, bodies.paragraphs(story.index)), (term, weight) => {
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
  const listIds = Uint32Array.from(terms, (term) => listOf.get(term)!)
  let buffer = new Uint32Array(64)
  return {
    terms,
    postings(i) {
      const length = lists.length(listIds[i]!) * 2
      if (buffer.length < length) buffer = new Uint32Array(Math.max(length, buffer.length * 2))
      lists.forEach(listIds[i]!, (posting, at) => {
        buffer[at * 2] = Math.floor(posting / POSTING_STORY)
        buffer[at * 2 + 1] = posting % POSTING_STORY
      })
      return buffer.subarray(0, length)
    }
  }
}
