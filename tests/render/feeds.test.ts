import {parseFeed} from '@rowanmanning/feed-parser'
import {describe, expect, it, vi} from 'vitest'
import {checkAtom, checkFeedFile, checkJsonFeed, checkRss, checkSitemap} from '../support/feed-spec.ts'
import {get, links, renderAll} from './render-helpers.ts'
import {makeSite, sampleSite, type StorySpec} from './site-fixture.ts'

const BASE = 'https://news.example/'

describe('site feeds with a base URL', () => {
  const {site, bodies} = sampleSite({baseUrl: BASE})
  const files = renderAll({site, bodies})
  const dated = site.stories.filter((s) => s.date !== null)
  const undated = site.stories.filter((s) => s.date === null)

  it('every feed and the sitemap meet their specifications', () => {
    const feeds = [...files.keys()].filter((file) => /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/.test(file))
    // The site's three, and one for each tag, author, source and section.
    expect(feeds.length).toBe(3 + site.tags.length + site.authors.length + site.sources.length + site.sections.length)
    for (const file of feeds) {
      const check = checkFeedFile(file, get(files, file))
      expect(check.problems, file).toEqual([])
      expect(check.items, file).toBeGreaterThan(0)
    }
    expect(checkSitemap(get(files, 'sitemap.xml'), BASE).problems).toEqual([])
  })

  it('RSS holds dated stories by date, then undated ones without a pubDate', () => {
    const feed = parseFeed(get(files, 'feed.xml'))
    expect(feed.items.map((item) => item.title)).toEqual([...dated, ...undated].map((s) => s.headline))
    expect(feed.items.map((item) => item.published?.toISOString() ?? null)).toEqual(['2022-11-08T00:00:00.000Z', '2022-11-08T00:00:00.000Z', '2022-11-07T00:00:00.000Z', null])
    expect(feed.items[0]!.url).toBe(`${BASE}${dated[0]!.url}`)
    expect(feed.items[0]!.content).toContain('<p>SEOUL, South Korea — The first paragraph')
    expect(feed.items[0]!.authors.map((a) => a.name)).toEqual(['Hyung-Jin Kim', 'Kim Tong-Hyung'])
    expect(feed.items[0]!.categories.map((c) => c.label)).toEqual(['North Korea', 'Russia'])
    // lastBuildDate is the newest item's day.
    expect(get(files, 'feed.xml')).toContain('<lastBuildDate>Tue, 08 Nov 2022 00:00:00 GMT</lastBuildDate>')
  })

  it('Atom holds the dated stories, with the text of markup as text', () => {
    const feed = parseFeed(get(files, 'atom.xml'))
    expect(feed.items.map((item) => item.title)).toEqual(dated.map((s) => s.headline))
    expect(feed.updated?.toISOString()).toBe('2022-11-08T00:00:00.000Z')
    expect(feed.items.map((item) => item.id)).toEqual(dated.map((s) => `${BASE}${s.url}`))
  })

  it('JSON Feed is version 1.1, undated items without date_published', () => {
    const feed = JSON.parse(get(files, 'feed.json'))
    expect(feed.home_page_url).toBe(BASE)
    expect(feed.feed_url).toBe(`${BASE}feed.json`)
    expect(feed.items.map((item: {title: string}) => item.title)).toEqual([...dated, ...undated].map((s) => s.headline))
    expect(feed.items[0].date_published).toBe('2022-11-08T00:00:00Z')
    expect(feed.items.at(-1)).not.toHaveProperty('date_published')
    expect(feed.items[0].authors).toEqual([
      {name: 'Hyung-Jin Kim', url: `${BASE}authors/hyung-jin-kim/`},
      {name: 'Kim Tong-Hyung', url: `${BASE}authors/kim-tong-hyung/`}
    ])
  })

  it('gives each tag, author and source a feed of its own stories', () => {
    for (const [kind, terms] of [['tags', site.tags], ['authors', site.authors], ['sources', site.sources]] as const) {
      for (const term of terms) {
        const feed = parseFeed(get(files, `${term.url}feed.xml`))
        expect(feed.items.map((item) => item.title), `${kind} ${term.name}`).toEqual(term.stories.map((i) => site.stories[i]!.headline))
        expect(feed.url).toBe(`${BASE}${term.url}`)
      }
    }
  })

  it('escapes a tag with & and < in RSS and Atom alike', () => {
    const hostile = makeSite([{headline: 'AT&T <b>deal</b>', date: '2022-11-08', tags: ['AT&T', 'A<B']}], {baseUrl: BASE})
    const out = renderAll(hostile)
    for (const file of ['feed.xml', 'atom.xml']) {
      expect(checkFeedFile(file, get(out, file)).problems).toEqual([])
      expect(parseFeed(get(out, file)).items[0]!.categories.map((c) => c.term)).toEqual(['AT&T', 'A<B'])
      expect(parseFeed(get(out, file)).items[0]!.title).toBe('AT&T <b>deal</b>')
    }
  })
})

