// Stories about the same news event, grouped. Two stories are one event when either
// - their bodies are near-duplicates: the same text saved twice with small edits (a re-draft, a
//   changed headline, a few sentences different), found by MinHash over word 5-grams; or
// - their headline and lead say the same thing within a few days: a re-draft that rewrote the
//   body, found by TF-IDF cosine over the content words of headline and lead; or
// - two providers tell the same news on the same day in their own words: a lower cosine, where
//   the headlines share who and what (CROSS_PROVIDER);
// and, either way, the names and numbers of their leads do not disagree. Precision first: every
// threshold below sits above the closest pair of different stories measured, and a cluster is
// only joined where each two of its members pass.
//
// Written by hand. Packages looked at: bloom-filters (its MinHash draws its hash functions from
// Math.random, so no two runs agree, and it brings eight dependencies); minhash (hashes each string
// once per permutation, 128 times, and its `a * hash + b` passes 2^53 and loses bits); simhash-js
// (32 bits, and its combineShingles keeps the wrong end of the sorted list); tiny-tfidf (its
// similarity is an all-pairs matrix of vectors as long as the vocabulary: 50 million pairs at
// 10,000 stories).
//
// Speed, from a throwaway script (best of 9 runs on one core of a shared two-core machine, Node
// 20): 10,000 generated stories (bench/lib/newsroom.ts) of 640 words each, two stories'
// paragraphs run together, take 0.55-0.65 s, half of it reading their 40 million characters;
// 10,000 of 320 words 0.45-0.55 s; the 1,328 BBC stories 0.05 s.
import {byCodeUnitNullFirst} from '../text/compare.ts'

export interface EventInput {
  headline: string
  /** Body paragraphs, plain text or light Markdown. */
  paragraphs: readonly string[]
  /** YYYY-MM-DD or null (undated). */
  date: string | null
  /** Who published it (agency/publisher name) or null. */
  provider: string | null
}

/**
 * Bodies whose sets of word 5-grams have at least this Jaccard similarity are near-duplicates.
 * Measured on the 1,328 BBC business, politics and tech stories: the closest two different stories
 * score 0.473 (a follow-up that repeats its predecessor's background paragraphs), the loosest
 * re-draft of one story 0.560, and no pair falls between.
 */
const NEAR_DUPLICATE = 0.55
/**
 * Headline-and-lead vectors with at least this cosine are the same event, dates permitting. In the
 * BBC set, undated and so all compared, two different events reach 0.736 (an IBM supercomputer
 * "poised to push Japan off the top", then weeks later "has pushed"), and monthly Bank of England
 * rate decisions 0.671; the two re-drafts that only this rule finds score 0.895 and 0.942. Two
 * providers' stories in their own words score far lower, and have a rule of their own below.
 */
const SAME_EVENT = 0.8
/**
 * The names and numbers of two same-event leads must agree this well (cosine over those terms
 * alone), when both have some. Wording can match while the facts differ: the generated bench
 * stories fill one lead pattern with another weekday, month or first name ("Ministers in Indonesia
 * have agreed ... on Tuesday" / "... on Wednesday"), as wire services fill one template per
 * earnings report. At 10,000 such stories the pairs at SAME_EVENT agree 0.75-0.89 on names, but
 * one (1.0: the same lead word for word, the same surname in both headlines); the two BBC
 * re-drafts above agree 1.0.
 */
const SAME_EVENT_NAMES = 0.9
/**
 * The same for near-duplicates, looser: their bodies already agree. A short template story, one
 * bank's results and then another's, is a near-duplicate by its 5-grams; its names agree about
 * 0.2. Of the 121 BBC near-duplicate pairs, 14 have a lead without names and the others agree 0.84
 * or more but one: an update that replaced its lead (0.16), which this leaves apart.
 */
const NEAR_DUPLICATE_NAMES = 0.5
/**
 * Two providers' stories of one day are one event at this cosine, where their headlines share a
 * name and a word that is not a name (headlinesShareNews) and their names agree CROSS_PROVIDER_NAMES.
 * Each provider writes the news in its own words, so the cosine is low: the seed's AP story and its
 * Reuters teaser on the same denial score 0.373 (names 0.677), the Reuters and BBC teasers on one
 * missile test 0.335 (0.670); the Bloomberg teaser on that denial reaches only 0.258 and 0.218 and is
 * not joined. The closest two different events among the seed's teasers, both on North Korea, score
 * 0.157. Treating every two of the 1,328 BBC stories as two providers on one day (880,000 pairs, the
 * worst case), 59 pairs pass that the rules above do not: about half are one event told twice (a bid
 * and the shares' reaction, a launch and its review), the rest two events of one company on
 * different days (`Cairn shares slump on oil setback`, `Cairn shares up on new oil find`, 0.396),
 * which the same-day rule keeps apart.
 */
