// Patching the search index when a story's change makes a part of a group grow past the shard size,
// and shrink back, and splits of splits: the files that making the index anew gives, meta.json
// included.
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {SHARD_BYTES} from '../../src/search/index.ts'
import {patchSearchIndex} from '../../src/search/patch.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'
import {applied, both, indexFiles, read} from './search-patch-fixture.ts'
import {makeSite} from '../render/site-fixture.ts'

describe('patchSearchIndex', () => {
  it('splits a group that grows past SHARD_BYTES and joins one that shrinks to it, meta.json included', () => {
    // The `aa` group: `aab` in every story but the first, and one long word, as long as makes the
    // group's shard exactly SHARD_BYTES: one more posting splits it.
    const specs = (padding: number) =>
      Array.from({length: 40}, (_, i) => ({headline: 'Story', date: null, paragraphs: [i === 0 ? `zzz aac${'q'.repeat(padding)}` : 'aab']}))
    const shard = 'search/terms/61-61.json'
    const unpadded = indexFiles(makeSite(specs(0))).get(shard)!.length
    const site = makeSite(specs(SHARD_BYTES - unpadded))
    expect(indexFiles(site).get(shard)!.length).toBe(SHARD_BYTES)

    const grown = both(site, 0, ['zzz aad', `aac${'q'.repeat(SHARD_BYTES - unpadded)}`])
    expect(JSON.parse(grown.before.get('search/meta.json')!).split).toEqual({})
    expect(JSON.parse(grown.after.get('search/meta.json')!).split).toEqual({aa: 'bcd'})
    expect(applied(grown.before, grown.patch!)).toEqual(grown.after)
    expect(grown.patch!.remove).toEqual([shard])
    expect(grown.patch!.write.map((file) => file.path)).toEqual([
      'search/meta.json',
      'search/terms/61-61-62.json',
      'search/terms/61-61-63.json',
      'search/terms/61-61-64.json'
    ])
    const shrunk = patchSearchIndex(read(grown.after), [{...grown.change, before: grown.change.after, after: grown.change.before}])
    expect(applied(grown.after, shrunk!)).toEqual(grown.before)
  })

  it('gives the files that making the index anew gives, in shards small enough to split and split again', () => {
    const built = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
    const {site, bodies} = built
    const edits: Array<(old: readonly string[]) => string[]> = [
      (old) => [...old, 'quokka quokkas quixotic queueing quay qatar'],
      (old) => old.slice(1),
      (old) => [...old, old.join(' ')],
      () => ['Only this.']
    ]
    let splitChanged = 0
    for (const limit of [120, 300, 1000]) {
      for (const [n, edit] of edits.entries()) {
        const index = (n * 97 + limit) % site.stories.length
        const {before, after, patch} = both(built, index, edit(bodies.paragraphs(index)), limit)
        expect(patch, `${limit}, ${index}`).not.toBeNull()
        expect(applied(before, patch!), `${limit}, ${index}`).toEqual(after)
        const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file)
        expect(patch!.write.map((file) => file.path), `${limit}, ${index}`).toEqual(changed.sort())
        const gone = [...before.keys()].filter((file) => !after.has(file)).sort()
        expect(patch!.remove, `${limit}, ${index}`).toEqual(gone)
        const splits = (files: Map<string, string>) => JSON.stringify(JSON.parse(files.get('search/meta.json')!).split)
        if (splits(before) !== splits(after)) splitChanged++
      }
    }
    expect(splitChanged).toBeGreaterThan(0)
  })

  it('makes the index anew when meta.json is of an earlier format or a shard it lists is gone', () => {
    const site = makeSite([{headline: 'Story', date: null, paragraphs: ['aab']}])
    const files = indexFiles(site)
    const change = {id: 0, before: new Map([['aab', 1], ['story', 5]]), after: new Map([['aac', 1], ['story', 5]])}
    expect(patchSearchIndex(read(files), [change])).not.toBeNull()
    const old = new Map(files).set('search/meta.json', JSON.stringify({version: 2, stories: 1, chunk: 500, prefix: 2, groups: ['61-61'], split: {}}))
    expect(patchSearchIndex(read(old), [change])).toBeNull()
    const gone = new Map(files)
    gone.delete('search/terms/61-61.json')
    expect(patchSearchIndex(read(gone), [change])).toBeNull()
  })
})
