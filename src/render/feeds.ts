// Syndication: RSS 2.0 and Atom through the `feed` package, JSON Feed 1.1 written here (the
// package only writes version 1). Dates are the stories' calendar days at midnight UTC; undated
// stories are left out, since a feed item without a date cannot be placed in a reader's timeline.
//
// Without a base URL there is no absolute address to give, so links are written relative to the
// feed file itself (readers resolve them against the feed's URL, as Atom specifies). The `feed`
// package insists on absolute URLs, so it is given a placeholder origin that is then replaced.
import {Feed, type Item} from 'feed'
import type {Site, Story, TermRef} from '../model/types.ts'
import {dayInstant} from './dates.ts'
import {rootFor} from './pagination.ts'

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

function finish(site: Site, path: string, text: string): string {
  return site.config.baseUrl === null ? text.replaceAll(PLACEHOLDER, rootFor(path)) : text
}

/** XML 1.0 forbids some characters outright (U+FFFE, lone surrogates): one in a headline would make the whole feed unreadable. */
function xmlChars(xml: string): string {
  return xml.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
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

/** @param text how plain text is written in this format: `title` for headlines, `html` for excerpts, `label` for tag names, `channel` for the feed's description (a tag feed's names a tag). */
function libraryFeed(site: Site, spec: FeedSpec, self: {rss?: string; atom?: string}, text: Record<'title' | 'html' | 'label' | 'channel', (plain: string) => string>): Feed {
  const root = base(site)
  const feed = new Feed({
    id: new URL(spec.homeUrl, root).href,
    title: spec.title,
    description: text.channel(spec.description),
    link: new URL(spec.homeUrl, root).href,
    language: site.config.language,
    updated: newest(spec.stories),
    generator: 'Broadsheet',
    feedLinks: Object.fromEntries(Object.entries(self).map(([k, v]) => [k, new URL(v, root).href])),
    author: {name: site.config.title},
    copyright: site.config.title
  })
  for (const story of spec.stories) {
    const item: Item = {
      title: text.title(story.headline),
      id: storyId(site, story),
      link: new URL(story.url, root).href,
      date: dayInstant(story.date ?? '1970-01-01'),
      description: text.html(story.excerpt),
      author: authorsOf(site, story),
      category: story.tags.map((t) => ({name: text.label(t.name)}))
    }
    const content = spec.content(story)
    if (content !== null) item.content = content
    feed.addItem(item)
  }
  return feed
}

/**
 * The library marks Atom titles and summaries `type="html"`, which readers decode as markup, so
 * plain text must arrive escaped or a headline such as `<img onerror=…>` becomes an element.
 */
function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
}

const asIs = (plain: string): string => plain

// RSS <description> (item and channel) is HTML by every reader's convention, while the excerpt and a
// tag feed's description are plain text, so both are escaped; RSS titles and Atom's subtitle stay
// text. Atom's category label is an attribute, which the library escapes only for `"`: a tag with
// `<` or `&` would otherwise make the whole feed malformed XML.
export function rssFeed(site: Site, spec: FeedSpec): string {
  return xmlChars(finish(site, spec.path, libraryFeed(site, spec, {rss: spec.path}, {title: asIs, html: escapeHtml, label: asIs, channel: escapeHtml}).rss2()))
}

export function atomFeed(site: Site, spec: FeedSpec): string {
  const label = (plain: string): string => plain.replaceAll('&', '&amp;').replaceAll('<', '&lt;')
  return xmlChars(finish(site, spec.path, libraryFeed(site, spec, {atom: spec.path}, {title: escapeHtml, html: escapeHtml, label, channel: asIs}).atom1()))
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