const CROSS_PROVIDER = 0.3
const CROSS_PROVIDER_NAMES = 0.6
/** Same calendar day only: a provider's follow-up a day later is a new event more often than not. */
const CROSS_PROVIDER_DAYS = 0
/** Same-event stories, and dated near-duplicates, are at most this many days apart. */
const MAX_DAYS_APART = 3

/**
 * result[i] = cluster id of stories[i]: the index of the cluster's first member (lowest index).
 * Stories alone get their own index.
 */
export function clusterEvents(stories: readonly EventInput[]): number[] {
  // Identical stories are one item. Items are numbered in the order of their content, not of the
  // input, so that every tie below (equal similarities, the order of a float sum) is broken the
  // same way however the input is ordered: the partition depends on the texts alone.
  const order = stories.map((_, index) => index).sort((a, b) => compareStories(stories[a]!, stories[b]!))
  const itemOf = new Int32Array(stories.length)
  const items: EventInput[] = []
  order.forEach((index, rank) => {
    if (rank === 0 || compareStories(stories[index]!, stories[order[rank - 1]!]!) !== 0) items.push(stories[index]!)
    itemOf[index] = items.length - 1
  })

  const days = items.map((item) => dayNumber(item.date))
  // Pairs that pass, by a · items + b, with the higher of their two similarities: it only orders
  // the joins in completeLink().
  const passing = new Map<number, number>()
  const record = (a: number, b: number, similarity: number) => {
    const key = a * items.length + b
    passing.set(key, Math.max(similarity, passing.get(key) ?? 0))
  }
  const leads = leadVectors(items)
  for (const [a, b, similarity] of nearDuplicatePairs(items, days)) {
    if (namesAgree(leads, a, b, NEAR_DUPLICATE_NAMES)) record(a, b, similarity)
  }
  for (const [a, b, similarity] of sameEventPairs(leads, SAME_EVENT, (x, y) => sameEventDates(days[x]!, days[y]!))) {
    if (namesAgree(leads, a, b, SAME_EVENT_NAMES)) record(a, b, similarity)
  }
  const providers = items.map((item) => item.provider?.toLowerCase() ?? null)
  const otherProvider = (x: number, y: number) =>
    providers[x] !== null && providers[y] !== null && providers[x] !== providers[y] && Math.abs(days[x]! - days[y]!) <= CROSS_PROVIDER_DAYS
  // Most sites have one provider, or none named: then there is nothing to compare (at 10,000
  // one-provider stories, the longer prefixes of the lower threshold cost 1.5 s for no pair).
  if (new Set(providers.filter((provider) => provider !== null)).size > 1) {
    const crossLeads = {...leads, ...prefixes(leads.start, leads.terms, leads.weights, leads.df, CROSS_PROVIDER)}
    for (const [a, b, similarity] of sameEventPairs(crossLeads, CROSS_PROVIDER, otherProvider)) {
      if (namesAgree(leads, a, b, CROSS_PROVIDER_NAMES) && headlinesShareNews(leads, a, b)) record(a, b, similarity)
    }
  }

  const cluster = completeLink(items.length, passing)
  const first = new Map<number, number>()
  return stories.map((_, index) => {
    const c = cluster[itemOf[index]!]!
    if (!first.has(c)) first.set(c, index)
    return first.get(c)!
  })
}

/**
 * Clusters in which every two members pass, joined strongest pair first. Transitive closure alone
 * chains: a re-draft of story A and a follow-up B that repeats some of the re-draft's paragraphs
 * would pull A and B into one event. Checking every pair costs |A|·|B| look-ups per join, and real
 * clusters stay small (at most 3 of the BBC set's stories).
 */
