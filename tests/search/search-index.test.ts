// The search index's postings, read back from the files it writes, say of every story exactly what
// its own terms say (`storyTermWeights`), in story order: over the seed and the sample corpus, and for
// a story whose weights reach the cap. Then the files' layout (a result file a story, shards cut to
// a size and named after what their terms begin with), the rule that cuts them (`groupShards`), and
// the postings' strings, read back by the build and by the reader's script.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import type {Article} from '../../src/model/types.ts'
import type {SiteWithBodies} from '../../src/model/site.ts'
import {SHARD_BYTES, SHARD_PREFIX, docIds, groupShards, head, searchIndexFiles, searchText, searchTokens, storyTermWeights} from '../../src/search/index.ts'
import {decodePostings, encodedLength, encodePostings} from '../../src/search/postings.ts'
import {postings as clientPostings} from '../../templates/assets/search-engine.js'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

/** Each story's terms and weights, as the index's shards give them, by the story's site index. */
function weightsFromIndex({site, bodies}: SiteWithBodies, shardBytes = SHARD_BYTES): Map<number, Map<string, number>> {
  const byStory = new Map<number, Map<string, number>>()
  const indexOf = new Map([...docIds(site.stories)].map((id, index) => [id, index]))
  for (const file of searchIndexFiles(site, bodies, {shardBytes})) {
    if (!file.path.startsWith('search/terms/')) continue
    const content = file.render()
    const text = typeof content === 'string' ? content : new TextDecoder('utf-8', {fatal: true}).decode(content)
    const flat = JSON.parse(text) as string[]
    for (let t = 0; t < flat.length; t += 2) {
      const term = flat[t]!
      const list = decodePostings(flat[t + 1]!)
      for (let i = 0; i < list.length; i += 2) {
        if (i > 0) expect(list[i]!, `${term}: postings in id order`).toBeGreaterThan(list[i - 2]!)
        const story = indexOf.get(list[i]!)!
        const terms = byStory.get(story) ?? new Map<string, number>()
        terms.set(term, list[i + 1]!)
        byStory.set(story, terms)
      }
    }
  }
  return byStory
}

describe('searchIndexFiles', () => {
  it('gives every story of the seed and the sample corpus exactly its own terms and weights', () => {
    const built = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
    const {site, bodies} = built
    const fromIndex = weightsFromIndex(built)
    expect(site.stories.length).toBeGreaterThan(500)
    for (const story of site.stories) expect(fromIndex.get(story.index), story.source).toEqual(storyTermWeights(searchText(story, bodies.paragraphs(story.index))))
    // Cut into shards of a few hundred bytes, split and split again, it says the same.
    expect(weightsFromIndex(built, 300)).toEqual(fromIndex)
  })

  it('caps a weight at 255 without touching the stories beside it', () => {
    const seed = parseFile(seedFile, 'seed.txt')
    const shouting: Article = {...seed, source: 'shouting.txt', headline: 'Pyongyang again', paragraphs: [...seed.paragraphs, 'pyongyang '.repeat(400).trim()]}
    const built = buildSite([seed, shouting, ...sampleArticles().slice(0, 20)], defaultConfig)
    const {site, bodies} = built
    const fromIndex = weightsFromIndex(built)
    const loud = site.stories.find((story) => story.source === 'shouting.txt')!
    expect(fromIndex.get(loud.index)!.get('pyongyang')).toBe(255)
    for (const story of site.stories) expect(fromIndex.get(story.index), story.source).toEqual(storyTermWeights(searchText(story, bodies.paragraphs(story.index))))
  })
})

describe('the index files', () => {
  const {site, bodies} = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
  const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content))
  const indexFiles = (shardBytes: number) => new Map([...searchIndexFiles(site, bodies, {shardBytes})].map((file) => [file.path, text(file.render())]))
  type Meta = {stories: number; docs: number; shardBytes: number; groups: string; split: Record<string, string>}
  const metaOf = (files: Map<string, string>) => JSON.parse(files.get('search/meta.json')!) as Meta

  it('give each story a small file of what its result shows', () => {
    const files = indexFiles(SHARD_BYTES)
    const meta = metaOf(files)
    expect(meta.stories).toBe(site.stories.length)
    const docs = [...files.keys()].filter((path) => path.startsWith('search/docs/'))
    expect(docs.length).toBe(site.stories.length)
    const ids = docIds(site.stories)
    expect([...ids].sort((a, b) => a - b)).toEqual(site.stories.map((_, i) => i))
    for (const [i, story] of site.stories.entries()) {
      const id = ids[i]!
      const doc = JSON.parse(files.get(`search/docs/${Math.floor(id / meta.docs)}/${id}.json`)!) as unknown[]
      expect(doc.slice(0, 3)).toEqual([story.url, story.headline, story.date])
      expect(doc[4]).toBe(story.excerpt)
    }
  })

  it.each([SHARD_BYTES, 300])('cut shards of at most %i bytes unless terms no split parts, each named after what its terms begin with', (limit) => {
    const files = indexFiles(limit)
    const meta = metaOf(files)
    expect(meta.shardBytes).toBe(limit)
    const chars = Array.from(meta.groups)
    const groups = new Set(Array.from({length: chars.length / SHARD_PREFIX}, (_, i) => chars.slice(i * SHARD_PREFIX, (i + 1) * SHARD_PREFIX).join('')))
    const shards = new Set<string>()
    for (const [path, content] of files) {
      if (!path.startsWith('search/terms/')) continue
      const flat = JSON.parse(content) as string[]
      const node = String.fromCodePoint(...path.slice('search/terms/'.length, -'.json'.length).split('-').map((hex) => parseInt(hex, 16)))
      shards.add(node)
      const terms = flat.filter((_, i) => i % 2 === 0)
      if (!terms.every((term) => terms.at(-1)!.startsWith(term))) expect(new TextEncoder().encode(content).length, path).toBeLessThanOrEqual(limit)
      expect(groups.has(head(node)), path).toBe(true)
      for (const [t, term] of terms.entries()) {
        // A term shorter than its shard's name begins it: a split sends it to its first part.
        expect(term.startsWith(node) || node.startsWith(term), `${term} in ${path}`).toBe(true)
        if (t > 0) expect(term > terms[t - 1]!).toBe(true)
      }
    }
    // meta.json's splits name exactly the shards there are.
    const leaves = (node: string): string[] => (Object.hasOwn(meta.split, node) ? Array.from(meta.split[node]!).flatMap((char) => leaves(node + char)) : [node])
    expect([...groups].flatMap(leaves).sort()).toEqual([...shards].sort())
    if (limit === 300) expect(Object.keys(meta.split).some((node) => Array.from(node).length > SHARD_PREFIX + 1)).toBe(true)
  })
})

