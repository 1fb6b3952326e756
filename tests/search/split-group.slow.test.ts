// The reader's search script in a letter group split by three letters (10,001 stories): it asks for
// the shards a word can be in and no other.
import {describe, expect, it} from 'vitest'
import {SPLIT_ABOVE, searchIndexFiles} from '../../src/render/search-index.ts'
// @ts-expect-error: a browser script without type declarations
import {createSearch} from '../../templates/assets/search-engine.js'
import {makeSite} from '../render/site-fixture.ts'

describe('search', () => {
  it('in a group split by three letters, asks for the shards a word can be in and no other', async () => {
    // 10,001 stories with `aab` make the `aa` group split, as the build splits common prefixes.
    const stories = SPLIT_ABOVE / 2 + 1
    const site = makeSite(Array.from({length: stories}, (_, i) => ({headline: 'Story', date: null, paragraphs: [i % 2 ? 'aab' : 'aab aad']})))
    const files = new Map([...searchIndexFiles(site)].map((file) => [file.path, file.render()]))
    expect(JSON.parse(files.get('search/meta.json') as string).split['61-61']).toEqual(['61-61-62', '61-61-64'])
    // A reader's first query each time: the script keeps the files it has fetched.
    const shardsAsked = async (query: string) => {
      const urls: string[] = []
      const search = createSearch(new URL('https://example.org/'), async (url: string) => {
        urls.push(url)
        const content = files.get(new URL(url).pathname.slice(1))
        if (content === undefined) throw new Error(`no file ${url}`)
        return JSON.parse(typeof content === 'string' ? content : new TextDecoder().decode(content))
      })
      const {results} = await search(query)
      return {count: results.length, shards: urls.filter((url) => url.includes('/terms/')).map((url) => url.split('/').at(-1)).sort()}
    }
    expect(await shardsAsked('aad')).toEqual({count: Math.ceil(stories / 2), shards: ['61-61-64.json']})
    expect(await shardsAsked('aa')).toEqual({count: stories, shards: ['61-61-62.json', '61-61-64.json']})
    expect(await shardsAsked('aa ')).toEqual({count: 0, shards: []})
    expect(await shardsAsked('aac')).toEqual({count: 0, shards: []})
  })
})