function completeLink(count: number, passing: ReadonlyMap<number, number>): Int32Array {
  const cluster = Int32Array.from({length: count}, (_, item) => item)
  const members = Array.from({length: count}, (_, item) => [item])
  const joins = (a: number, b: number) => passing.has(Math.min(a, b) * count + Math.max(a, b))
  const strongestFirst = [...passing].sort(([keyA, a], [keyB, b]) => b - a || keyA - keyB)
  for (const [key] of strongestFirst) {
    const ca = cluster[Math.floor(key / count)]!
    const cb = cluster[key % count]!
    if (ca === cb || !members[ca]!.every((a) => members[cb]!.every((b) => joins(a, b)))) continue
    const [kept, gone] = ca < cb ? [ca, cb] : [cb, ca]
    for (const item of members[gone]!) cluster[item] = kept
    for (const item of members[gone]!) members[kept]!.push(item)
    members[gone] = []
  }
  return cluster
}

/** Field by field, headline first: nearly every pair differs there, and nothing is concatenated. */
function compareStories(a: EventInput, b: EventInput): number {
  let order = byCodeUnitNullFirst(a.headline, b.headline) || byCodeUnitNullFirst(a.date, b.date) || byCodeUnitNullFirst(a.provider, b.provider)
  order ||= a.paragraphs.length - b.paragraphs.length
  for (let i = 0; order === 0 && i < a.paragraphs.length; i++) order = byCodeUnitNullFirst(a.paragraphs[i]!, b.paragraphs[i]!)
  return order
}


/** Days since 1970, NaN for undated (or not YYYY-MM-DD). */
function dayNumber(date: string | null): number {
  const match = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match === null ? Number.NaN : Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000
}

/**
 * Both dated, and too far apart for one story: a text that comes back a week later is a weekly
 * column's boilerplate, not a re-save. A near-duplicate with one date missing still counts.
 */
function datedApart(a: number, b: number): boolean {
  return Math.abs(a - b) > MAX_DAYS_APART
}

/** Within the window, or both undated: an undated story cannot be placed near a dated one. */
function sameEventDates(a: number, b: number): boolean {
  return Number.isNaN(a) ? Number.isNaN(b) : Math.abs(a - b) <= MAX_DAYS_APART
}

// Near-duplicate bodies ------------------------------------------------------------------------

const SHINGLE_WORDS = 5
/**
 * One-permutation MinHash (Li, Owen and Zhang 2012): a shingle's top 7 bits choose one of 128 bins
 * and the other 25 are its value there, so a story costs one pass over its shingles, not one per
 * hash function. The signature is cut into 32 bands of 4 bins; stories that agree on a whole band
 * are candidates, with probability 1 - (1 - J^4)^32 for Jaccard J: 0.95 at 0.55, 0.99 at 0.6
 * (all 121 BBC pairs above 0.5 are found). Four rows, not two or three: the generated bench
 * stories share sentence patterns, so nearly half of their pairs have J 0.1-0.2, and at 10,000
 * stories two rows made 4,500,000 candidate pairs, three 1,000,000 and four 156,000.
 */
const BIN_BITS = 7
const BINS = 2 ** BIN_BITS
const BAND_ROWS = 4
const VALUE_BITS = 32 - BIN_BITS
const VALUE_RANGE = 1 << VALUE_BITS
const VALUE_MASK = VALUE_RANGE - 1
/** No shingle fell in the bin: above every value, borrowed or not. */
const EMPTY = 0xffffffff
/**
 * Candidates whose signatures agree on fewer bins are not measured exactly: 45 of 128, J 0.35. A
 * pair at NEAR_DUPLICATE agrees on 70 ± 5.6 bins (one standard deviation), so 0.2 below it loses
 * none worth finding.
 */
const MIN_AGREEMENT = Math.round((NEAR_DUPLICATE - 0.2) * BINS)
/** Items and band hashes share one float: item numbers below 2^24, hashes of 28 bits, 52 in all. */
const ITEM_SPACE = 2 ** 24

/** A growable buffer of one story's shingle hashes, shared by all stories. */
interface Shingles {
  hashes: Uint32Array
  count: number
}

/**
 * Pairs [a, b, J], a < b, not dated too far apart (`days`: each item's day number), whose bodies
 * have Jaccard similarity J of NEAR_DUPLICATE or more.
 */