describe('an excerpt with markup in it', () => {
  it('reaches RSS readers, who render <description> as HTML, as text', () => {
    const files = renderAll(sampleSite({baseUrl: BASE}))
    const rss = get(files, 'feed.xml')
    // Escaped as HTML, then as XML: a reader that decodes the XML gets `&lt;script&gt;`, text.
    expect(rss).toContain('<description>Teaser &amp;lt;script&amp;gt;alert(&amp;quot;excerpt&amp;quot;)&amp;lt;/script&amp;gt;')
    expect(rss).not.toMatch(/<description>[^<]*&lt;script/)
  })
})

describe('a site without a base URL', () => {
  const {site, bodies} = sampleSite()
  const files = renderAll({site, bodies})

  it('writes no feed and no sitemap, and no page links one', () => {
    const written = [...files.keys()].filter((file) => /(feed\.xml|atom\.xml|feed\.json|sitemap\.xml)$/.test(file))
    expect(written).toEqual([])
    for (const [file, html] of files) {
      if (!file.endsWith('.html')) continue
      expect(links(html).filter((href) => /(feed\.xml|atom\.xml|feed\.json)$/.test(href)), file).toEqual([])
    }
    expect(get(files, 'robots.txt')).not.toContain('Sitemap')
  })
})

describe('a site of undated stories only', () => {
  const files = renderAll(makeSite([{headline: 'First undated', date: null}, {headline: 'Second undated', date: null}], {baseUrl: BASE}))

  it('has an RSS feed and a JSON Feed of its stories, no Atom feed, and no date from the clock', () => {
    const rss = get(files, 'feed.xml')
    expect(checkRss(rss).problems).toEqual([])
    expect(parseFeed(rss).items.map((item) => item.title)).toEqual(['First undated', 'Second undated'])
    expect(rss).not.toContain('lastBuildDate')
    expect(rss).not.toContain('1970')
    expect(checkJsonFeed(get(files, 'feed.json')).items).toBe(2)
    expect(files.has('atom.xml')).toBe(false)
    expect(links(get(files, 'index.html'))).not.toContain('./atom.xml')
    expect(links(get(files, 'index.html'))).toContain('./feed.xml')
  })
})

