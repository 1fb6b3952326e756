import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'

const seedUrl = new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url)
const result = parse(readFileSync(seedUrl, 'utf8'), 'content/000_ca89730430cec1e2.txt')
if (!result.ok) throw new Error(`the seed does not parse: ${JSON.stringify(result.diagnostics)}`)
const article = result.article

describe('the seed article', () => {
  it('has its headline, date and slug', () => {
    expect(article.format).toBe('scraped')
    expect(article.headline).toBe('N. Korea slams US for raising alleged arms supply to Russia')
    expect(article.date).toBe('2022-11-08')
    expect(article.slug).toBe('n-korea-slams-us-for-raising-alleged-arms-supply-to-russia')
  })
  it('has two authors, title-cased from the ALL-CAPS byline', () => {
    expect(article.byline).toBe('HYUNG-JIN KIM and KIM TONG-HYUNG')
    expect(article.authors).toEqual(['Hyung-Jin Kim', 'Kim Tong-Hyung'])
  })
  it('has 19 comments and a stated 3 minute read', () => {
    expect(article.commentCount).toBe(19)
    expect(article.readingMinutes).toBe(3)
  })
  it('has the AP dateline, left in the first paragraph', () => {
    expect(article.dateline).toEqual({place: 'SEOUL, South Korea', agency: 'AP'})
    expect(article.paragraphs[0]).toMatch(/^SEOUL, South Korea \(AP\) — North Korea on Tuesday/)
  })
  it('has 15 paragraphs and 1 footer line', () => {
    expect(article.paragraphs).toHaveLength(15)
    expect(article.paragraphs[14]).toMatch(/^Kim said that Guterres/)
    expect(article.footer).toEqual(['Follow AP’s coverage of the Asia-Pacific region at https://apnews.com/hub/asia-pacific'])
  })
  it('has 20 recommended stories with their sources', () => {
    expect(article.recommended).toHaveLength(20)
    expect(article.recommended[0]?.title).toBe('N.Korea denies arms dealings with Russia, says it has no plans to do so')
    expect(article.recommended[0]?.source).toBe('Reuters')
    expect(article.recommended[1]?.source).toBe('FT')
    expect(article.recommended[1]?.title).toMatch(/Bali summit - FT$/)
    expect(article.recommended[9]?.source).toBe('Bloomberg')
  })
  it('cleans scraped clutter out of teaser summaries', () => {
    const bloomberg = article.recommended[9]?.summary ?? ''
    expect(bloomberg).not.toContain('Most Read from Bloomberg')
    expect(bloomberg).toMatch(/weapons tests\.$/)
    const story = article.recommended.find((t) => t.title === 'Twitter launches Musk\'s $8-a-month blue tick')
    expect(story?.summary).toMatch(/^Twitter has updated its app/)
    expect(article.recommended[19]?.summary).toBe('Right now, once plastic hits a landfill it could take hundreds of years to break down.')
  })
  it('has no diagnostics, no tags and is not a draft', () => {
    expect(article.diagnostics).toEqual([])
    expect(article.tags).toEqual([])
    expect(article.draft).toBe(false)
    expect(article.summary).toBeNull()
  })
})