function nearDuplicatePairs(items: readonly EventInput[], days: readonly number[]): Array<[number, number, number]> {
  // One buffer for every story's shingles and one array for all signatures: a typed array per
  // story, and sorting each story's shingles, cost more than all the rest at 10,000 stories. Sets
  // are sorted only for the few pairs measured exactly.
  const shingles: Shingles = {hashes: new Uint32Array(4096), count: 0}
  const signatures = new Uint32Array(items.length * BINS)
  const signed: number[] = []
  const minimum = new Uint32Array(BINS)
  items.forEach((item, index) => {
    shingleHashes(item.paragraphs, shingles)
    if (shingles.count === 0) return
    minimum.fill(EMPTY)
    for (let i = 0; i < shingles.count; i++) {
      const hash = shingles.hashes[i]!
      const bin = hash >>> VALUE_BITS
      if ((hash & VALUE_MASK) < minimum[bin]!) minimum[bin] = hash & VALUE_MASK
    }
    densify(minimum, signatures, index)
    signed.push(index)
  })

  // Each band sorted by hash, then item: a run of one hash is a bucket, its items ascending.
  const candidates: number[] = []
  const keyed = new Float64Array(signed.length)
  for (let band = 0; band < BINS / BAND_ROWS; band++) {
    signed.forEach((item, i) => {
      let hash = band
      for (let row = band * BAND_ROWS; row < (band + 1) * BAND_ROWS; row++) hash = Math.imul(((hash << 13) | (hash >>> 19)) ^ signatures[item * BINS + row]!, 0x9e3779b1)
      keyed[i] = (mix(hash) >>> 4) * ITEM_SPACE + item
    })
    keyed.sort()
    for (let start = 0, end = 1; start < keyed.length; start = end, end = start + 1) {
      const bucket = Math.floor(keyed[start]! / ITEM_SPACE)
      while (end < keyed.length && Math.floor(keyed[end]! / ITEM_SPACE) === bucket) end++
      for (let x = start; x < end; x++) {
        const a = keyed[x]! % ITEM_SPACE
        for (let y = x + 1; y < end; y++) {
          const b = keyed[y]! % ITEM_SPACE
          // Dated too far apart, a pair is no event whatever its bodies share: left out before it is
          // measured. Stories written from the same sources fill buckets across the years: at 30,000
          // bench stories there were 1,050,800 candidate pairs, all but 10,048 more than 3 days apart,
          // and they grow with the square. Clustering took 8.55 s there before, 2.39 s after (at
          // 10,000: 1.87 s, 0.83 s).
          if (!datedApart(days[a]!, days[b]!)) candidates.push(a * ITEM_SPACE + b)
        }
      }
    }
  }

  const sets = new Map<number, Uint32Array>()
  const setOf = (item: number) => sets.get(item) ?? sets.set(item, shingleSet(items[item]!.paragraphs, shingles)).get(item)!
  const pairs: Array<[number, number, number]> = []
  Float64Array.from(candidates).sort().forEach((candidate, i, all) => {
    if (i > 0 && all[i - 1] === candidate) return
    const a = Math.floor(candidate / ITEM_SPACE)
    const b = candidate % ITEM_SPACE
    if (!agreeEnough(signatures, a, b)) return
    const similarity = jaccard(setOf(a), setOf(b))
    if (similarity >= NEAR_DUPLICATE) pairs.push([a, b, similarity])
  })
  return pairs
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const FNV_OFFSET = 0x811c9dc5
/** By ASCII code: the lower-case letter or the digit, 0 for anything else. */
const ASCII_WORD = Uint8Array.from({length: 128}, (_, code) => (/[a-z0-9]/i.test(String.fromCharCode(code)) ? String.fromCharCode(code).toLowerCase().charCodeAt(0) : 0))

/**
 * Fills `into` with the hash of each word 5-gram of the body, unsorted, repeats kept. A word is a
 * run of letters and digits, lower-cased, hashed with FNV-1a as it is read: character codes and a
 * table, not a regex and a lower-cased copy, as at 10,000 stories this reads 40 million characters.
 * Outside ASCII each UTF-16 unit is tested alone, which is enough to tell words apart.
 */
function shingleHashes(paragraphs: readonly string[], into: Shingles): void {
  // The last five words, oldest first, in locals: a ring buffer's index arithmetic cost a fifth of
  // the time. SHINGLE_WORDS is written out here as five.
  let w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0
  let words = 0
  into.count = 0
  for (const text of paragraphs) {
    let word = FNV_OFFSET
    let inWord = false
    // One step past the end, as a space, to end the last word.
    for (let i = 0; i <= text.length; i++) {
      let code = i < text.length ? text.charCodeAt(i) : 32
      if (code < 128) code = ASCII_WORD[code]!
      else if (!LETTER_OR_DIGIT.test(text[i]!)) code = 0
      if (code !== 0) {
        word = Math.imul(word ^ (code < 128 ? code : text[i]!.toLowerCase().charCodeAt(0)), 0x01000193)
        inWord = true
        continue
      }
      if (!inWord) continue
      ;(w0 = w1), (w1 = w2), (w2 = w3), (w3 = w4), (w4 = word)
      word = FNV_OFFSET
      inWord = false
      if (++words < SHINGLE_WORDS) continue
      let hash = Math.imul(w0, 0x9e3779b1)
      hash = Math.imul(((hash << 13) | (hash >>> 19)) ^ w1, 0x9e3779b1)
      hash = Math.imul(((hash << 13) | (hash >>> 19)) ^ w2, 0x9e3779b1)
      hash = Math.imul(((hash << 13) | (hash >>> 19)) ^ w3, 0x9e3779b1)
      hash = Math.imul(((hash << 13) | (hash >>> 19)) ^ w4, 0x9e3779b1)
      if (into.count === into.hashes.length) {
        const grown = new Uint32Array(2 * into.count)
        grown.set(into.hashes)
        into.hashes = grown
      }
      into.hashes[into.count++] = mix(hash)
    }
  }
}

/** The body's shingle hashes, sorted, without repeats. */
function shingleSet(paragraphs: readonly string[], buffer: Shingles): Uint32Array {
  shingleHashes(paragraphs, buffer)
  const sorted = buffer.hashes.slice(0, buffer.count).sort()
  return sorted.filter((hash, i) => i === 0 || sorted[i - 1] !== hash)
}

/** MurmurHash3's finaliser: every input bit moves every output bit. */
function mix(value: number): number {
  let h = value ^ (value >>> 16)
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * Item `item`'s signature from its bins' minima. An empty bin borrows the next filled bin's value
 * (circling round), offset by the distance (densification by rotation, Shrivastava and Li 2014):
 * at most (2^25 - 1) + 127 · 2^25 < 2^32. The circle is walked backwards twice, so that every
 * empty bin has met its next filled one.
 */
function densify(minimum: Uint32Array, signatures: Uint32Array, item: number): void {
  let next = EMPTY
  let distance = 0
  for (let step = 2 * BINS - 1; step >= 0; step--) {
    const bin = step & (BINS - 1)
    if (minimum[bin] !== EMPTY) (next = minimum[bin]!), (distance = 0)
    else distance++
    if (step < BINS) signatures[item * BINS + bin] = next + distance * VALUE_RANGE
  }
}

/** At least MIN_AGREEMENT equal bins; stops as soon as the rest could not get there. */
function agreeEnough(signatures: Uint32Array, a: number, b: number): boolean {
  let same = 0
  for (let bin = 0; bin < BINS && same + BINS - bin >= MIN_AGREEMENT; bin++) {
    if (signatures[a * BINS + bin] === signatures[b * BINS + bin]) same++
  }
  return same >= MIN_AGREEMENT
}

function jaccard(a: Uint32Array, b: Uint32Array): number {
  let shared = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) shared++, i++, j++
    else if (a[i]! < b[j]!) i++
    else j++
  }
  return shared / (a.length + b.length - shared)
}

