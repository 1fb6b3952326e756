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

/** result[i]: up to `max` other story indices, best first: score, then nearer date, then index. */
export function relatedStories(stories: readonly Tagged[], max = 5): number[][] {
  const tagSets = stories.map((story) => [...new Set(story.tags.map((tag) => tag.toLowerCase()))])
  const postings = new Map<string, number[]>()
  tagSets.forEach((tags, index) => {
    for (const tag of tags) {
      const list = postings.get(tag)
      if (list === undefined) postings.set(tag, [index])
      else list.push(index)
    }
  })
  const weight = new Map<string, number>()
  for (const [tag, list] of postings) weight.set(tag, Math.log(1 + stories.length / list.length))
  const days = stories.map((story) => dayNumber(story.date))
  const tagSetOf = tagSets.map((tags) => new Set(tags))
  // One score array reused for every story, with the list of slots it touched: a Map per story
  // costs seconds at 10,000 stories.
  const scores = new Float64Array(stories.length)
  const touched: number[] = []
  return tagSets.map((tags, self) => {
    const expandable = tags.filter((tag) => (postings.get(tag)?.length ?? 0) <= EXPANSION_LIMIT)
    const walked = expandable.length > 0 ? expandable : rarest(tags, postings)
    for (const tag of walked) {
      const w = weight.get(tag) ?? 0
      const list = postings.get(tag) ?? []
      const [start, end] = list.length <= EXPANSION_LIMIT ? [0, list.length] : around(list, self, EXPANSION_LIMIT)
      for (let k = start; k < end; k++) {
        const other = list[k]!
        if (other === self) continue
        if (scores[other] === 0) touched.push(other)
        scores[other]! += w
      }
    }
    const unwalked = tags.filter((tag) => !walked.includes(tag))
    const day = days[self] ?? null
    const best: Array<{other: number; score: number; distance: number}> = []
    for (const other of touched) {
      let score = scores[other]!
      scores[other] = 0
      for (const tag of unwalked) if (tagSetOf[other]!.has(tag)) score += weight.get(tag) ?? 0
      insertBest(best, {other, score, distance: distanceInDays(day, days[other] ?? null)}, max)
    }
    touched.length = 0
    return best.map(({other}) => other)
  })
}

type Candidate = {other: number; score: number; distance: number}

function better(a: Candidate, b: Candidate): boolean {
  return a.score !== b.score ? a.score > b.score : a.distance !== b.distance ? a.distance < b.distance : a.other < b.other
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

/** [start, end) of the `size` entries of the ascending `list` nearest to `value`, which it holds. */
function around(list: readonly number[], value: number, size: number): [number, number] {
  let low = 0
  let high = list.length - 1
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  const start = Math.max(0, Math.min(low - (size >> 1), list.length - size))
  return [start, start + size]
}

function rarest(tags: readonly string[], postings: ReadonlyMap<string, number[]>): string[] {
  const sorted = [...tags].sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0) || (a < b ? -1 : 1))
  return sorted.slice(0, 1)
}

function dayNumber(date: string | null): number | null {
  const match = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (match === null) return null
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000
}

/** Undated stories are farther than any dated one. */
function distanceInDays(a: number | null, b: number | null): number {
  return a === null || b === null ? Number.MAX_SAFE_INTEGER : Math.abs(a - b)
}
