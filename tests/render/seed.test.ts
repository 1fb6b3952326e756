// The seed story, parsed by the real parser, through the renderer.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'
import {get, renderAll} from './render-helpers.ts'
import {makeSite} from './site-fixture.ts'

const seedPath = new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url)
const result = parse(readFileSync(seedPath, 'utf8'), '000_ca89730430cec1e2.txt')
if (!result.ok) throw new Error(`seed did not parse: ${JSON.stringify(result.diagnostics)}`)
const a = result.article
const {site, bodies} = makeSite([
  {
    headline: a.headline,
    date: a.date,
    authors: a.authors,
    byline: a.byline,
    place: a.dateline?.place ?? '',
    agency: a.dateline?.agency ?? null,
    paragraphs: a.paragraphs,
    footer: a.footer,
    commentCount: a.commentCount,
    tags: ['North Korea'],
    recommended: a.recommended.map((t) => ({title: t.title, summary: t.summary, source: t.source}))
  }
])
const files = renderAll({site, bodies})
const html = get(files, `${site.stories[0]!.url}index.html`)

describe('the seed story page', () => {
  it('lives at its dated URL', () => {
    expect(site.stories[0]!.url).toBe('2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/')
  })

  it('shows headline, date in words, linked authors, reading time and comments', () => {
    expect(html).toContain('<h1 class="story-headline">N. Korea slams US for raising alleged arms supply to Russia</h1>')
    expect(html).toContain('<time datetime="2022-11-08">Tuesday, 8 November 2022</time>')
    expect(html).toContain('By <a href="../../../../authors/hyung-jin-kim/">Hyung-Jin Kim</a> and <a href="../../../../authors/kim-tong-hyung/">Kim Tong-Hyung</a>')
    expect(html).toContain('<span class="reading">3 min read</span>')
    expect(html).toContain('<span class="comments">19 comments</span>')
  })

  it('renders every body paragraph and the footer link', () => {
    expect(html.split('<div class="story-body">')[1]!.split('</div>')[0]!.match(/<p>/g)).toHaveLength(a.paragraphs.length)
    expect(html).toContain('<a href="https://apnews.com/hub/asia-pacific" rel="nofollow">https://apnews.com/hub/asia-pacific</a>')
  })

  it('lists every recommended teaser, unlinked and compact when we hold no such story, its summary behind a disclosure', () => {
    expect(html.match(/<li class="teaser">/g)).toHaveLength(a.recommended.length)
    expect(html).toMatch(/<details>\s*<summary><span class="teaser-title">Hushpuppi: Notorious Nigerian fraudster jailed for 11 years in US<\/span>/)
    expect(html.match(/<details>/g)).toHaveLength(a.recommended.filter((t) => t.summary !== '').length)
  })

  it('has one h1, a skip link to main and breadcrumbs to the day', () => {
    expect(html.match(/<h1[ >]/g)).toHaveLength(1)
    expect(html).toContain('<a class="skip-link" href="#main">')
    expect(html).toContain('<main id="main"')
    expect(html).toMatch(/<nav class="breadcrumbs" aria-label="Breadcrumb">[\s\S]*>Home<[\s\S]*>2022<[\s\S]*>November<[\s\S]*>8</)
  })
})