describe('groupShards', () => {
  const terms = ['sa', 'sab', 'sal', 'sala', 'salad', 'sale', 'sales', 'salt', 'say', 'says', 'sazzz']
  const shardsOf = (limit: number, size = (_: number) => 10) => groupShards('sa', terms, 0, terms.length, size, limit)
  const named = (shards: Array<{name: string; from: number; to: number}>) => shards.map((shard) => [shard.name, terms.slice(shard.from, shard.to)])

  it('keeps a group that fits in one shard', () => {
    expect(shardsOf(1000)).toEqual({shards: [{name: 'sa', from: 0, to: terms.length}], split: []})
  })

  it('splits by the next character as long as a part is too large, shorter terms going with the first part', () => {
    // Each term takes 10 bytes and a comma; a shard's brackets two more: three terms make 34 bytes.
    expect(named(shardsOf(34).shards)).toEqual([
      ['sab', ['sa', 'sab']],
      ['sala', ['sal', 'sala', 'salad']],
      ['sale', ['sale', 'sales']],
      ['salt', ['salt']],
      ['say', ['say', 'says']],
      ['saz', ['sazzz']]
    ])
    expect(shardsOf(34).split).toEqual([
      ['sa', 'blyz'],
      ['sal', 'aet']
    ])
    // Down to single terms, or terms that each begin the next, which no split parts.
    expect(shardsOf(5)).toEqual(shardsOf(34))
    expect(groupShards('sa', ['say', 'says', 'saysx'], 0, 3, () => 10, 5)).toEqual({shards: [{name: 'sa', from: 0, to: 3}], split: []})
  })

  it('counts characters, not UTF-16 units', () => {
    const wide = ['𠀀𠀁', '𠀀𠀁𠀂', '𠀀𠀁𠀃']
    const {shards, split} = groupShards('𠀀𠀁', wide, 0, wide.length, () => 10, 30)
    expect(split).toEqual([['𠀀𠀁', '𠀂𠀃']])
    expect(shards.map((shard) => shard.name)).toEqual(['𠀀𠀁𠀂', '𠀀𠀁𠀃'])
  })
})

describe('postings strings', () => {
  const postings = fc
    .uniqueArray(fc.integer({min: 0, max: 200_000}), {minLength: 1, maxLength: 300})
    .chain((stories) =>
      fc.tuple(
        fc.constant(stories.sort((a, b) => a - b)),
        fc.array(fc.oneof(fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 255}), fc.integer({min: 256, max: 100_000})), {
          minLength: stories.length,
          maxLength: stories.length
        })
      )
    )
    .map(([stories, weights]) => stories.flatMap((story, i) => [story, weights[i]!]))

  it('give back the postings, in the build and in the reader\'s script, in the length planned, in URL-safe base64 characters', () => {
    fc.assert(
      fc.property(postings, (list) => {
        const text = encodePostings(list)
        expect(text).toMatch(/^[A-Za-z0-9_-]+$/)
        expect(text.length).toBe(encodedLength(list))
        expect(decodePostings(text)).toEqual(list)
        expect(clientPostings(text)).toEqual(list)
      }),
      {numRuns: 500}
    )
  })

  it('take a few bits a posting: one a story for a term in every story with one weight', () => {
    const every = Array.from({length: 10_000}, (_, story) => [story, 1]).flat()
    expect(encodePostings(every).length).toBeLessThan(10_000 / 6 + 10)
    expect(decodePostings(encodePostings(every))).toEqual(every)
    const edges = [[0, 1], [0, 255], [2 ** 31 - 1, 7], [0, 1, 2 ** 31 - 1, 2]]
    for (const list of edges) expect(clientPostings(encodePostings(list)), JSON.stringify(list)).toEqual(list)
  })

  it('refuse postings out of order or out of range', () => {
    expect(() => encodePostings([])).toThrow()
    expect(() => encodePostings([3, 1, 3, 1])).toThrow()
    expect(() => encodePostings([5, 1, 2, 1])).toThrow()
    expect(() => encodePostings([2 ** 31, 1])).toThrow()
    expect(() => encodePostings([1, 0])).toThrow()
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
