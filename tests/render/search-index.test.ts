// The search index's postings, read back from the files it writes, say of every story exactly what
// its own terms say (`storyTermWeights`), in story order: over the seed and the sample corpus, and for
// a story whose weights reach the cap.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import type {Article, Site} from '../../src/model/types.ts'
import {searchIndexFiles, searchTokens, shardBytes, shardTerms, shardText, storyTermWeights, type TermPostings} from '../../src/render/search-index.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

/** Each story's terms and weights, as the index's shards give them. */
function weightsFromIndex(site: Site): Map<number, Map<string, number>> {
  const byStory = new Map<number, Map<string, number>>()
  for (const file of searchIndexFiles(site)) {
    if (!file.path.startsWith('search/terms/')) continue
    const content = file.render()
    const text = typeof content === 'string' ? content : new TextDecoder('utf-8', {fatal: true}).decode(content)
    for (const [term, list] of Object.entries(JSON.parse(text) as Record<string, number[]>)) {
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
  it('gives every story of the seed and the sample corpus exactly its own terms and weights', () => {
    const site = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
    const fromIndex = weightsFromIndex(site)
    expect(site.stories.length).toBeGreaterThan(500)
    for (const story of site.stories) expect(fromIndex.get(story.index), story.source).toEqual(storyTermWeights(story))
  })

  it('caps a weight at 255 without touching the stories beside it', () => {
    const seed = parseFile(seedFile, 'seed.txt')
    const shouting: Article = {...seed, source: 'shouting.txt', headline: 'Pyongyang again', paragraphs: [...seed.paragraphs, 'pyongyang '.repeat(400).trim()]}
    const site = buildSite([seed, shouting, ...sampleArticles().slice(0, 20)], defaultConfig)
    const fromIndex = weightsFromIndex(site)
    const loud = site.stories.find((story) => story.source === 'shouting.txt')!
    expect(fromIndex.get(loud.index)!.get('pyongyang')).toBe(255)
    for (const story of site.stories) expect(fromIndex.get(story.index), story.source).toEqual(storyTermWeights(story))
  })
})

describe('shardBytes', () => {
  const bytesOf = (text: string) => new TextEncoder().encode(text)

  it('gives the bytes of shardText, keys that are array indices first as JSON.stringify orders them', () => {
    const terms: TermPostings[] = [
      ['007', [3, 1]],
      ['10', [0, 255, 4294967, 2]],
      ['2022', [1, 1, 22, 5]],
      ['4294967295', [9, 9]],
      ['9', []],
      ['über', [12, 3]],
      ['zoë', [100000, 17]],
      // No term of searchTokens needs escaping; shardBytes still writes what JSON.stringify writes.
      ['say "hi"\\', [5, 1]],
      ['lone\ud800', [6, 2]],
      ['𠀀陆', [7, 3]]
    ]
    const source = shardTerms(terms)
    expect(new TextDecoder().decode(shardBytes(source, 0, terms.length))).toBe(shardText(terms))
    expect(shardBytes(source, 0, terms.length)).toEqual(bytesOf(shardText(terms)))
    expect(shardText(terms).startsWith('{"9":[],"10":')).toBe(true)
    expect(shardBytes(source, 2, 5)).toEqual(bytesOf(shardText(terms.slice(2, 5))))
    expect(shardBytes(shardTerms([]), 0, 0)).toEqual(bytesOf('{}'))
  })

  it('gives every shard of the seed and sample-corpus index as shardText would', () => {
    const site = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
    let shards = 0
    for (const file of searchIndexFiles(site)) {
      if (!file.path.startsWith('search/terms/')) continue
      const bytes = file.render() as Uint8Array
      const terms = Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, number[]>)
      expect(bytes, file.path).toEqual(bytesOf(shardText(terms)))
      shards++
    }
    expect(shards).toBeGreaterThan(200)
  })
})

describe('searchTokens', () => {
  /** The rule for any text: accents folded, then runs of letters and digits, lower-cased. */
  const folded = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []

  it('splits ASCII with curly quotes, dashes, an ellipsis and a no-break space as it splits any text', () => {
    const unit = fc.constantFrom('a', 'B', 'z', '7', '0', ' ', '.', "'", '-', '‘', '’', '“', '”', '–', '—', '…', '\u00a0', 'é', 'ﬁ', '½', '™')
    fc.assert(
      fc.property(fc.string({unit, maxLength: 30}), (text) => {
        expect(searchTokens(text)).toEqual(folded(text))
      }),
      {numRuns: 3000}
    )
    expect(searchTokens('“Don’t stop…” — Zoë’s café ½ ™')).toEqual(folded('“Don’t stop…” — Zoë’s café ½ ™'))
    expect(searchTokens('“Don’t stop…” — it’s 2004')).toEqual(['don', 'stop', 'it', '2004'])
  })
})
