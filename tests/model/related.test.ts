import {describe, expect, it} from 'vitest'
import {relatedStories} from '../../src/model/related.ts'

const stories = [
  {tags: ['North Korea', 'Russia', 'United States'], date: '2022-11-08'}, // 0
  {tags: ['North Korea', 'Russia'], date: '2022-11-01'}, // 1
  {tags: ['North Korea', 'Russia'], date: '2022-11-07'}, // 2
  {tags: ['United States'], date: '2022-11-08'}, // 3
  {tags: ['United States', 'Canada'], date: null}, // 4
  {tags: ['Ukraine'], date: '2022-11-08'}, // 5
  {tags: ['united states'], date: '2021-01-01'} // 6
]

describe('relatedStories', () => {
  const related = relatedStories(stories)

  it('ranks by shared rare tags, then nearer date, then index, and never the story itself', () => {
    // 1 and 2 share two rarer tags; 2 is nearer in date. 3, 6 and 4 share only the common one.
    expect(related[0]).toEqual([2, 1, 3, 6, 4])
    related.forEach((list, i) => expect(list).not.toContain(i))
  })

  it('weighs a rare shared tag above a common one', () => {
    expect(related[4]?.[0]).toBe(0)
    // Equal scores: same day first, then 2021, then the undated story.
    expect(related[3]).toEqual([0, 6, 4])
  })

  it('gives a story with no shared tag no related stories', () => {
    expect(related[5]).toEqual([])
  })

  it('honours max and is deterministic', () => {
    expect(relatedStories(stories, 2)[0]).toEqual([2, 1])
    expect(relatedStories(stories)).toEqual(related)
    expect(relatedStories(stories, 0)[0]).toEqual([])
  })

  it('handles an empty site and a tag every story has', () => {
    expect(relatedStories([])).toEqual([])
    expect(relatedStories([{tags: ['A'], date: null}, {tags: ['A'], date: null}])).toEqual([[1], [0]])
  })

  it('looks among the 500 nearest stories sharing the rarest tag when every tag is on more', () => {
    // `all` is on 2,000 stories, `even` on 1,000: story 1000 shares both with every even story,
    // which tie, so the lowest indices would win if every one of them were a candidate.
    const big = Array.from({length: 2000}, (_, i) => ({tags: i % 2 === 0 ? ['all', 'even'] : ['all'], date: null}))
    const related = relatedStories(big)[1000]!
    expect(related).toHaveLength(5)
    expect(related.every((j) => j % 2 === 0 && j >= 500 && j <= 1500)).toBe(true)
    expect(related).toEqual([...related].sort((a, b) => a - b))
  })

  it('stays within max for a large site', () => {
    const many = Array.from({length: 3000}, (_, i) => ({tags: [`t${i % 7}`, `u${i % 13}`, 'all'], date: null}))
    const result = relatedStories(many)
    expect(result.every((list, i) => list.length === 5 && !list.includes(i))).toBe(true)
    expect(result[0]?.every((j) => j % 7 === 0 && j % 13 === 0)).toBe(true)
  })
})

/**
 * The rule of relatedStories written plainly, a story at a time with a Map: candidates from the
 * walked tags' postings (or the 500 nearest on the rarest tag), scores added up tag by tag in the
 * story's order, then every candidate sorted.
 */
function plainRelated(stories: ReadonlyArray<{tags: string[]; date: string | null}>, max = 5): number[][] {
  const tagsOf = stories.map((story) => [...new Set(story.tags.map((tag) => tag.toLowerCase()))])
  const postings = new Map<string, number[]>()
  tagsOf.forEach((tags, i) => tags.forEach((tag) => postings.set(tag, [...(postings.get(tag) ?? []), i])))
  const weight = (tag: string) => Math.log(1 + stories.length / postings.get(tag)!.length)
  const day = (date: string | null) => (date === null ? null : Date.parse(`${date}T00:00:00Z`) / 86_400_000)
  const distance = (a: string | null, b: string | null) => (day(a) === null || day(b) === null ? Number.MAX_SAFE_INTEGER : Math.abs(day(a)! - day(b)!))
  return tagsOf.map((tags, self) => {
    const small = tags.filter((tag) => postings.get(tag)!.length <= 500)
    const rarest = [...tags].sort((a, b) => postings.get(a)!.length - postings.get(b)!.length || (a < b ? -1 : 1))[0]
    const walked = small.length > 0 ? small : rarest === undefined ? [] : [rarest]
    const scores = new Map<number, number>()
    for (const tag of walked) {
      let list = postings.get(tag)!
      if (list.length > 500) {
        const at = list.indexOf(self)
        const start = Math.max(0, Math.min(at - 250, list.length - 500))
        list = list.slice(start, start + 500)
      }
      for (const other of list) if (other !== self) scores.set(other, (scores.get(other) ?? 0) + weight(tag))
    }
    const unwalked = tags.filter((tag) => !walked.includes(tag))
    const ranked = [...scores].map(([other, score]) => {
      for (const tag of unwalked) if (tagsOf[other]!.includes(tag)) score += weight(tag)
      return {other, score, distance: distance(stories[self]!.date, stories[other]!.date)}
    })
    ranked.sort((a, b) => b.score - a.score || a.distance - b.distance || a.other - b.other)
    return ranked.slice(0, max).map(({other}) => other)
  })
}

describe('relatedStories against the plain rule', () => {
  // A seeded site: tags drawn with a skew, so that some are on over 500 stories (scored but not
  // walked) and some stories have only such tags; dates over a year, some missing.
  let seed = 42
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const site = Array.from({length: 3000}, () => ({
    tags: Array.from({length: 1 + Math.floor(random() * 5)}, () => `Tag ${Math.floor(400 * random() ** 3)}`),
    date: random() < 0.05 ? null : new Date(Date.UTC(2022, 0, 1 + Math.floor(random() * 365))).toISOString().slice(0, 10)
  }))

  it('gives the same stories in the same order, for every story', () => {
    const counts = new Map<string, number>()
    for (const story of site) for (const tag of new Set(story.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    // The site does reach the paths it is meant to test.
    expect([...counts.values()].some((n) => n > 500)).toBe(true)
    expect(site.some((story) => story.tags.every((tag) => counts.get(tag)! > 500))).toBe(true)
    expect(relatedStories(site)).toEqual(plainRelated(site))
    expect(relatedStories(site, 2)).toEqual(plainRelated(site, 2))
  })
})
