import {describe, expect, it, vi} from 'vitest'
// xml-js comes with `feed`; its strict SAX parser rejects any malformed XML.
import {xml2js, type Element} from 'xml-js'
import {FEED_SIZE} from '../../src/render/feeds.ts'
import {get, renderAll} from './render-helpers.ts'
import {makeSite, sampleSite, type StorySpec} from './site-fixture.ts'

function parseXml(xml: string): Element {
  return xml2js(xml, {compact: false}) as Element
}

function children(node: Element | undefined, name: string): Element[] {
  return (node?.elements ?? []).filter((e) => e.name === name)
}

function child(node: Element | undefined, name: string): Element | undefined {
  return children(node, name)[0]
}

function textOf(node: Element | undefined): string {
  return (node?.elements ?? []).map((e) => String(e.text ?? e.cdata ?? '')).join('')
}

describe('site feeds with a base URL', () => {
  const site = sampleSite({baseUrl: 'https://news.example/'})
  const files = renderAll(site)
  const dated = site.stories.filter((s) => s.date !== null)

  it('RSS 2.0 parses and carries the stories with their own dates', () => {
    const rss = child(parseXml(get(files, 'feed.xml')), 'rss')!
    expect(rss.attributes?.version).toBe('2.0')
    const channel = child(rss, 'channel')
    expect(textOf(child(channel, 'lastBuildDate'))).toBe('Tue, 08 Nov 2022 00:00:00 GMT')
    const items = children(channel, 'item')
    expect(items.map((i) => textOf(child(i, 'title')))).toEqual(dated.map((s) => s.headline))
    expect(items.map((i) => textOf(child(i, 'pubDate')))).toEqual([
      'Tue, 08 Nov 2022 00:00:00 GMT',
      'Tue, 08 Nov 2022 00:00:00 GMT',
      'Mon, 07 Nov 2022 00:00:00 GMT'
    ])
    expect(textOf(child(items[0], 'link'))).toBe(`https://news.example/${dated[0]!.url}`)
    expect(textOf(child(items[0], 'content:encoded'))).toContain('<p>SEOUL, South Korea — The first paragraph')
  })

  it('Atom parses and dates entries by story', () => {
    const feed = child(parseXml(get(files, 'atom.xml')), 'feed')!
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom')
    expect(textOf(child(feed, 'updated'))).toBe('2022-11-08T00:00:00.000Z')
    const entries = children(feed, 'entry')
    expect(entries).toHaveLength(dated.length)
    expect(entries.map((e) => textOf(child(e, 'updated')))).toEqual(['2022-11-08T00:00:00.000Z', '2022-11-08T00:00:00.000Z', '2022-11-07T00:00:00.000Z'])
    // Atom titles are `type="html"`: the headline's text arrives HTML-escaped, never as markup.
    const html = site.stories[1]!.headline.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
    expect(textOf(child(entries[1], 'title'))).toBe(html)
  })

  it('JSON Feed is version 1.1 with authors arrays and language', () => {
    const feed = JSON.parse(get(files, 'feed.json'))
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(feed.language).toBe('en')
    expect(feed.home_page_url).toBe('https://news.example/')
    expect(feed.feed_url).toBe('https://news.example/feed.json')
    expect(feed).not.toHaveProperty('author')
    expect(feed.items).toHaveLength(dated.length)
    const first = feed.items[0]
    expect(first.date_published).toBe('2022-11-08T00:00:00Z')
    expect(first.url).toBe(`https://news.example/${dated[0]!.url}`)
    expect(first.authors).toEqual([
      {name: 'Hyung-Jin Kim', url: 'https://news.example/authors/hyung-jin-kim/'},
      {name: 'Kim Tong-Hyung', url: 'https://news.example/authors/kim-tong-hyung/'}
    ])
    expect(first).not.toHaveProperty('author')
    expect(first.tags).toEqual(['North Korea', 'Russia'])
    expect(first.content_html).toContain('<p>')
    expect(feed.items[1].title).toBe(site.stories[1]!.headline)
  })

  it('leaves undated stories out of every feed', () => {
    const undated = site.stories.find((s) => s.date === null)!
    for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'tags/russia/feed.xml']) {
      expect(get(files, path)).not.toContain(undated.headline)
    }
  })

  it('gives each tag an RSS feed of its own stories', () => {
    const channel = child(child(parseXml(get(files, 'tags/north-korea/feed.xml')), 'rss'), 'channel')
    const items = children(channel, 'item')
    expect(items.map((i) => textOf(child(i, 'title')))).toEqual(
      site.tags.find((t) => t.slug === 'north-korea')!.stories.map((i) => site.stories[i]!.headline)
    )
    expect(textOf(child(channel, 'link'))).toBe('https://news.example/tags/north-korea/')
  })
})

