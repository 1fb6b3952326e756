// Patching the search index for a story whose body changed must give exactly the files that making
// the whole index again gives: shards changed, made, emptied, split and joined, and meta.json.
import {describe, expect, it} from 'vitest'
import {buildSite} from '../../src/model/site.ts'
import {defaultConfig} from '../../src/model/config.ts'
import type {Site} from '../../src/model/types.ts'
import {SPLIT_ABOVE, searchIndexFiles, storyTermWeights} from '../../src/render/search-index.ts'
import {patchSearchIndex, type SearchPatch} from '../../src/render/search-patch.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'
import {makeSite} from './site-fixture.ts'

/** Each file's text; shards come as bytes, which must be the very bytes of that text. */
function indexFiles(site: Site): Map<string, string> {
  return new Map([...searchIndexFiles(site)].map((file) => [file.path, text(file.render())]))
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder('utf-8', {fatal: true}).decode(content)
}

const read = (files: Map<string, string>) => (file: string) => files.get(file) ?? null

function applied(files: Map<string, string>, patch: SearchPatch): Map<string, string> {
  const next = new Map(files)
  for (const file of patch.write) next.set(file.path, text(file.content))
  for (const file of patch.remove) next.delete(file)
  return next
}

/** The index before and after story `index` gets these paragraphs, made whole each time, and the patch between them. */
function both(site: Site, index: number, paragraphs: string[]) {
  const story = site.stories[index]!
  const old = story.paragraphs
  const before = indexFiles(site)
  const change = {index, before: storyTermWeights(story), after: storyTermWeights({...story, paragraphs})}
  story.paragraphs = paragraphs
  try {
    return {before, after: indexFiles(site), patch: patchSearchIndex(read(before), [change]), change}
  } finally {
    story.paragraphs = old
  }
}

const site = buildSite([parseFile(seedFile, 'seed.txt'), ...sampleArticles()], defaultConfig)

describe('patchSearchIndex', () => {
  it('gives the files that making the index anew gives, and touches no other', () => {
    for (const index of [0, 1, Math.floor(site.stories.length / 2), site.stories.length - 1]) {
      const old = site.stories[index]!.paragraphs
      // Words added (some the site has, one only this story will), one paragraph dropped.
      const {before, after, patch} = both(site, index, [...old.slice(0, -1), 'the committee met again on monday and talked about maternity pay and broadband speeds, quixotically.'])
      expect(patch, String(index)).not.toBeNull()
      expect(applied(before, patch!), String(index)).toEqual(after)
      const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file)
      expect(patch!.write.map((file) => file.path), String(index)).toEqual(changed.sort())
    }
  })

  it('makes a shard for a word whose first letters no word of the site has, and removes a shard emptied', () => {
    const index = 2
    const {before, after, patch} = both(site, index, [...site.stories[index]!.paragraphs, 'ꙮꙮꙮ'])
    expect(patch!.write.map((file) => file.path)).toEqual(['search/meta.json', 'search/terms/a66e-a66e.json'])
    expect(JSON.parse(after.get('search/meta.json')!).groups).toContain('a66e-a66e')
    expect(applied(before, patch!)).toEqual(after)
    // And back: the shard goes again.
    const back = patchSearchIndex(read(after), [{index, before: storyTermWeights({...site.stories[index]!, paragraphs: [...site.stories[index]!.paragraphs, 'ꙮꙮꙮ']}), after: storyTermWeights(site.stories[index]!)}])
    expect(back!.remove).toEqual(['search/terms/a66e-a66e.json'])
    expect(back!.write.map((file) => file.path)).toEqual(['search/meta.json'])
    expect(applied(after, back!)).toEqual(before)
  })

  it('splits a group that grows past the split size and joins one that shrinks below it, meta.json included', () => {
    // 10,000 stories with `aab` make a group of exactly SPLIT_ABOVE numbers: one more posting splits it.
    const stories = Array.from({length: SPLIT_ABOVE / 2 + 1}, (_, i) => ({headline: 'Story', date: null, paragraphs: [i === 0 ? 'zzz' : 'aab']}))
    const small = makeSite(stories)
    const grown = both(small, 0, ['aab aad'])
    // `story`, in every headline, is a split group throughout.
    expect(JSON.parse(grown.before.get('search/meta.json')!).split).toEqual({'73-74': ['73-74-6f']})
    expect(JSON.parse(grown.after.get('search/meta.json')!).split).toEqual({'61-61': ['61-61-62', '61-61-64'], '73-74': ['73-74-6f']})
    expect(applied(grown.before, grown.patch!)).toEqual(grown.after)
    expect(grown.patch!.remove).toEqual(['search/terms/61-61.json', 'search/terms/7a-7a.json'])
    const shrunk = patchSearchIndex(read(grown.after), [{...grown.change, before: grown.change.after, after: grown.change.before}])
    expect(applied(grown.after, shrunk!)).toEqual(grown.before)
  })

  it('changes nothing when the terms are the same', () => {
    const story = site.stories[3]!
    expect(patchSearchIndex(read(indexFiles(site)), [{index: 3, before: storyTermWeights(story), after: storyTermWeights(story)}])).toEqual({write: [], remove: []})
  })

  it('refuses postings that are not what the story had: the output is not what the build thinks', () => {
    const {before, change} = both(site, 2, [...site.stories[2]!.paragraphs, 'maternity'])
    // The change told the wrong way round: the postings the last build wrote disagree with `before`.
    expect(patchSearchIndex(read(before), [{...change, before: change.after, after: change.before}])).toBeNull()
    expect(patchSearchIndex(() => null, [change])).toBeNull()
  })
})
