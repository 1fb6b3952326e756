// What a search costs a reader at 10,000 stories, the bench's corpus made in memory: each of the
// bench's 20 queries from the headlines (bench/search-cost.ts) fetches at most 30 KB, on the search
// page (20 results) and in the header's box (5).
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {generateArticle, makeCorpus, tagPool} from '../../bench/lib/article.ts'
import {newsroomStories} from '../../bench/lib/newsroom.ts'
import {TARGET_BYTES, costOf, limitsOf, pickQueries} from '../../bench/search-cost.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {buildSite} from '../../src/model/site.ts'
import {searchIndexFiles} from '../../src/search/index.ts'
import {parseText} from '../model/story-files.ts'

describe('search at 10,000 stories', () => {
  it('fetches at most 30 KB for a query with hits', async () => {
    // As bench/generate.ts makes the corpus.
    const sources = newsroomStories(2200)
    const corpus = makeCorpus(sources, tagPool(sources, 300), 10_000)
    const generated = Array.from({length: 10_000}, (_, i) => generateArticle(corpus, i))
    const {site, bodies} = buildSite(generated.map(({stem, scraped}) => parseText(scraped, `${stem}.txt`)), defaultConfig)
    const files = new Map<string, Uint8Array>()
    for (const file of searchIndexFiles(site, bodies)) {
      const content = file.render()
      files.set(file.path, typeof content === 'string' ? new TextEncoder().encode(content) : content)
    }
    const read = (file: string) => {
      const content = files.get(file)
      if (content === undefined) throw new Error(`no file ${file}`)
      return content
    }
    const template = (file: string) => readFileSync(new URL(`../../templates/${file}`, import.meta.url), 'utf8')
    const limits = limitsOf(template('search.liquid'), template('partials/search.liquid'))
    expect(limits).toEqual({page: 20, box: 5})
    const queries = pickQueries(generated.map(({scraped}) => scraped.split('\n', 1)[0]!.replace(/^\s*date \S+\s+/, '')))
    const cost = await costOf(read, queries, limits)
    for (const query of [...cost.queries, ...cost.inBox]) {
      expect(query.hits, query.query).toBeGreaterThan(0)
      expect(query.raw, `${query.query}: ${query.files.map((f) => `${f.path} ${f.raw}`).join(', ')}`).toBeLessThanOrEqual(TARGET_BYTES)
    }
  }, 240_000)
})
