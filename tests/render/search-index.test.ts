// The search index's postings, read back from the files it writes, say of every story exactly what
// its own terms say (`storyTermWeights`), in story order: over the seed and the BBC corpus, and for
// a story whose weights reach the cap.
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import type {Article, Site} from '../../src/model/types.ts'
import {searchIndexFiles, storyTermWeights} from '../../src/render/search-index.ts'
import {bbcArticles, parseFile, seedFile} from '../model/story-files.ts'

/** Each story's terms and weights, as the index's shards give them. */
function weightsFromIndex(site: Site): Map<number, Map<string, number>> {
  const byStory = new Map<number, Map<string, number>>()
  for (const file of searchIndexFiles(site)) {
    if (!file.path.startsWith('search/terms/')) continue
    for (const [term, list] of Object.entries(JSON.parse(file.render() as string) as Record<string, number[]>)) {
      for (let i = 0; i < list.length; i += 2) {
        if (i > 0) expect(list[i]!, `${term}: postings in story order`).toBeGreaterThan(list[i - 2]!)
        const terms = byStory.get(list[i]!) ?? new Map<string, number>()
        terms.set(term, list[i + 1]!)
        byStory.set(list[i]!, terms)
      }
    }
  }
  return byStory
}

describe('searchIndexFiles', () => {
  it('gives every story of the seed and the BBC corpus exactly its own terms and weights', () => {
    const site = buildSite([parseFile(seedFile, 'seed.txt'), ...bbcArticles()], defaultConfig)
    const fromIndex = weightsFromIndex(site)
    expect(site.stories.length).toBeGreaterThan(1000)
    for (const story of site.stories) expect(fromIndex.get(story.index), story.source).toEqual(storyTermWeights(story))
  })

  it('caps a weight at 255 without touching the stories beside it', () => {
    const seed = parseFile(seedFile, 'seed.txt')
    const shouting: Article = {...seed, source: 'shouting.txt', headline: 'Pyongyang again', paragraphs: [...seed.paragraphs, 'pyongyang '.repeat(400).trim()]}
    const site = buildSite([seed, shouting, ...bbcArticles().slice(0, 20)], defaultConfig)
    const fromIndex = weightsFromIndex(site)
    const loud = site.stories.find((story) => story.source === 'shouting.txt')!
    expect(fromIndex.get(loud.index)!.get('pyongyang')).toBe(255)
    for (const story of site.stories) expect(fromIndex.get(story.index), story.source).toEqual(storyTermWeights(story))
  })
})