describe('feed size and stability', () => {
  const specs: StorySpec[] = Array.from({length: 27}, (_, i) => ({
    headline: `Story ${i}`,
    date: new Date(Date.UTC(2021, 0, 28 - i)).toISOString().slice(0, 10),
    tags: ['Economy']
  }))

  it('holds the newest 20 stories by default, and feedSize of them when set', () => {
    const files = renderAll(makeSite(specs, {baseUrl: BASE}))
    for (const file of ['feed.json', 'tags/economy/feed.xml']) {
      const check = checkFeedFile(file, get(files, file))
      expect(check.items, file).toBe(20)
      expect(check.links[0]).toBe(`${BASE}2021/01/28/story-0/`)
    }
    expect(checkAtom(get(files, 'atom.xml')).items).toBe(20)
    const five = renderAll(makeSite(specs, {baseUrl: BASE, feedSize: 5}))
    expect(checkRss(get(five, 'feed.xml')).items).toBe(5)
    expect(checkRss(get(five, 'tags/economy/feed.xml')).items).toBe(5)
  })

  it('renders byte-identical output twice, with no trace of the clock', () => {
    const {site, bodies} = makeSite(specs, {baseUrl: BASE})
    vi.useFakeTimers({now: new Date('2030-06-01T12:00:00Z')})
    const a = renderAll({site, bodies})
    vi.setSystemTime(new Date('1999-01-01T00:00:00Z'))
    const b = renderAll({site, bodies})
    vi.useRealTimers()
    expect([...a.keys()]).toEqual([...b.keys()])
    for (const [path, content] of a) expect(b.get(path), path).toBe(content)
  })
})

describe('a body that holds the end of a CDATA section', () => {
  const paragraphs = ['Code: a]]>b and c]]>d.', 'Next: e]]\u0001>f, then the end.']
  const files = renderAll(makeSite([{headline: 'CDATA ends ]]> here ]]> twice', date: '2022-11-08', paragraphs}], {baseUrl: BASE}))

  it('leaves Atom and RSS well-formed, with the whole body in each', () => {
    for (const file of ['feed.xml', 'atom.xml']) {
      expect(checkFeedFile(file, get(files, file)).problems).toEqual([])
      const item = parseFeed(get(files, file)).items[0]!
      expect(item.content).toMatch(/^<p>Code: a\]\](>|&gt;)b and c\]\](>|&gt;)d\.<\/p>\n<p>Next: e\]\](>|&gt;)f, then the end\.<\/p>\n?$/)
      expect(item.title).toBe('CDATA ends ]]> here ]]> twice')
    }
  })
})

describe('the spec checks', () => {
  // A check that cannot fail proves nothing: each breach of a rule is caught.
  const {site, bodies} = sampleSite({baseUrl: BASE})
  const files = renderAll({site, bodies})
  const rss = get(files, 'feed.xml')
  const atom = get(files, 'atom.xml')

  it('catch relative links, bad dates, an epoch date and malformed XML', () => {
    expect(checkRss(rss.replace(`<link>${BASE}${site.stories[0]!.url}</link>`, `<link>./${site.stories[0]!.url}</link>`)).problems.join('\n')).toMatch(/not an absolute URL/)
    expect(checkRss(rss.replace('<pubDate>Tue, 08 Nov', '<pubDate>Wed, 08 Nov')).problems.join('\n')).toMatch(/not an RFC 822 date/)
    expect(checkRss(rss.replace('<lastBuildDate>Tue, 08 Nov 2022', '<lastBuildDate>Thu, 01 Jan 1970')).problems.join('\n')).toMatch(/not the newest item/)
    expect(checkRss(rss.replace('<dc:creator>', '<author>').replace('</dc:creator>', '</author>')).problems.join('\n')).toMatch(/not an e-mail address/)
    expect(checkRss(rss.replace('</channel>', '')).problems.join('\n')).toMatch(/not well-formed/)
    expect(checkAtom(atom.replace(/<id>[^<]*<\/id>/, '<id>./</id>')).problems.join('\n')).toMatch(/not an absolute IRI/)
    expect(checkAtom(atom.replace(/<updated>2022-11-07T00:00:00Z<\/updated>/, '<updated>7 Nov 2022</updated>')).problems.join('\n')).toMatch(/RFC 3339/)
    expect(checkJsonFeed(get(files, 'feed.json').replace(`"url": "${BASE}`, '"url": "./')).problems.join('\n')).toMatch(/not absolute/)
    expect(checkSitemap(get(files, 'sitemap.xml').replace(`<loc>${BASE}`, '<loc>./'), BASE).problems.join('\n')).toMatch(/not absolute/)
  })
})
