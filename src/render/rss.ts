// RSS 2.0 as the `feed` package writes it, byte for byte, without the package. A site has a feed
// for every tag, and the package builds each as a tree of objects that xml-js then walks generically:
// at 10,000 stories that was 0.55 s of a 10 s build for 2,100 feeds. Here each element is written
// straight into the string, in the package's order and with xml-js's four-space indents and
// escaping; a differential test (tests/render/rss.test.ts) holds the two together on real sites.
import {xmlChars} from './xml-chars.ts'

export interface RssChannel {
  title: string
  /** Absolute URL of the page the feed mirrors. */
  link: string
  /** Written as text: a caller that means HTML escapes it first. */
  description: string
  /** RFC 822, as in `Tue, 08 Nov 2022 00:00:00 GMT`. */
  updated: string
  language: string
  generator: string
  copyright: string
  /** Absolute URL of the feed itself (`atom:link rel="self"`). */
  self: string
}

export interface RssItem {
  /** Written as CDATA, as it is given. */
  title: string
  link: string
  /** Not a URL that readers should follow: `isPermaLink="false"`. */
  guid: string
  /** RFC 822. */
  date: string
  /** CDATA; left out when empty, as the package does. */
  description: string
  /** HTML of the whole story (`content:encoded`), or null for a feed of excerpts. */
  content: string | null
  authors: readonly string[]
  categories: readonly string[]
}

// Each line starts with xml-js's indent: four spaces a level.
const IN_CHANNEL = '\n        '
const IN_ITEM = '\n            '

export function rss2(channel: RssChannel, items: readonly RssItem[]): string {
  const withContent = items.some((item) => item.content)
  let xml =
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"' +
    (withContent ? ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"' : '') +
    ' xmlns:atom="http://www.w3.org/2005/Atom">\n    <channel>' +
    `${IN_CHANNEL}<title>${text(channel.title)}</title>` +
    `${IN_CHANNEL}<link>${text(channel.link)}</link>` +
    `${IN_CHANNEL}<description>${text(channel.description)}</description>` +
    `${IN_CHANNEL}<lastBuildDate>${channel.updated}</lastBuildDate>` +
    `${IN_CHANNEL}<docs>https://validator.w3.org/feed/docs/rss2.html</docs>` +
    `${IN_CHANNEL}<generator>${text(channel.generator)}</generator>` +
    // The package leaves out an empty language or copyright.
    (channel.language ? `${IN_CHANNEL}<language>${text(channel.language)}</language>` : '') +
    (channel.copyright ? `${IN_CHANNEL}<copyright>${text(channel.copyright)}</copyright>` : '') +
    `${IN_CHANNEL}<atom:link href="${attribute(channel.self)}" rel="self" type="application/rss+xml"/>`
  for (const item of items) xml += `${IN_CHANNEL}<item>${itemFields(item)}${IN_CHANNEL}</item>`
  return `${xml}\n    </channel>\n</rss>`
}

function itemFields(item: RssItem): string {
  let xml = item.title ? `${IN_ITEM}<title>${cdata(item.title)}</title>` : ''
  xml +=
    `${IN_ITEM}<link>${text(item.link)}</link>` +
    `${IN_ITEM}<guid isPermaLink="false">${text(item.guid)}</guid>` +
    `${IN_ITEM}<pubDate>${item.date}</pubDate>`
  if (item.description) xml += `${IN_ITEM}<description>${cdata(item.description)}</description>`
  if (item.content) xml += `${IN_ITEM}<content:encoded>${cdata(item.content)}</content:encoded>`
  for (const author of item.authors) if (author) xml += `${IN_ITEM}<author>${text(author)}</author>`
  for (const category of item.categories) xml += `${IN_ITEM}<category>${text(category)}</category>`
  return xml
}

const MARKUP = /[&<>]/

/**
 * xml-js's text: an `&amp;` already there is kept as one (it turns it back into `&` first), then
 * `&`, `<` and `>` are escaped; then characters XML forbids are taken out, as the package's caller
 * did over the whole feed.
 */
function text(value: string): string {
  if (!MARKUP.test(value)) return xmlChars(value)
  return xmlChars(value.replaceAll('&amp;', '&').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'))
}

/** The package gives URLs in attributes with `&` escaped; xml-js escapes only `"`. */
function attribute(url: string): string {
  return xmlChars(url).replaceAll('&', '&amp;').replaceAll('"', '&quot;')
}

/**
 * A `]]>` in the text would end the section early, so it is split across two. xml-js splits only
 * the first, and the package's caller took characters XML forbids out of the whole feed after, which
 * could make a `]]>` of `]]\u0001>`: here every one is split, after those characters are gone. The
 * two differ only where the package's feed is not well-formed XML.
 */
function cdata(value: string): string {
  return `<![CDATA[${xmlChars(value).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}
