// The reader's search script over an index whose groups are split, and split again (shards of a few
// hundred bytes over the sample corpus): it asks for the one shard a word can be in, or for a prefix
// the shards of the words it begins, and finds what the stories' own terms say it should.
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {STOP_WORDS, docIds, searchIndexFiles, searchText, storyTermWeights} from '../../src/search/index.ts'
import {createSearch} from '../../templates/assets/search-engine.js'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'

const {site, bodies} = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
const files = new Map([...searchIndexFiles(site, bodies, {shardBytes: 200})].map((file) => [file.path, file.render()]))
const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content))
const weights = site.stories.map((story) => storyTermWeights(searchText(story, bodies.paragraphs(story.index))))
const allTerms = [...new Set(weights.flatMap((terms) => [...terms.keys()]))].sort()

/** Which shard holds each term. */
const shardOf = new Map<string, string>()
for (const [path, content] of files) {
  if (!path.startsWith('search/terms/')) continue
  const flat = JSON.parse(text(content)) as string[]
  for (let t = 0; t < flat.length; t += 2) shardOf.set(flat[t]!, path)
}

/** A reader's first query: the stories found, and the shards asked for. */
async function ask(query: string): Promise<{ids: number[]; shards: string[]}> {
  const asked: string[] = []
  const search = createSearch(new URL('https://example.org/'), async (url: string) => {
    const path = new URL(url).pathname.slice(1)
    asked.push(path)
    const content = files.get(path)
    if (content === undefined) throw new Error(`no file ${path}`)
    return JSON.parse(text(content))
  })
  const {results} = (await search(query)) as {results: Array<{id: number}>}
  return {ids: results.map((result) => result.id).sort((a, b) => a - b), shards: asked.filter((path) => path.startsWith('search/terms/')).sort()}
}

const docIdOf = docIds(site.stories)

/** The result ids (`docIds`) of the stories that have `word` (or, as a prefix, a word it begins), from their own terms. */
function having(word: string, asPrefix: boolean): number[] {
  const ids = weights.flatMap((terms, index) => ([...terms.keys()].some((term) => term === word || (asPrefix && term.startsWith(word))) ? [docIdOf[index]!] : []))
  return ids.sort((a, b) => a - b)
}

describe('search over split groups', () => {
  const meta = JSON.parse(text(files.get('search/meta.json')!)) as {split: Record<string, string>}

  it('has groups split more than once', () => {
    expect(Object.keys(meta.split).filter((node) => Array.from(node).length >= 4).length).toBeGreaterThan(5)
  })

  it('asks for the one shard a whole word is in, and finds the stories that have it', async () => {
    for (const word of allTerms.filter((_, i) => i % 23 === 0)) {
      const {ids, shards} = await ask(`${word} `)
      expect(shards, word).toEqual([shardOf.get(word)])
      expect(ids, word).toEqual(having(word, false))
    }
  })

  it('asks, for a prefix, for exactly the shards of the words it begins', async () => {
    // A stop word is no query, even as a prefix.
    const prefixes = new Set(allTerms.filter((_, i) => i % 31 === 0).flatMap((term) => [2, 3, 4, 5].map((n) => Array.from(term).slice(0, n).join(''))))
    for (const word of STOP_WORDS) prefixes.delete(word)
    expect(prefixes.size).toBeGreaterThan(100)
    for (const prefix of prefixes) {
      const {ids, shards} = await ask(prefix)
      const expected = [...new Set(allTerms.filter((term) => term.startsWith(prefix)).map((term) => shardOf.get(term)!))].sort()
      expect(shards, prefix).toEqual(expected)
      expect(ids, prefix).toEqual(having(prefix, true))
    }
  })

  it('asks for nothing, or one shard, for a word no story has', async () => {
    for (const word of ['qqqzz', 'zz', 'reqq', 'sa', 'stqzz', 'th']) {
      const {ids, shards} = await ask(`${word} `)
      expect(ids, word).toEqual([])
      expect(shards.length, word).toBeLessThanOrEqual(1)
    }
    expect(await ask('qqqzz')).toEqual({ids: [], shards: []})
  })

  it('needs every word', async () => {
    const [a, b] = ['korea', 'russia']
    const both = having(a, false).filter((id) => having(b, true).includes(id))
    expect(both.length).toBeGreaterThan(0)
    expect((await ask(`${a} ${b}`)).ids).toEqual(both)
  })
})
