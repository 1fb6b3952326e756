// Teaser titles → the headlines we hold. Scraped teasers retype headlines: other quotes and
// dashes, `N.Korea` for `N. Korea`, a ` - FT` source suffix, a letter or two changed.

/**
 * Normalised similarity (1 - edit distance / longer length) a teaser needs to match a headline.
 * Measured on the 1,230 distinct normalised BBC headlines (17-60 characters, median 31) and the
 * seed's 20 teasers:
 * - random character edits of each headline score at least 0.950 (1 edit), 0.895 (2 edits;
 *   1st percentile 0.913), 0.842 (3 edits; 1st percentile 0.870);
 * - the closest pairs of *different* headlines score 0.906 (`bank opts/set to leave rates on
 *   hold`), 0.879, 0.875, 0.844; 99% of headlines have no other above 0.788;
 * - no seed teaser scores above 0.476 against any BBC headline.
 * Typos and different stories overlap above 0.85, so characters alone cannot decide: the
 * threshold admits up to ~2 edits in a short headline and sameWordsBarTypos() rejects changed
 * words. Result: a typo in the longest word of each headline matches 1,230 of 1,230, upper-cased
 * variants with a ` - Reuters` suffix and a typo in every third word 1,121 of 1,329 (the rest
 * are the 98 headlines the corpus holds twice, ambiguous by design, and edited two-letter
 * words like `us`→`xs`), with no wrong match; no seed teaser matches a BBC headline.
 */
export const MATCH_THRESHOLD = 0.85
/** Two headlines this close to each other in score make a teaser ambiguous. */
const AMBIGUITY_MARGIN = 0.02

export function createTitleMatcher(headlines: readonly string[]): (title: string) => number | null {
  const normal = headlines.map(normaliseTitle)
  const exact = new Map<string, number[]>()
  const postings = new Map<string, number[]>()
  normal.forEach((text, index) => {
    exact.set(text, [...(exact.get(text) ?? []), index])
    for (const token of new Set(text.split(' '))) {
      if (token === '') continue
      const list = postings.get(token)
      if (list === undefined) postings.set(token, [index])
      else list.push(index)
    }
  })
  // Words in more headlines than this (`to`, `in`, `uk`) are too common to find candidates by:
  // their postings would cost more to walk than they filter.
  const commonLimit = Math.max(2, Math.ceil(Math.sqrt(headlines.length)))
  const shared = new Uint32Array(headlines.length)
  // Only a headline of as many words can pass sameWordsBarTypos: counted once, that rules out most
  // candidates before any string is split (at 100,000 stories, most of 3 s).
  const wordCounts = Uint16Array.from(normal, (text) => Math.min(wordCount(text), 0xffff))
  return (title) => {
    const text = normaliseTitle(title)
    if (text === '') return null
    const same = exact.get(text)
    if (same !== undefined) return same.length === 1 ? (same[0] ?? null) : null
    const words = text.split(' ')
    const scored = candidatesFor(text, postings, commonLimit, shared)
      .filter((index) => wordCounts[index] === Math.min(words.length, 0xffff) && sameWordsBarTypos(words, normal[index] ?? ''))
      .map((index) => ({index, score: similarity(text, normal[index] ?? '', MATCH_THRESHOLD - AMBIGUITY_MARGIN)}))
      .sort((x, y) => y.score - x.score || x.index - y.index)
    const [best, second] = scored
    if (best === undefined || best.score < MATCH_THRESHOLD) return null
    if (second !== undefined && second.score >= best.score - AMBIGUITY_MARGIN) return null
    return (exact.get(normal[best.index] ?? '')?.length ?? 0) === 1 ? best.index : null
  }
}

/**
 * Headlines sharing at least half of the title's distinctive words (those in few headlines, or
 * in none: a misspelt word is in none). Edit distance then runs on a handful, not on thousands.
 * `shared` is all zeros, one counter a headline, and is left so: a Map per title, as this was,
 * took 3 s of a 100,000-story build.
 */
function candidatesFor(text: string, postings: ReadonlyMap<string, number[]>, commonLimit: number, shared: Uint32Array): number[] {
  const touched: number[] = []
  let distinctive = 0
  for (const token of new Set(text.split(' '))) {
    const list = postings.get(token)
    if (list !== undefined && list.length > commonLimit) continue
    distinctive++
    for (const index of list ?? []) if (shared[index]!++ === 0) touched.push(index)
  }
  const needed = Math.max(1, Math.ceil(distinctive / 2))
  const candidates = touched.filter((index) => shared[index]! >= needed)
  for (const index of touched) shared[index] = 0
  return candidates
}

/**
 * A typo changes letters inside words; a different story changes words (`Bank opts to leave
 * rates on hold` / `Bank set to...`, 0.91 similar). Words that differ must pair up in order,
 * each within 2 edits and a third of its length.
 */
function sameWordsBarTypos(left: readonly string[], b: string): boolean {
  const right = b.split(' ')
  if (left.length !== right.length) return false
  return left.every((word, i) => {
    const other = right[i] ?? ''
    if (word === other) return true
    const distance = boundedLevenshtein(word, other, 2)
    return distance <= 2 && distance * 3 <= Math.max(word.length, other.length)
  })
}

function wordCount(text: string): number {
  let count = 1
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) count++
  return count
}

/** Case, quotes, dashes, dots in abbreviations and a trailing ` - Source` never tell titles apart. */
export function normaliseTitle(title: string): string {
  return stripSourceSuffix(title.normalize('NFKC'))
    .toLowerCase()
    .replace(/[‘’ʼ`´']/g, '')
    .replace(/\b(\p{L})\.(?=\p{L}\.)/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** ` - FT`, ` | Reuters`, ` — The Guardian`: a short capitalised source name after a spaced dash or bar. */
function stripSourceSuffix(title: string): string {
  return title.replace(/\s+[-–—|]\s+(?:The\s+)?(?:[A-Z][\w&.'’]*)(?:\s+[A-Z][\w&.'’]*){0,2}\s*$/u, '')
}

/** 1 - distance / longer length; 0 as soon as the score cannot reach `floor`. */
export function similarity(a: string, b: string, floor = 0): number {
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  const budget = Math.floor((1 - floor) * longer)
  if (Math.abs(a.length - b.length) > budget) return 0
  const distance = boundedLevenshtein(a, b, budget)
  return distance > budget ? 0 : 1 - distance / longer
}

function boundedLevenshtein(a: string, b: string, budget: number): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  let current = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > budget) return budget + 1
    ;[previous, current] = [current, previous]
  }
  return previous[b.length] ?? 0
}
