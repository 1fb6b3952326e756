// Patching the search index when a story's change makes a letter group grow past the split size,
// and shrink back: the files that making the index anew gives, meta.json included. 10,001 stories.
import {describe, expect, it} from 'vitest'
import {SPLIT_ABOVE} from '../../src/render/search-index.ts'
import {patchSearchIndex} from '../../src/render/search-patch.ts'
import {applied, both, read} from './search-patch-fixture.ts'
import {makeSite} from './site-fixture.ts'

describe('patchSearchIndex', () => {
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
})