// Same event, other words ----------------------------------------------------------------------

/**
 * Every item's headline-and-lead vector, end to end: item i's terms are terms[start[i]] up to
 * terms[start[i + 1]], ids ascending, with unit-length weights. One array for all: ten thousand
 * small vectors scattered over the heap cost more to read than to multiply.
 */
interface LeadVectors {
  start: Uint32Array
  terms: Uint32Array
  weights: Float64Array
  /** By term id: 1 for a name or a number. */
  named: Uint8Array
  /** By item: the norm of its names and numbers alone. */
  namedNorm: Float64Array
  /** By item: the terms of its headline. */
  headlineTerms: Array<ReadonlySet<number>>
  /** By term id: how many items have it. */
  df: Uint32Array
  /** Item i's prefix terms are prefixTerms[prefixStart[i]] up to prefixTerms[prefixStart[i + 1]]: see prefixes(). */
  prefixStart: Uint32Array
  prefixTerms: Uint32Array
}

/** Function words and reporting verbs: they say nothing about which event a story is on. */
const STOP_WORDS = new Set(
  `a about above after again against all also am amid an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have having
  he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on
  once only or other our ours out over own same she should so some such than that the their theirs them then
  there these they this those through to too under until up very was we were what when where which while who
  whom why will with would you your yours said says say told tells according added adds may might must shall
  mr mrs ms dr yet still via per new`.split(/\s+/)
)

