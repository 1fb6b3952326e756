// The bench's search cost (bench/search-cost.ts): the queries it picks from headlines, and what it
// counts for a query, against the files of a real build.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {costOf, limitsOf, pickQueries, queryCost, siteReader} from '../../bench/search-cost.ts'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {buildFiles} from '../build/fixture.ts'

describe('pickQueries', () => {
  const headlines = Object.values(plainFiles(400)).map((text) => text.split('\n', 1)[0]!)

  it('picks ten words and ten pairs of neighbouring words from the headlines, the same each time', () => {
    const queries = pickQueries(headlines)
    expect(queries).toEqual(pickQueries([...headlines]))
    expect(queries.length).toBe(20)
    expect(new Set(queries).size).toBe(20)
    expect(queries.slice(0, 10).every((query) => /^\p{L}+$/u.test(query))).toBe(true)
    expect(queries.slice(10).every((query) => /^\p{L}+ \p{L}+$/u.test(query))).toBe(true)
    const lower = headlines.map((headline) => headline.toLowerCase())
    for (const query of queries) expect(lower.some((headline) => headline.includes(query)), query).toBe(true)
    // The commonest headline word first, leaving out function words.
    expect(['the', 'of', 'in']).not.toContain(queries[0])
  })
})

describe('queryCost', () => {
  it('counts meta.json, the shard of each word and the results the page shows, each once, at their sizes', async () => {
    const files = Object.fromEntries(Object.entries(plainFiles(120)).map(([name, text], i) => [`2005/01/${String(i).padStart(3, '0')}-${path.basename(name)}`, text]))
    const built = await buildFiles(files)
    const read = siteReader(built.out)
    const limits = limitsOf(built.read('search/index.html'), built.read('index.html'))
    expect(limits).toEqual({page: 20, box: 5})
    const [query] = pickQueries(Object.values(files).map((text) => text.split('\n', 1)[0]!))
    const cost = await queryCost(read, query!, limits.page)
    expect(cost.hits).toBeGreaterThan(0)
    expect(cost.shown).toBe(Math.min(cost.hits, 20))
    const paths = cost.files.map((file) => file.path)
    expect(paths[0]).toBe('search/meta.json')
    expect(paths.filter((file) => file.startsWith('search/terms/')).length).toBe(1)
    expect(paths.filter((file) => file.startsWith('search/docs/')).length).toBe(cost.shown)
    expect(new Set(paths).size).toBe(paths.length)
    expect(cost.requests).toBe(paths.length)
    expect(cost.raw).toBe(paths.reduce((sum, file) => sum + readFileSync(path.join(built.out, file)).length, 0))
    expect(cost.gzip).toBeLessThan(cost.raw)
    const both = await costOf(read, [query!], limits)
    expect(both.inBox[0]!.shown).toBe(Math.min(cost.hits, 5))
  })
})
