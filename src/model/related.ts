// Related stories: the ones that share the most telling tags. A tag shared by two stories says
// more than one shared by half the site, so each shared tag weighs its inverse document
// frequency, log(1 + N / stories with the tag): always positive, so even a tag every story has
// still relates stories when nothing rarer does.
//
// Candidates come from walking the postings of a story's tags that are on at most
// EXPANSION_LIMIT stories. A story whose every tag is larger looks among the EXPANSION_LIMIT
// stories nearest to it in site order (newest first, so nearest in date) that share its rarest
// tag: walking all of them costs a story time in proportion to the site, and the whole site time
// in proportion to its square (13 s of a 100,000-story build).

interface Tagged {
  tags: readonly string[]
  date: string | null
}

/** Above this many stories, a tag's postings are not walked whole to find candidates (it still scores). */
const EXPANSION_LIMIT = 500

/**
 * Added to the bound below: a score is a sum of weights in one order and its bound in another, and
 * floating-point sums may differ in the last bits. Far below any weight's size (log 2 at least).
 */
const ROUNDING = 1e-9

/** result[i]: up to `max` other story indices, best first: score, then nearer date, then index. */
export function relatedStories(stories: readonly Tagged[], max = 5): number[][] {
  // Tags are numbered in order of first appearance, so that the hot loop below compares numbers,
  // not strings: at 100,000 stories it walks 39 million postings to 33 million candidates.
  const ids = new Map<string, number>()
  const names: string[] = []
  const tagSets = stories.map((story) =>
    [...new Set(story.tags.map((tag) => tag.toLowerCase()))].map((tag) => {
      let id = ids.get(tag)
      if (id === undefined) {
        id = names.length
        ids.set(tag, id)
        names.push(tag)
      }
      return id
    })
  )
  const postings: number[][] = names.map(() => [])
  tagSets.forEach((tags, index) => {
    for (const tag of tags) postings[tag]!.push(index)
  })
  // Every story's tags again, end to end in one array: story i's are tagIds[tagStart[i]..tagStart[i + 1]).
  // Candidates are scattered over the site, and a hundred thousand small arrays scattered over the
  // heap made looking up a candidate's tags most of the time of a 100,000-story site's relations.
  const tagStart = new Uint32Array(stories.length + 1)
  tagSets.forEach((tags, index) => (tagStart[index + 1] = tagStart[index]! + tags.length))
  const tagIds = Uint32Array.from(tagSets.flat())
  const weight = Float64Array.from(postings, (list) => Math.log(1 + stories.length / list.length))
  // Numbers, NaN for undated: a typed array, where numbers and nulls made an array of boxed values.
  const days = Float64Array.from(stories, (story) => dayNumber(story.date) ?? Number.NaN)
  // One score array reused for every story, with the list of slots it touched: a Map per story
  // costs seconds at 10,000 stories.
  const scores = new Float64Array(stories.length)
  const touched: number[] = []
  return tagSets.map((tags, self) => {
    const expandable = tags.filter((tag) => postings[tag]!.length <= EXPANSION_LIMIT)
    const walked = expandable.length > 0 ? expandable : rarest(tags, postings, names)
    // The order candidates are met in does not change the result (isBetter orders them fully), but
    // it decides how many are kept for a while and then pushed out. From the story's own place in
    // each list outwards (site order is by date), the nearest come first, and most of the others
    // that tie with them lose at once: 1.4 million insertions at 100,000 stories instead of 4.7.
    // The tags are still added up in the story's order, so every score is the same number as before.
    for (const tag of walked) {
      const w = weight[tag]!
      const list = postings[tag]!
      const at = positionOf(list, self)
      const [start, end] = list.length <= EXPANSION_LIMIT ? [0, list.length] : around(at, list.length, EXPANSION_LIMIT)
      for (let before = at - 1, after = at + 1; before >= start || after < end; before--, after++) {
        if (before >= start) {
          const other = list[before]!
          if (scores[other] === 0) touched.push(other)
          scores[other]! += w
        }
        if (after < end) {
          const other = list[after]!
          if (scores[other] === 0) touched.push(other)
          scores[other]! += w
        }
      }
    }
    const unwalked = tags.filter((tag) => !walked.includes(tag))
    // The most a candidate's score can gain from the tags not walked: a candidate below the last of
    // a full list by more than that loses, whatever its date, before its tags and date are looked
    // at. At 100,000 stories that is 9 of the 33 million candidates.
    let unwalkedWeight = ROUNDING
    for (const tag of unwalked) unwalkedWeight += weight[tag]!
    const day = days[self]!
    const best: Candidate[] = []
    for (const other of touched) {
      let score = scores[other]!
      scores[other] = 0
      // Most candidates lose to the last of a full list: they are judged without making an object.
      const last = best.length === max ? best[max - 1]! : undefined
      if (last !== undefined && score + unwalkedWeight < last.score) continue
      const to = tagStart[other + 1]!
      for (const tag of unwalked) {
        for (let j = tagStart[other]!; j < to; j++) {
          if (tagIds[j] === tag) {
            score += weight[tag]!
            break
          }
        }
      }
      const distance = distanceInDays(day, days[other]!)
      if (last !== undefined && !isBetter(score, distance, other, last)) continue
      insertBest(best, {other, score, distance}, max)
    }
    touched.length = 0
    return best.map(({other}) => other)
  })
}

type Candidate = {other: number; score: number; distance: number}

function better(a: Candidate, b: Candidate): boolean {
  return isBetter(a.score, a.distance, a.other, b)
}

function isBetter(score: number, distance: number, other: number, b: Candidate): boolean {
  return score !== b.score ? score > b.score : distance !== b.distance ? distance < b.distance : other < b.other
}

/** Keep the `max` best candidates in order, without sorting every candidate. */
function insertBest(best: Candidate[], candidate: Candidate, max: number): void {
  if (max <= 0) return
  if (best.length === max && !better(candidate, best[max - 1]!)) return
  let i = best.length
  while (i > 0 && better(candidate, best[i - 1]!)) i--
  best.splice(i, 0, candidate)
  if (best.length > max) best.pop()
}

/** [start, end) of the `size` positions, of a list `length` long, nearest to position `at`. */
function around(at: number, length: number, size: number): [number, number] {
  const start = Math.max(0, Math.min(at - (size >> 1), length - size))
  return [start, start + size]
}

/** Where the ascending `list` holds `value`. */
function positionOf(list: readonly number[], value: number): number {
  let low = 0
  let high = list.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

function rarest(tags: readonly number[], postings: readonly number[][], names: readonly string[]): number[] {
  const name = (tag: number) => names[tag]!
  const sorted = [...tags].sort((a, b) => postings[a]!.length - postings[b]!.length || (name(a) < name(b) ? -1 : 1))
  return sorted.slice(0, 1)
}

function dayNumber(date: string | null): number | null {
  const match = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (match === null) return null
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000
}

/** Undated stories (NaN) are farther than any dated one. */
function distanceInDays(a: number, b: number): number {
  return Number.isNaN(a) || Number.isNaN(b) ? Number.MAX_SAFE_INTEGER : Math.abs(a - b)
}
