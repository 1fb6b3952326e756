// The reader's search script against the index a real build writes: the seed and 120 generated business stories.
import {readFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {searchTokens} from '../../src/search/index.ts'
import {createSearch, tokens} from '../../templates/assets/search-engine.js'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {buildFiles, seedPath, type Built} from '../build/fixture.ts'

type Search = (query: string) => Promise<{results: Array<{id: number; data: () => Promise<{url: string; meta: {title: string}}>}>}>

let built: Built
let search: Search
/** Every file the script asked for, and those of them the build did not write. */
const asked: string[] = []
const missing: string[] = []

beforeAll(async () => {
  const files: Record<string, string> = {'seed.txt': readFileSync(seedPath, 'utf8')}
  for (const [name, text] of Object.entries(plainFiles(360))) if (name.startsWith('business/')) files[`2005/01/${name.slice('business/'.length)}`] = text
  files['unicode.md'] = '---\ntitle: Café crème in Zürich\ndate: 2024-01-02\n---\nThe naïve café served crème brûlée.\n'
  built = await buildFiles(files)
  const root = pathToFileURL(`${built.out}/`)
  search = createSearch(root, async (url: string) => {
    asked.push(url)
    if (!built.exists(url.slice(root.href.length))) missing.push(url)
    return JSON.parse(readFileSync(new URL(url), 'utf8'))
  })
})

async function titles(query: string): Promise<string[]> {
  const {results} = await search(query)
  return Promise.all(results.slice(0, 5).map(async (r) => (await r.data()).meta.title))
}

describe('search', () => {
  it('splits text in the browser exactly as the build does', () => {
    for (const text of ['N. Korea’s “plot-breeding story”', 'Café crème, Zürich — 2022', '北朝鮮 ミサイル', 'U.S. a b c']) {
      expect(tokens(text)).toEqual(searchTokens(text))
    }
  })

  it('finds the seed by a word of its body, and links to its page', async () => {
    const {results} = await search('Kirby')
    expect(results.length).toBe(1)
    const first = await results[0]!.data()
    expect(first.meta.title).toBe('N. Korea slams US for raising alleged arms supply to Russia')
    expect(built.exists(`${first.url}index.html`)).toBe(true)
  })

  it('needs every word, and ranks a headline match first', async () => {
    expect(await titles('Kirby Guterres')).toEqual(['N. Korea slams US for raising alleged arms supply to Russia'])
    expect(await titles('Kirby Microsoft')).toEqual([])
    const [top] = await titles('arms supply Russia')
    expect(top).toBe('N. Korea slams US for raising alleged arms supply to Russia')
  })

  it('completes the last word as a prefix while typing', async () => {
    expect(await titles('Guter')).toEqual(['N. Korea slams US for raising alleged arms supply to Russia'])
    expect(await titles('Guter ')).toEqual([])
  })

  it('folds case and accents', async () => {
    expect(await titles('CAFE CREME zurich')).toEqual(['Café crème in Zürich'])
  })

  it('answers nothing, without error, for stop words and unknown words', async () => {
    expect((await search('the of and')).results).toEqual([])
    expect((await search('qqqzzzxxy')).results).toEqual([])
  })

  it('asks only for files the index has: a word of letters no story has costs no request', async () => {
    const before = asked.length
    for (const query of ['qqqzzzxxy', 'xylophonic', 'zz', 'ꙮꙮꙮ']) expect((await search(query)).results, query).toEqual([])
    expect(asked.slice(before).filter((url) => url.includes('/terms/'))).toEqual([])
    for (const query of ['Kirby xylophonic', 'Kirby', 'Guter', 'co', 'economy', 'arms supply Russia', 'Zürich']) await search(query)
    expect(asked.length).toBeGreaterThan(before)
    expect(missing).toEqual([])
  })
})
