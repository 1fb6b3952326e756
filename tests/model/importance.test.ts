import {describe, expect, it} from 'vitest'
import {importance} from '../../src/model/importance.ts'
import {buildSite} from '../../src/model/site.ts'
import {article} from './story-files.ts'
import {testConfig} from '../render/site-fixture.ts'

describe('importance', () => {
  it('adds coverage, links from teasers, comments and length as the README says', () => {
    expect(importance({alsoReported: 0, linkedFrom: 0, commentCount: null, readingMinutes: 4})).toBe(1)
    expect(importance({alsoReported: 2, linkedFrom: 1, commentCount: 3, readingMinutes: 20})).toBe(6 + 2 + 2 + 2)
  })
})

describe('the site order', () => {
  const story = (source: string, headline: string, date: string | null, extra: Partial<ReturnType<typeof article>> = {}) => ({...article(headline, ['Text.']), source, date, ...extra})

  it('puts the most important story of a day first, ties by file, never by headline', () => {
    const {site} = buildSite(
      [
        story('c.txt', 'Aardvarks escape', '2024-03-05'),
        story('b.txt', 'Zoo opens', '2024-03-05', {commentCount: 120}),
        story('a.txt', 'Budget day', '2024-03-05'),
        story('d.txt', 'Older news', '2024-03-04', {commentCount: 5000}),
        story('e.txt', 'Linked story', '2024-03-04', {recommended: []}),
        story('f.txt', 'Teaser holder', '2024-03-04', {recommended: [{title: 'Linked story', summary: '', source: null}]})
      ],
      testConfig
    )
    expect(site.stories.map((s) => s.headline)).toEqual(['Zoo opens', 'Budget day', 'Aardvarks escape', 'Older news', 'Linked story', 'Teaser holder'])
    // Older and Newer follow the same publication order.
    expect(site.stories[1]!.newer).toBe(0)
    expect(site.stories[1]!.older).toBe(2)
  })

  it('orders undated stories by importance too, after the dated', () => {
    const {site} = buildSite([story('a.txt', 'A', null), story('b.txt', 'B', null, {readingMinutes: 9}), story('c.txt', 'C', '2020-01-01')], testConfig)
    expect(site.stories.map((s) => s.headline)).toEqual(['C', 'B', 'A'])
  })
})
