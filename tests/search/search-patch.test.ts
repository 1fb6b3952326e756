// Patching the search index for a story whose body changed must give exactly the files that making
// the whole index again gives: shards changed, made and emptied, and meta.json. Groups split and
// joined are in search-patch-split.test.ts.
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {docIds, searchText, storyTermWeights} from '../../src/search/index.ts'
import {patchSearchIndex} from '../../src/search/patch.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'
import {applied, both, indexFiles, read} from './search-patch-fixture.ts'

const built = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)
const {site, bodies} = built
const termsOf = (index: number, paragraphs = bodies.paragraphs(index)) => storyTermWeights(searchText(site.stories[index]!, paragraphs))

describe('patchSearchIndex', () => {
  it('gives the files that making the index anew gives, and touches no other', () => {
    for (const index of [0, 1, Math.floor(site.stories.length / 2), site.stories.length - 1]) {
      const old = bodies.paragraphs(index)
      // Words added (some the site has, one only this story will), one paragraph dropped.
      const {before, after, patch} = both(built, index, [...old.slice(0, -1), 'the committee met again on monday and talked about maternity pay and broadband speeds, quixotically.'])
      expect(patch, String(index)).not.toBeNull()
      expect(applied(before, patch!), String(index)).toEqual(after)
      const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file)
      expect(patch!.write.map((file) => file.path), String(index)).toEqual(changed.sort())
    }
  })

  it('makes a shard for a word whose first letters no word of the site has, and removes a shard emptied', () => {
    const index = 2
    const {before, after, patch} = both(built, index, [...bodies.paragraphs(index), 'ꙮꙮꙮ'])
    expect(patch!.write.map((file) => file.path)).toEqual(['search/meta.json', 'search/terms/a66e-a66e.json'])
    expect(JSON.parse(after.get('search/meta.json')!).groups).toContain('ꙮꙮ')
    expect(applied(before, patch!)).toEqual(after)
    // And back: the shard goes again.
    const back = patchSearchIndex(read(after), [{id: docIds(site.stories)[index]!, before: termsOf(index, [...bodies.paragraphs(index), 'ꙮꙮꙮ']), after: termsOf(index)}])
    expect(back!.remove).toEqual(['search/terms/a66e-a66e.json'])
    expect(back!.write.map((file) => file.path)).toEqual(['search/meta.json'])
    expect(applied(after, back!)).toEqual(before)
  })

  it('changes nothing when the terms are the same', () => {
    expect(patchSearchIndex(read(indexFiles(built)), [{id: docIds(site.stories)[3]!, before: termsOf(3), after: termsOf(3)}])).toEqual({write: [], remove: []})
  })

  it('refuses postings that are not what the story had: the output is not what the build thinks', () => {
    const {before, change} = both(built, 2, [...bodies.paragraphs(2), 'maternity'])
    // The change told the wrong way round: the postings the last build wrote disagree with `before`.
    expect(patchSearchIndex(read(before), [{...change, before: change.after, after: change.before}])).toBeNull()
    expect(patchSearchIndex(() => null, [change])).toBeNull()
  })
})