/**
 * `SEOUL, South Korea (AP) — `, `REYKJAVIK (Reuters) - `, `(Bloomberg) -- `: where the provider's
 * bureau is, which differs between providers of one event, and who the provider is.
 */
const DATELINE = /^\s*(?:\p{Lu}[\p{Lu}\s.'’-]*(?:,[^()\n]{1,40})?)?\([^()\n]{1,40}\)\s*[—–-]+\s*/u
/** After one of these (or nothing) a word starts a sentence, and its capital says nothing. */
const SENTENCE_OPENERS = new Set('.!?:;"“”‘’\'([{—–-•*#>')
const DIGIT = /\p{N}/u

/** A letter or digit at `i`: ASCII by its code, the rest by LETTER_OR_DIGIT. */
function isWordCharacter(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  return code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) : LETTER_OR_DIGIT.test(text[i]!)
}

/**
 * Calls `take` with each word of `text` and where it starts: runs of letters and digits, a number
 * keeping its decimal point or thousands comma (`18.4` is not `18.0`). By character codes, not a
 * regex: no match object for every word.
 */
function forEachWord(text: string, take: (word: string, start: number) => void): void {
  for (let i = 0; i < text.length; i++) {
    if (!isWordCharacter(text, i)) continue
    const start = i
    while (i < text.length && isWordCharacter(text, i)) i++
    while ((text[i] === '.' || text[i] === ',') && DIGIT.test(text[i + 1] ?? '')) {
      for (i++; i < text.length && DIGIT.test(text[i]!); ) i++
    }
    take(text.slice(start, i), start)
  }
}

/** How a term was written where a capital tells something: bit 1 capitalised, bit 2 lower case. */
const CAPITALISED = 1
const LOWER_CASE = 2

/**
 * The lead is the first sentence of the first paragraph. A first paragraph may hold one sentence or
 * two: a BBC re-draft ran its first two into one (`Kilroy launches 'Veritas' party`), and scored
 * 0.66 against its other copy on whole first paragraphs, 0.94 on first sentences, while no two
 * different BBC events came closer. A sentence ends at `.`, `!` or `?` before a capital, a digit
 * or a quote, but not within its first 8 words (the BBC set's shortest first sentence), so that
 * `Sen.` or `Mr.` at the start does not end it.
 */
const LEAD_WORDS = 8
const SENTENCE_END = /[.!?]["”’')]*\s+(?=["“‘(]?[\p{Lu}\p{N}])/gu
/** The first LEAD_WORDS - 1 words, within which no sentence ends. */
const FIRST_WORDS = new RegExp(`^\\s*(?:\\S+\\s+){${LEAD_WORDS - 1}}`)

function firstSentence(text: string): string {
  const skipped = FIRST_WORDS.exec(text)
  SENTENCE_END.lastIndex = skipped?.[0].length ?? text.length
  const end = SENTENCE_END.exec(text)
  return end === null ? text : text.slice(0, end.index + 1)
}

/** Calls `take` with each content word of the headline and the lead, and how it was written. */
function leadWords(story: EventInput, take: (term: string, written: number, inHeadline: boolean) => void): void {
  const lead = firstSentence((story.paragraphs.find((paragraph) => /\S/.test(paragraph)) ?? '').replace(DATELINE, ''))
  // A provider's own name (`Reuters said`) tells who wrote the story, not what happened.
  const own: string[] = []
  forEachWord(story.provider?.toLowerCase() ?? '', (word) => own.push(word))
  for (const text of [story.headline, lead]) {
    const inHeadline = text === story.headline
    forEachWord(text, (word, index) => {
      const lower = word.toLowerCase()
      const capital = word.charCodeAt(0) !== lower.charCodeAt(0)
      // Two capitals first: `US` is a name, `us` a stop word.
      const acronym = capital && word.length > 1 && word.charCodeAt(1) !== lower.charCodeAt(1)
      if (lower.length < 2 || own.includes(lower) || (STOP_WORDS.has(lower) && !acronym)) return
      let before = index - 1
      while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 160)) before--
      const opens = before < 0 || SENTENCE_OPENERS.has(text[before]!)
      take(acronym ? lower : singular(lower), opens ? 0 : capital ? CAPITALISED : LOWER_CASE, inHeadline)
    })
  }
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is') ? word.slice(0, -1) : word
}

