// Differential test: RSS written by render/rss.ts must be the bytes the `feed` package writes for
// the same stories, on real sites and on generated text full of what XML escapes.
import fc from 'fast-check'
import {Feed} from 'feed'
import {describe, expect, it} from 'vitest'
import {xml2js} from 'xml-js'
import {defaultConfig} from '../../src/model/config.ts'
import {buildSite} from '../../src/model/site.ts'
import type {Site} from '../../src/model/types.ts'
import {dayInstant} from '../../src/render/dates.ts'
import {feedStories, rssFeed, siteFeedStories, type FeedSpec} from '../../src/render/feeds.ts'
import {renderBody} from '../../src/render/markdown.ts'
import {rootFor} from '../../src/render/pagination.ts'
import {xmlChars} from '../../src/render/xml-chars.ts'
import {parseFile, sampleArticles, seedFile} from '../model/story-files.ts'
import {makeSite} from './site-fixture.ts'

const PLACEHOLDER = 'https://broadsheet.invalid/__root__/'

/** The feed as Broadsheet made it through the package, before render/rss.ts. */
function packageRss(site: Site, spec: FeedSpec): string {
  const root = site.config.baseUrl ?? PLACEHOLDER
  const feed = new Feed({
    id: new URL(spec.homeUrl, root).href,
    title: spec.title,
    description: escapeHtml(spec.description),
    link: new URL(spec.homeUrl, root).href,
    language: site.config.language,
    updated: spec.stories[0]?.date ? dayInstant(spec.stories[0].date) : new Date(0),
    generator: 'Broadsheet',
    feedLinks: {rss: new URL(spec.path, root).href},
    author: {name: site.config.title},
    copyright: site.config.title
  })
  for (const story of spec.stories) {
    const content = spec.content(story)
    feed.addItem({
      title: story.headline,
      id: site.config.baseUrl === null ? `urn:broadsheet:${encodeURI(story.url)}` : new URL(story.url, site.config.baseUrl).href,
      link: new URL(story.url, root).href,
      date: dayInstant(story.date ?? '1970-01-01'),
      description: escapeHtml(story.excerpt),
      author: story.authors.map((a) => ({name: a.name, link: new URL(a.url, root).href})),
      category: story.tags.map((t) => ({name: t.name})),
      ...(content === null ? {} : {content})
    })
  }
  const xml = feed.rss2()
  const relative = site.config.baseUrl === null ? xml.replaceAll(PLACEHOLDER, rootFor(spec.path)) : xml
  return relative.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
}

/** The site's own feed and every tag's, as render/site.ts asks for them. */
function specs(site: Site): FeedSpec[] {
  const own: FeedSpec = {path: 'feed.xml', title: site.config.title, description: site.config.description, homeUrl: '', stories: siteFeedStories(site), content: (story) => renderBody(story.paragraphs, story.format)}
  return [
    own,
    ...site.tags.map((tag) => ({
      path: `${tag.url}feed.xml`,
      title: `${site.config.title} — ${tag.name}`,
      description: `Stories tagged “${tag.name}”.`,
      homeUrl: tag.url,
      stories: feedStories(site, tag.stories),
      content: () => null
    }))
  ]
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}

/** Text in which the package's CDATA would end early: two `]]>`, or one made by taking characters out. */
function closesCdata(text: string): boolean {
  const count = (t: string) => t.split(']]>').length - 1
  return count(text) > 1 || count(xmlChars(escapeHtml(text))) !== count(escapeHtml(text)) || count(xmlChars(text)) !== count(text)
}

function differences(site: Site): string[] {
  return specs(site)
    .filter((spec) => rssFeed(site, spec) !== packageRss(site, spec))
    .map((spec) => spec.path)
}

describe('RSS written without the feed package', () => {
  const articles = [parseFile(seedFile, 'seed.txt'), ...sampleArticles()]

  it('equals the package on every feed of the seed and sample-corpus site, without a base URL', () => {
    const site = buildSite(articles, defaultConfig)
    expect(site.tags.length).toBeGreaterThan(100)
    expect(differences(site)).toEqual([])
  })

  it('equals the package on every feed of the same site under a base URL with a path and a query-like name', () => {
    const site = buildSite(articles, {...defaultConfig, baseUrl: 'https://news.example/a&b/digest/', title: 'News & <Views>'})
    expect(differences(site)).toEqual([])
  })

  it('equals the package on generated headlines, excerpts, names and tags full of markup', () => {
    const characters = ['a', 'Z', ' ', '&', '<', '>', '"', "'", ']', '>', '&amp;', '&lt;', ']]>', '—', 'é', '\u0001', '\uFFFE', '😀', '\uD800']
    const text = fc.string({unit: fc.constantFrom(...characters), minLength: 1, maxLength: 24})
    fc.assert(
      fc.property(text, text, text, text, (headline, excerpt, author, tag) => {
        const site = makeSite([{headline, date: '2022-11-08', excerpt, authors: [author], tags: [tag]}], {baseUrl: null})
        for (const spec of specs(site)) {
          const ours = rssFeed(site, spec)
          // Read back, the item says what it was given, less the characters XML forbids.
          const item = (xml2js(ours, {compact: true}) as {rss: {channel: {item: Record<string, {_cdata: string | string[]}>}}}).rss.channel.item
          const cdata = (name: string) => [item[name]!._cdata].flat().join('')
          expect(cdata('title')).toBe(xmlChars(headline))
          expect(cdata('description')).toBe(xmlChars(escapeHtml(excerpt)))
          // The package splits only the first `]]>` of a text, and takes those characters out after
          // the split, which can make one of `]]\u0001>`: its feed is then not XML, and ours differs.
          // Everywhere else the two are the same bytes.
          if (![headline, excerpt].some(closesCdata)) expect(ours).toBe(packageRss(site, spec))
        }
      }),
      {numRuns: 500}
    )
  })
})
