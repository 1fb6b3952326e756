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