/**
 * TF-IDF over the whole input: weight (1 + ln tf) · ln(1 + N / df), so that a word in every story
 * still counts a little (plain ln(N / df) gives it 0, and gives every shared word 0 in a two-story
 * input) while a name in two stories outweighs it. A term is a name when the input never writes it
 * in lower case inside a sentence: `Microsoft`, `Tuesday`, not `Budget` if some lead has `the
 * budget`. Numbers are names too.
 */
function leadVectors(items: readonly EventInput[]): LeadVectors {
  const ids = new Map<string, number>()
  const written: number[] = []
  const isNumber: boolean[] = []
  // Every item's word ids end to end, then each item's run sorted in place and counted.
  const words: number[] = []
  const wordStart = new Uint32Array(items.length + 1)
  const headlineTerms: Array<Set<number>> = []
  items.forEach((item, index) => {
    const inHeadline = new Set<number>()
    headlineTerms.push(inHeadline)
    leadWords(item, (term, how, headline) => {
      let id = ids.get(term)
      if (id === undefined) {
        id = ids.size
        ids.set(term, id)
        written.push(0)
        isNumber.push(/\d/.test(term))
      }
      written[id]! |= how
      words.push(id)
      if (headline) inHeadline.add(id)
    })
    wordStart[index + 1] = words.length
  })
  const sorted = Uint32Array.from(words)
  const start = new Uint32Array(items.length + 1)
  const allTerms = new Uint32Array(sorted.length)
  const counts = new Uint32Array(sorted.length)
  let distinct = 0
  items.forEach((_, index) => {
    const from = wordStart[index]!
    sorted.subarray(from, wordStart[index + 1]!).sort()
    for (let k = from; k < wordStart[index + 1]!; k++) {
      if (k > from && sorted[k] === sorted[k - 1]) counts[distinct - 1]!++
      else (allTerms[distinct] = sorted[k]!), (counts[distinct++] = 1)
    }
    start[index + 1] = distinct
  })
  const terms = allTerms.subarray(0, distinct)
  const df = new Uint32Array(ids.size)
  for (const id of terms) df[id]!++
  const named = Uint8Array.from(written, (how, id) => (isNumber[id] || (how & LOWER_CASE) === 0 ? 1 : 0))
  const idf = Float64Array.from(df, (stories) => Math.log(1 + items.length / stories))
  const weights = new Float64Array(terms.length)
  terms.forEach((id, i) => (weights[i] = (1 + Math.log(counts[i]!)) * idf[id]!))
  const namedNorm = new Float64Array(items.length)
  items.forEach((_, index) => {
    let norm = 0
    let names = 0
    for (let i = start[index]!; i < start[index + 1]!; i++) {
      norm += weights[i]! ** 2
      if (named[terms[i]!]) names += weights[i]! ** 2
    }
    for (let i = start[index]!; i < start[index + 1]!; i++) weights[i]! /= Math.sqrt(norm)
    namedNorm[index] = Math.sqrt(names / norm)
  })
  return {start, terms, weights, named, namedNorm, df, headlineTerms, ...prefixes(start, terms, weights, df, SAME_EVENT)}
}

/**
 * Each vector's rarest terms, in one order for all (fewest stories first, then id), up to where the
 * rest has norm below SAME_EVENT, so that the rest adds less than SAME_EVENT to any cosine. Of two
 * vectors, take the one whose prefix stops earlier in that order: a term they share up to there is
 * in both prefixes, and if they share none, all they share is in its rest. So a pair at SAME_EVENT
 * shares a prefix term (prefix filtering, Bayardo, Ma and Srikant 2007), and the rare terms that
 * make up prefixes have short lists of stories.
 */
