// The search index brought up to date from the last build's (search/delta.ts) gives exactly the files
// that making it anew gives: after stories added on a new newest day, the newest removed, a headline
// or a body corrected; and it declines (null) when a story that stays would change its number.
import {describe, expect, it} from 'vitest'
import {defaultConfig} from '../../src/model/config.ts'
import {buildSite} from '../../src/model/site.ts'
import type {Article, Site} from '../../src/model/types.ts'
import {searchDelta, searchDigest, type LastSite} from '../../src/search/delta.ts'
import {sampleArticles} from '../model/story-files.ts'
import {indexFiles, read} from './search-patch-fixture.ts'

/** The sample corpus's first 240 stories, dated over 40 days of 2023 (it has no dates of its own). */
const base: Article[] = sampleArticles()
  .slice(0, 240)
  .map((article, i) => ({...article, date: `2023-03-${String(1 + (i % 28)).padStart(2, '0')}`}))
const spare = sampleArticles().slice(240, 250)

function lastOf(site: Site, bodies: ReadonlyMap<string, readonly string[]> = new Map()): LastSite {
  return {
    sources: site.stories.map((story) => story.source),
    dates: site.stories.map((story) => story.date),
    digests: site.stories.map(searchDigest),
    story: (index) => site.stories[index]!,
    bodies
  }
}

/** The files the delta from `before` to `after` turns the old index into, and the index made anew. */
function both(before: Article[], after: Article[], changedBodies: ReadonlyMap<string, readonly string[]> = new Map()) {
  const old = buildSite(before, defaultConfig)
  const next = buildSite(after, defaultConfig)
  const files = indexFiles(old)
  const delta = searchDelta(next.site.stories, next.bodies, next.site.stories.map(searchDigest), lastOf(old.site, changedBodies), read(files))
  const patched = delta === null ? null : new Map(files)
  if (delta !== null && patched !== null) {
    for (const file of delta.write) patched.set(file.path, file.content as string)
    for (const file of delta.remove) patched.delete(file)
  }
  return {delta, patched, anew: indexFiles(next), before: files}
}

describe('searchDelta', () => {
  it('adds a new day of stories, and writes only their results, meta.json and the shards of their terms', () => {
    const fresh = spare.slice(0, 3).map((article) => ({...article, date: '2023-04-02'}))
    const {delta, patched, anew, before} = both(base, [...base, ...fresh])
    expect(delta).not.toBeNull()
    expect(patched).toEqual(anew)
    const changed = [...anew].filter(([file, text]) => before.get(file) !== text).map(([file]) => file)
    expect(delta!.write.map((file) => file.path)).toEqual(changed.sort())
    expect(changed.filter((file) => file.startsWith('search/docs/'))).toHaveLength(3)
  })

  it('removes the newest story', () => {
    const newest = {...spare[0]!, date: '2023-04-02'}
    const {delta, patched, anew} = both([...base, newest], base, new Map([[newest.source, newest.paragraphs]]))
    expect(delta).not.toBeNull()
    expect(patched).toEqual(anew)
    expect(delta!.remove).toContain('search/docs/0/240.json')
  })

  it('corrects a headline, and a body whose last text it is told', () => {
    const headline = base.map((article, i) => (i === 17 ? {...article, headline: `${article.headline}, corrected`} : article))
    const headlineCase = both(base, headline)
    expect(headlineCase.delta).not.toBeNull()
    expect(headlineCase.patched).toEqual(headlineCase.anew)

    const edited = base[30]!
    const body = base.map((article, i) => (i === 30 ? {...article, paragraphs: [...article.paragraphs, 'Quokkas were seen in the quarry on Tuesday.']} : article))
    const bodyCase = both(base, body, new Map([[edited.source, edited.paragraphs]]))
    expect(bodyCase.delta).not.toBeNull()
    expect(bodyCase.patched).toEqual(bodyCase.anew)
  })

  it('declines a story added to an earlier day, which moves every newer story’s number', () => {
    const old = {...spare[1]!, date: '2023-03-02'}
    expect(both(base, [...base, old]).delta).toBeNull()
  })

  it('declines when the last build’s postings are not what it says they were', () => {
    const edited = base[30]!
    const body = base.map((article, i) => (i === 30 ? {...article, paragraphs: ['Something else entirely, about quokkas.']} : article))
    // Told the wrong last body: the postings it would take out are not there.
    expect(both(base, body, new Map([[edited.source, ['Words this story never had: zebras, xylophones.']]])).delta).toBeNull()
  })
})
