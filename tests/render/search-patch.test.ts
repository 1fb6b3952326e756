// Patching the search index for a story whose body changed must give the files that making the
// whole index again gives, and must refuse whatever it cannot patch.
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import type {Site} from '../../src/model/types.ts'
import {SPLIT_ABOVE, searchIndexFiles, storyTermWeights} from '../../src/render/search-index.ts'
import {patchSearchIndex} from '../../src/render/search-patch.ts'
import {bbcArticles, parseFile, seedFile} from '../model/story-files.ts'

function indexFiles(site: Site): Map<string, string> {
  return new Map([...searchIndexFiles(site)].map((file) => [file.path, file.render() as string]))
}

const site = buildSite([parseFile(seedFile, 'seed.txt'), ...bbcArticles()], defaultConfig)
const before = indexFiles(site)
const read = (files: Map<string, string>) => (file: string) => files.get(file) ?? null

/** The index made anew with one story's body replaced, and the patch for the same change. */
function both(index: number, paragraphs: string[]) {
  const story = site.stories[index]!
  const old = story.paragraphs
  const change = {index, before: storyTermWeights(story), after: storyTermWeights({...story, paragraphs})}
  story.paragraphs = paragraphs
  try {
    return {after: indexFiles(site), patch: patchSearchIndex(read(before), [change]), change}
  } finally {
    story.paragraphs = old
  }
}

describe('patchSearchIndex', () => {
  it('gives the shards that making the index anew gives, for every shard that changed', () => {
    for (const index of [0, 1, Math.floor(site.stories.length / 2), site.stories.length - 1]) {
      const old = site.stories[index]!.paragraphs
      // Words added (some the site has, one only this story will), one paragraph dropped.
      const paragraphs = [...old.slice(0, -1), 'the committee met again on monday and talked about maternity pay and broadband speeds, quixotically.']
      const {after, patch} = both(index, paragraphs)
      expect(patch, String(index)).not.toBeNull()
      const patched = new Map(patch!.map((file) => [file.path, file.content]))
      const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file)
      expect(changed.length, String(index)).toBeGreaterThan(0)
      expect([...patched.keys()].sort(), String(index)).toEqual(changed.sort())
      for (const [file, text] of patched) expect(text, file).toBe(after.get(file))
    }
  })

  it('changes nothing when the terms are the same', () => {
    const story = site.stories[3]!
    expect(patchSearchIndex(read(before), [{index: 3, before: storyTermWeights(story), after: storyTermWeights(story)}])).toEqual([])
  })

  it('refuses a term whose shard the index does not have', () => {
    const {patch} = both(2, [...site.stories[2]!.paragraphs, 'ꙮꙮꙮ'])
    expect(patch).toBeNull()
  })

  it('refuses postings that are not what the story had', () => {
    const {change} = both(2, [...site.stories[2]!.paragraphs, 'maternity'])
    // `before` as the patched index would have it: the last build's postings say otherwise.
    expect(patchSearchIndex(read(before), [{...change, before: change.after}])).toBeNull()
  })

  it('refuses a change that takes a shard across the size at which it is split', () => {
    const full = Array.from({length: SPLIT_ABOVE / 2}, (_, i) => [i, 1]).flat()
    const files = new Map([
      ['search/meta.json', JSON.stringify({version: 1, split: {}})],
      ['search/terms/61-61.json', JSON.stringify({aab: full})]
    ])
    const now = new Map([['aab', 2]])
    // A weight changed: the shard keeps its size.
    expect(patchSearchIndex(read(files), [{index: 5, before: new Map([['aab', 1]]), after: now}])).toHaveLength(1)
    // A posting added: the shard would now be split.
    expect(patchSearchIndex(read(files), [{index: SPLIT_ABOVE, before: new Map(), after: now}])).toBeNull()
  })

  it('refuses a change that empties a shard', () => {
    const files = new Map([
      ['search/meta.json', JSON.stringify({version: 1, split: {}})],
      ['search/terms/7a-7a.json', JSON.stringify({zzz: [4, 1]})]
    ])
    expect(patchSearchIndex(read(files), [{index: 4, before: new Map([['zzz', 1]]), after: new Map()}])).toBeNull()
  })
})
