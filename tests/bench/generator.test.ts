// The bench's corpus generator (bench/lib/article.ts): the same N gives the same bytes, and what it
// writes is the seed's scraped shape, read by the real parser with nothing lost, with recommended
// blocks that partly name stories of the corpus.
import {describe, expect, it} from 'vitest'
import {generateArticle, makeCorpus, tagPool, type Corpus} from '../../bench/lib/article.ts'
import {newsroomStories} from '../../bench/lib/newsroom.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {buildSite} from '../../src/model/site.ts'
import type {Article} from '../../src/model/types.ts'
import {parse} from '../../src/parse/index.ts'

const N = 400
/** One or two ALL-CAPS names, AP style (`ROD McGUIRK and MIKE CORDER`). */
const NAME = String.raw`(?:Mc)?[A-Z][A-Z'.-]*(?: (?:Mc)?[A-Z][A-Z'.-]*)*`
const BYLINE = new RegExp(`^${NAME}(?: and ${NAME})?$`)

function freshCorpus(): Corpus {
  const sources = newsroomStories(1000)
  return makeCorpus(sources, tagPool(sources, 300), N)
}

const corpus = freshCorpus()
const generated = Array.from({length: N}, (_, i) => generateArticle(corpus, i))

function parsed(): Article[] {
  return generated.map(({stem, scraped}) => {
    const result = parse(scraped, `${stem}.txt`)
    if (!result.ok) throw new Error(`${stem}: ${result.diagnostics.map((d) => d.message).join('; ')}`)
    return result.article
  })
}

describe('the bench generator', () => {
  it('gives the same bytes for the same N, from a corpus made anew', () => {
    const again = freshCorpus()
    for (const i of [0, 1, 137, N - 1]) expect(generateArticle(again, i), String(i)).toEqual(generated[i])
    expect(new Set(generated.map((article) => article.stem)).size).toBe(N)
  })

  it("writes the seed's shape: dated headline, comment count, ALL-CAPS byline, reading time, dateline, footer and teasers", () => {
    const articles = parsed()
    for (const [i, article] of articles.entries()) {
      const where = generated[i]!.stem
      expect(article.diagnostics, where).toEqual([])
      expect(article.date, where).toMatch(/^202[23]-\d\d-\d\d$/)
      expect(generated[i]!.stem.startsWith(article.date!.slice(0, 7).replace('-', '/')), where).toBe(true)
      expect(article.byline, where).toMatch(BYLINE)
      expect(article.authors.length, where).toBeGreaterThan(0)
      expect(article.commentCount, where).not.toBeNull()
      expect(article.dateline?.agency, where).toBe('AP')
      expect(article.footer.length, where).toBe(1)
      expect(article.recommended.length, where).toBeGreaterThanOrEqual(3)
      expect(article.recommended.length, where).toBeLessThanOrEqual(8)
    }
    // About 600 words a story, by the reading time the files state (230 words a minute).
    const minutes = articles.map((article) => article.readingMinutes).sort((a, b) => a - b)
    expect(minutes[N / 2]).toBe(3)
    // Dates over both years.
    expect(new Set(articles.map((article) => article.date!.slice(0, 4)))).toEqual(new Set(['2022', '2023']))
  })

  it('recommends stories of the corpus for some teasers and titles that match none for others', () => {
    const {site, bodies} = buildSite(parsed(), defaultConfig)
    const teasers = site.stories.flatMap((story) => bodies.recommended(story.index))
    const linked = teasers.filter((teaser) => teaser.story !== null).length
    // The generator aims at about half; the headline matcher links exact and lightly varied titles.
    expect(linked / teasers.length).toBeGreaterThan(0.3)
    expect(linked / teasers.length).toBeLessThan(0.7)
  })
})