function prefixes(start: Uint32Array, terms: Uint32Array, weights: Float64Array, df: Uint32Array, threshold: number): Pick<LeadVectors, 'prefixStart' | 'prefixTerms'> {
  const prefixStart = new Uint32Array(start.length)
  const prefixTerms: number[] = []
  for (let index = 0; index + 1 < start.length; index++) {
    const positions = Array.from({length: start[index + 1]! - start[index]!}, (_, i) => start[index]! + i)
    positions.sort((x, y) => df[terms[x]!]! - df[terms[y]!]! || terms[x]! - terms[y]!)
    // The bound is lowered a little: a float sum may differ from the exact one in the last bits.
    let rest = 1
    for (let i = 0; i < positions.length && rest >= threshold ** 2 * (1 - 1e-9); i++) {
      prefixTerms.push(terms[positions[i]!]!)
      rest -= weights[positions[i]!]! ** 2
    }
    prefixStart[index + 1] = prefixTerms.length
  }
  return {prefixStart, prefixTerms: Uint32Array.from(prefixTerms)}
}

/**
 * Pairs [a, b, cosine], a < b, within the date window and at SAME_EVENT or more. Only pairs that
 * share a prefix term are measured: 720,000 of the 50 million at 10,000 generated stories.
 */
function sameEventPairs(vectors: LeadVectors, threshold: number, admit: (a: number, b: number) => boolean): Array<[number, number, number]> {
  const {start, terms, weights, named, prefixStart, prefixTerms} = vectors
  const count = start.length - 1
  // Items by prefix term, ascending, end to end: term t's are byTerm[termStart[t]] up to termStart[t + 1].
  const termStart = new Uint32Array(named.length + 1)
  for (const term of prefixTerms) termStart[term + 1]!++
  for (let term = 0; term < named.length; term++) termStart[term + 1]! += termStart[term]!
  const byTerm = new Uint32Array(prefixTerms.length)
  const filled = termStart.slice(0, named.length)
  for (let item = 0; item < count; item++) {
    for (let i = prefixStart[item]!; i < prefixStart[item + 1]!; i++) byTerm[filled[prefixTerms[i]!]!++] = item
  }

  const pairs: Array<[number, number, number]> = []
  const lastSeenBy = new Int32Array(count).fill(-1)
  // The later item's weights by term id, so that a candidate's cosine is one pass over its terms.
  const later = new Float64Array(named.length)
  for (let item = 0; item < count; item++) {
    for (let i = start[item]!; i < start[item + 1]!; i++) later[terms[i]!] = weights[i]!
    for (let p = prefixStart[item]!; p < prefixStart[item + 1]!; p++) {
      const term = prefixTerms[p]!
      for (let q = termStart[term]!; q < termStart[term + 1]! && byTerm[q]! < item; q++) {
        const other = byTerm[q]!
        if (lastSeenBy[other] === item) continue
        lastSeenBy[other] = item
        if (!admit(other, item)) continue
        let cosine = 0
        for (let i = start[other]!; i < start[other + 1]!; i++) cosine += weights[i]! * later[terms[i]!]!
        if (cosine >= threshold) pairs.push([other, item, cosine])
      }
    }
    for (let i = start[item]!; i < start[item + 1]!; i++) later[terms[i]!] = 0
  }
  return pairs
}

/** The cosine of a's and b's names and numbers alone is `threshold` or more, or one has none. */
function namesAgree(vectors: LeadVectors, a: number, b: number, threshold: number): boolean {
  const {start, terms, weights, named, namedNorm} = vectors
  if (namedNorm[a] === 0 || namedNorm[b] === 0) return true
  let names = 0
  for (let i = start[a]!, j = start[b]!; i < start[a + 1]! && j < start[b + 1]!; ) {
    if (terms[i]! < terms[j]!) i++
    else if (terms[i]! > terms[j]!) j++
    else {
      if (named[terms[i]!]) names += weights[i]! * weights[j]!
      i++, j++
    }
  }
  return names >= threshold * namedNorm[a]! * namedNorm[b]!
}

/**
 * The two headlines share a name and a word that is not one: who and what. Two providers' headlines
 * on one event name its actor and its act (`N. Korea slams US for raising alleged arms supply to
 * Russia`, `N.Korea denies arms dealings with Russia`); two events of one actor on one day share the
 * actor alone (`North Korea Again Denies US Charges of Selling Arms to Russia`, `North Korea:
 * Missile tests were practice to attack South, US`).
 */
function headlinesShareNews(vectors: LeadVectors, a: number, b: number): boolean {
  let name = false
  let word = false
  for (const term of vectors.headlineTerms[a]!) {
    if (!vectors.headlineTerms[b]!.has(term)) continue
    if (vectors.named[term]) name = true
    else word = true
  }
  return name && word
}
