// Syndication: Atom through the `feed` package; RSS 2.0 written as the package writes it
// (render/rss.ts: a site has one a tag), and JSON Feed 1.1 written here (the package only writes
// version 1). Dates are the stories' calendar days at midnight UTC; undated
// stories are left out, since a feed item without a date cannot be placed in a reader's timeline.
//
// Without a base URL there is no absolute address to give, so links are written relative to the
// feed file itself (readers resolve them against the feed's URL, as Atom specifies). The `feed`
// package insists on absolute URLs, so it is given a placeholder origin that is then replaced.
import {Feed, type Item} from 'feed'
import type {Site, Story, TermRef} from '../model/types.ts'
import {dayInstant, rfc822Day} from './dates.ts'
import {rootFor} from './pagination.ts'
import {rss2, type RssItem} from './rss.ts'
import {xmlChars} from './xml-chars.ts'

export const FEED_SIZE = 50
const PLACEHOLDER = 'https://broadsheet.invalid/__root__/'

export interface FeedSpec {
  /** Output path of the feed, e.g. `feed.xml` or `tags/x/feed.xml`. */
  path: string
  title: string
  description: string
  /** Site-relative URL of the page the feed mirrors. */
  homeUrl: string
  stories: Story[]
  /** Body HTML for a story, or null to give the excerpt only. */
  content: (story: Story) => string | null
}

/**
 * The stories of the site's own feeds, which show them in full: the newest dated ones. Reads only
 * as far as it needs, so it costs nothing on a site whose stories are read lazily.
 */
export function siteFeedStories(site: Site): Story[] {
  return feedStories(site, Array.from({length: site.stories.length}, (_, index) => index))
}

/** The newest dated stories among `indices` (already in site order). */
export function feedStories(site: Site, indices: readonly number[]): Story[] {
  const stories: Story[] = []
  for (const index of indices) {
    const story = site.stories[index]
    if (story && story.date !== null) stories.push(story)
    if (stories.length === FEED_SIZE) break
  }
  return stories
}

function base(site: Site): string {
  return site.config.baseUrl ?? PLACEHOLDER
}

/**
 * Each URL of an RSS feed: against the base URL, or else relative to the feed file, as `finish`
 * makes them, without a pass over the whole feed. A story is in the feed of each of its tags, so
 * its address against the base is worked out once.
 */
function rssLinks(site: Site, path: string): (url: string) => string {
  let known = absolutes.get(site)
  if (known === undefined) absolutes.set(site, (known = new Map()))
  const hrefs = known
  const root = rootFor(path)
  return (url) => {
    let href = hrefs.get(url)
    if (href === undefined) hrefs.set(url, (href = new URL(url, base(site)).href))
    return site.config.baseUrl === null && href.startsWith(PLACEHOLDER) ? root + href.slice(PLACEHOLDER.length) : href
  }
}

const absolutes = new WeakMap<Site, Map<string, string>>()

function finish(site: Site, path: string, text: string): string {
  return site.config.baseUrl === null ? text.replaceAll(PLACEHOLDER, rootFor(path)) : text
}

/** A stable id that is an absolute IRI even without a base URL, as Atom requires. */
function storyId(site: Site, story: Story): string {
  return site.config.baseUrl === null ? `urn:broadsheet:${encodeURI(story.url)}` : new URL(story.url, site.config.baseUrl).href
}

function newest(stories: Story[]): Date {
  const first = stories[0]
  // An empty feed still needs a date, and the clock is not allowed: the epoch is stable.
  return first?.date ? dayInstant(first.date) : new Date(0)
}

function authorsOf(site: Site, story: Story): Array<{name: string; link: string}> {
  return story.authors.map((a: TermRef) => ({name: a.name, link: new URL(a.url, base(site)).href}))
}

/**
 * The package's Atom feed of `spec`. It marks titles and summaries `type="html"`, so they arrive
 * escaped; a category label is an attribute, which it escapes only for `"`, so `&` and `<` are
 * escaped here or a tag with them would make the whole feed malformed XML.
 */