describe('feeds without a base URL', () => {
  const site = sampleSite()
  const files = renderAll(site)

  it('link relative to the feed file itself', () => {
    const channel = child(child(parseXml(get(files, 'feed.xml')), 'rss'), 'channel')
    expect(textOf(child(child(channel, 'item'), 'link'))).toBe(`./${site.stories[0]!.url}`)
    const tagChannel = child(child(parseXml(get(files, 'tags/north-korea/feed.xml')), 'rss'), 'channel')
    expect(textOf(child(child(tagChannel, 'item'), 'link'))).toBe(`../../${site.stories[0]!.url}`)
    expect(JSON.parse(get(files, 'feed.json')).items[0].url).toBe(`./${site.stories[0]!.url}`)
  })

  it('keep Atom ids absolute', () => {
    const entry = child(child(parseXml(get(files, 'atom.xml')), 'feed'), 'entry')
    expect(textOf(child(entry, 'id'))).toBe(`urn:broadsheet:${site.stories[0]!.url}`)
  })
})

describe('feed size and stability', () => {
  const specs: StorySpec[] = Array.from({length: FEED_SIZE + 7}, (_, i) => ({
    headline: `Story ${i}`,
    date: new Date(Date.UTC(2021, 0, 1 + FEED_SIZE + 7 - i)).toISOString().slice(0, 10),
    tags: ['Economy']
  }))
  const site = makeSite(specs)

  it(`holds the newest ${FEED_SIZE} stories`, () => {
    const feed = JSON.parse(get(renderAll(site), 'feed.json'))
    expect(feed.items).toHaveLength(FEED_SIZE)
    expect(feed.items[0].title).toBe('Story 0')
    expect(feed.items.at(-1).title).toBe(`Story ${FEED_SIZE - 1}`)
  })

  it('renders byte-identical output twice, with no trace of the clock', () => {
    vi.useFakeTimers({now: new Date('2030-06-01T12:00:00Z')})
    const a = renderAll(site)
    vi.setSystemTime(new Date('1999-01-01T00:00:00Z'))
    const b = renderAll(site)
    vi.useRealTimers()
    expect([...a.keys()]).toEqual([...b.keys()])
    for (const [path, content] of a) expect(b.get(path), path).toBe(content)
  })

  it('dates an empty feed at the epoch rather than now', () => {
    const files = renderAll(makeSite([{headline: 'Only undated', date: null}]))
    expect(get(files, 'feed.xml')).toContain('<lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>')
    expect(JSON.parse(get(files, 'feed.json')).items).toEqual([])
  })
})

describe('a body that holds the end of a CDATA section', () => {
  // `]]>` twice, and once with a character XML forbids inside it: the package that writes Atom
  // splits only the first, and those characters were taken out after it had split.
  const paragraphs = ['Code: a]]>b and c]]>d.', 'Next: e]]\u0001>f, then the end.']
  const files = renderAll(makeSite([{headline: 'CDATA ends ]]> here ]]> twice', date: '2022-11-08', paragraphs}]))

  it('leaves Atom and RSS well-formed, with the whole body in each', () => {
    const entry = child(child(parseXml(get(files, 'atom.xml')), 'feed'), 'entry')
    const atom = textOf(child(entry, 'content'))
    const item = child(child(child(parseXml(get(files, 'feed.xml')), 'rss'), 'channel'), 'item')
    const rss = textOf(child(item, 'content:encoded'))
    for (const html of [atom, rss]) {
      expect(html).toMatch(/^<p>Code: a\]\](>|&gt;)b and c\]\](>|&gt;)d\.<\/p>\n<p>Next: e\]\](>|&gt;)f, then the end\.<\/p>\n?$/)
    }
    expect(textOf(child(item, 'title'))).toBe('CDATA ends ]]> here ]]> twice')
  })
})
