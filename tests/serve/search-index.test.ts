// The search index written by the build (src/search/index.ts), read back from its files.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {decodePostings} from '../../src/search/postings.ts'
import {buildFiles, seedPath, type Built} from '../build/fixture.ts'

const seed = readFileSync(seedPath, 'utf8')
const files = {
  'seed.txt': seed,
  '2005/03/01/ad-sales.txt': 'Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n\nIts shares rose.\n',
  'undated.md': '---\ntitle: A story with no date\n---\nNobody knows when this happened.\n',
  'draft.md': '---\ntitle: Unfinished piece\ndate: 2024-01-02\ndraft: true\n---\nNot ready yet.\n'
}

interface Meta {
  stories: number
  docs: number
}

type Doc = [url: string, headline: string, date: string | null, dateText: string | null, excerpt: string]

/** Each story's result, by its number: one file a story. */
function docs(built: Built): Doc[] {
  const meta = JSON.parse(built.read('search/meta.json')) as Meta
  expect(built.files().filter((f) => f.startsWith('search/docs/')).length).toBe(meta.stories)
  return Array.from({length: meta.stories}, (_, id) => JSON.parse(built.read(`search/docs/${Math.floor(id / meta.docs)}/${id}.json`)) as Doc)
}

/** Every term of the index with the headlines of the stories it points to. */
function terms(built: Built): Map<string, string[]> {
  const all = docs(built)
  const found = new Map<string, string[]>()
  for (const file of built.files().filter((f) => f.startsWith('search/terms/'))) {
    const flat = JSON.parse(built.read(file)) as string[]
    for (let t = 0; t < flat.length; t += 2) {
      found.set(flat[t]!, decodePostings(flat[t + 1]!).filter((_, i) => i % 2 === 0).map((id) => all[id]![1]))
    }
  }
  return found
}

describe('the search index', () => {
  it('holds the stories and nothing else, with headline, date and excerpt', async () => {
    const built = await buildFiles(files)
    const found = docs(built)
    expect(found.map((d) => d[0]).sort()).toEqual([
      '2005/03/01/ad-sales-boost-time-warner-profit/',
      '2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/',
      'stories/a-story-with-no-date/'
    ])
    const story = found.find((d) => d[1] === 'N. Korea slams US for raising alleged arms supply to Russia')!
    expect(story[3]).toBe('Tuesday, 8 November 2022')
    expect(story[4]).toMatch(/^North Korea on Tuesday accused the United States/)
    for (const [url] of found) expect(built.exists(`${url}index.html`)).toBe(true)
    const index = terms(built)
    expect(index.get('luhansk')).toEqual(['N. Korea slams US for raising alleged arms supply to Russia'])
    // Neighbours' headlines are not part of a story's text, and function words are not indexed.
    expect(index.get('timewarner')).toEqual(['Ad sales boost Time Warner profit'])
    expect(index.has('the')).toBe(false)
    expect(found.find((d) => d[0].startsWith('stories/'))![2]).toBeNull()
  })

  it('is byte-identical across two builds', async () => {
    const a = await buildFiles(files)
    const b = await buildFiles(files)
    const list = a.files().filter((f) => f.startsWith('search/')).sort()
    expect(list.length).toBeGreaterThan(5)
    expect(b.files().filter((f) => f.startsWith('search/')).sort()).toEqual(list)
    for (const file of list) expect(readFileSync(path.join(b.out, file)), file).toEqual(readFileSync(path.join(a.out, file)))
  })

  it('indexes an empty site without inventing results', async () => {
    const built = await buildFiles({})
    expect(built.result.published).toBe(true)
    expect(JSON.parse(built.read('search/meta.json')).stories).toBe(0)
    expect(built.files().filter((f) => f.startsWith('search/terms/'))).toEqual([])
  })
})

describe('drafts', () => {
  it('are skipped and listed by default, and built with --drafts', async () => {
    const without = await buildFiles(files)
    expect(without.result.report.skipped).toContainEqual({source: expect.stringMatching(/draft\.md$/), reason: expect.stringMatching(/^draft/)})
    expect(without.result.report.stories.map((s) => s.headline)).not.toContain('Unfinished piece')
    expect(without.exists('2024/01/02/unfinished-piece/index.html')).toBe(false)

    const withDrafts = await buildFiles(files, {drafts: true})
    expect(withDrafts.result.report.stories.map((s) => s.headline)).toContain('Unfinished piece')
    expect(withDrafts.exists('2024/01/02/unfinished-piece/index.html')).toBe(true)
    expect(docs(withDrafts).map((d) => d[1])).toContain('Unfinished piece')
  })
})