function atomLibraryFeed(site: Site, spec: FeedSpec): Feed {
  const root = base(site)
  const label = (plain: string): string => plain.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
  const feed = new Feed({
    id: new URL(spec.homeUrl, root).href,
    title: spec.title,
    description: spec.description,
    link: new URL(spec.homeUrl, root).href,
    language: site.config.language,
    updated: newest(spec.stories),
    generator: 'Broadsheet',
    feedLinks: {atom: new URL(spec.path, root).href},
    author: {name: site.config.title},
    copyright: site.config.title
  })
  for (const story of spec.stories) {
    const item: Item = {
      title: escapeHtml(story.headline),
      id: storyId(site, story),
      link: new URL(story.url, root).href,
      date: dayInstant(story.date ?? '1970-01-01'),
      description: escapeHtml(story.excerpt),
      author: authorsOf(site, story),
      category: story.tags.map((t) => ({name: label(t.name)}))
    }
    const content = spec.content(story)
    if (content !== null) item.content = cdataSafe(content)
    feed.addItem(item)
  }
  return feed
}

/**
 * A story's HTML as the package can put it in CDATA. The package splits only the first `]]>` of a
 * text, and the characters XML forbids were taken out of the whole feed after, which could make one
 * of `]]\u0001>`: the section then ended early and the feed did not parse. In HTML, `]]&gt;` says
 * what `]]>` says, in text and in attribute values alike.
 */
function cdataSafe(html: string): string {
  return xmlChars(html).replaceAll(']]>', ']]&gt;')
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}

// RSS <description> (item and channel) is HTML by every reader's convention, while the excerpt and a
// tag feed's description are plain text, so both are escaped; RSS titles stay text.
export function rssFeed(site: Site, spec: FeedSpec): string {
  const link = rssLinks(site, spec.path)
  const items = spec.stories.map(
    (story): RssItem => ({
      title: story.headline,
      link: link(story.url),
      guid: storyId(site, story),
      date: rfc822Day(story.date ?? '1970-01-01'),
      description: escapeHtml(story.excerpt),
      content: spec.content(story),
      authors: story.authors.map((a) => a.name),
      categories: story.tags.map((t) => t.name)
    })
  )
  const channel = {
    title: spec.title,
    link: link(spec.homeUrl),
    description: escapeHtml(spec.description),
    updated: newest(spec.stories).toUTCString(),
    language: site.config.language,
    generator: 'Broadsheet',
    copyright: site.config.title,
    self: link(spec.path)
  }
  return rss2(channel, items)
}

export function atomFeed(site: Site, spec: FeedSpec): string {
  return xmlChars(finish(site, spec.path, atomLibraryFeed(site, spec).atom1()))
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function jsonFeed(site: Site, spec: FeedSpec): string {
  const root = base(site)
  const url = (u: string) => new URL(u, root).href
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: spec.title,
    home_page_url: url(spec.homeUrl),
    feed_url: url(spec.path),
    description: spec.description,
    language: site.config.language,
    authors: [{name: site.config.title}],
    items: spec.stories.map((story) => {
      const content = spec.content(story)
      return {
        id: storyId(site, story),
        url: url(story.url),
        title: story.headline,
        ...(content === null ? {content_text: story.excerpt} : {content_html: content}),
        summary: story.excerpt,
        date_published: dayInstant(story.date ?? '1970-01-01').toISOString().replace('.000Z', 'Z'),
        ...(story.authors.length > 0 ? {authors: authorsOf(site, story).map((a) => ({name: a.name, url: a.link}))} : {}),
        ...(story.tags.length > 0 ? {tags: story.tags.map((t) => t.name)} : {}),
        language: site.config.language
      }
    })
  }
  return finish(site, spec.path, `${JSON.stringify(feed, null, 2)}\n`)
}
