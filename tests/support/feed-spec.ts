// Checks written from the specifications, since no maintained feed validator exists on npm (the
// W3C Feed Validation Service is a Python program): each function returns what its document breaks,
// one line a problem, so a test can require none. fast-xml-parser's validator decides whether the
// XML is well-formed; the rest is read from its tree.
//
// RSS 2.0: https://www.rssboard.org/rss-specification (channel title, link and description; item
//   title or description; RFC 822 dates; a guid that is a permalink is a URL; `author` is an e-mail
//   address; namespaced elements need their namespace declared).
// Atom: RFC 4287 (feed and entry id, title and updated; ids are absolute IRIs; dates are RFC 3339;
//   an author on the feed or on every entry; an entry has a link rel=alternate or content).
// JSON Feed 1.1: https://jsonfeed.org/version/1.1 (version, title, items; each item an id and
//   content_html or content_text; RFC 3339 dates; authors are objects).
// Sitemaps: https://www.sitemaps.org/protocol.html (urlset in its namespace; loc absolute, under
//   2,048 characters, on the sitemap's own host; lastmod in W3C Datetime; at most 50,000 URLs).
// Beyond the specs, Broadsheet's own rule: a feed's date is its newest item's, never the epoch.
import {XMLParser, XMLValidator} from 'fast-xml-parser'

type Node = Record<string, unknown>

const parser = new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false})

function parse(xml: string, problems: string[]): Node | null {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    problems.push(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
    return null
  }
  return parser.parse(xml) as Node
}

function list(value: unknown): Node[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]) as Node[]
}

function text(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') return String((value as Node)['#text'] ?? '')
  return String(value)
}

export function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== ''
  } catch {
    return false
  }
}

function isAbsoluteIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|[+-]\d{4})$/

/** An RFC 822 date (with a four-digit year, as RSS advises) whose weekday is right; its instant or null. */
export function rfc822(value: string): number | null {
  const m = RFC822.exec(value)
  if (!m) return null
  const time = Date.parse(value)
  if (Number.isNaN(time) || DAYS[new Date(time).getUTCDay()] !== m[1]) return null
  return time
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export function rfc3339(value: string): number | null {
  if (!RFC3339.test(value)) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : time
}

const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/

export interface FeedCheck {
  problems: string[]
  items: number
  /** Item links (RSS, Atom) or urls (JSON Feed), in order. */
  links: string[]
}

export function checkRss(xml: string): FeedCheck {
  const problems: string[] = []
  const doc = parse(xml, problems)
  if (doc === null) return {problems, items: 0, links: []}
  const rss = doc['rss'] as Node | undefined
  if (!rss) return {problems: ['no <rss> root element'], items: 0, links: []}
  if (rss['@version'] !== '2.0') problems.push(`<rss version> is ${String(rss['@version'])}, not 2.0`)
  const channels = list(rss['channel'])
  if (channels.length !== 1) return {problems: [...problems, `${channels.length} <channel> elements, not 1`], items: 0, links: []}
  const channel = channels[0]!
  const declared = (prefix: string) => typeof rss[`@xmlns:${prefix}`] === 'string'
  for (const key of Object.keys(channel)) {
    const prefix = /^([A-Za-z]+):/.exec(key)?.[1]
    if (prefix && !declared(prefix)) problems.push(`<${key}> without its namespace declared`)
  }
  for (const key of ['title', 'link', 'description']) if (text(channel[key]).trim() === '') problems.push(`channel has no <${key}>`)
  if (!isAbsoluteUrl(text(channel['link']))) problems.push(`channel <link> is not an absolute URL: ${text(channel['link'])}`)
  for (const self of list(channel['atom:link'])) {
    if (!isAbsoluteUrl(String(self['@href']))) problems.push(`<atom:link href> is not absolute: ${String(self['@href'])}`)
  }
  const items = list(channel['item'])
  const guids = new Set<string>()
  const links: string[] = []
  let newest: number | null = null
  for (const [i, item] of items.entries()) {
    const at = `item ${i + 1}`
    for (const key of Object.keys(item)) {
      const prefix = /^([A-Za-z]+):/.exec(key)?.[1]
      if (prefix && !declared(prefix)) problems.push(`${at}: <${key}> without its namespace declared`)
    }
    if (text(item['title']).trim() === '' && text(item['description']).trim() === '') problems.push(`${at}: neither <title> nor <description>`)
    const link = text(item['link'])
    links.push(link)
    if (!isAbsoluteUrl(link)) problems.push(`${at}: <link> is not an absolute URL: ${link}`)
    for (const guid of list(item['guid'])) {
      const value = text(guid)
      if (guid['@isPermaLink'] !== 'false' && !isAbsoluteUrl(value)) problems.push(`${at}: permalink <guid> is not an absolute URL: ${value}`)
      if (guids.has(value)) problems.push(`${at}: <guid> ${value} is not unique`)
      guids.add(value)
    }
    if (item['pubDate'] !== undefined) {
      const time = rfc822(text(item['pubDate']))
      if (time === null) problems.push(`${at}: <pubDate> is not an RFC 822 date: ${text(item['pubDate'])}`)
      else newest = Math.max(newest ?? time, time)
    }
    for (const author of list(item['author'])) {
      if (!/^\S+@\S+/.test(text(author))) problems.push(`${at}: <author> is not an e-mail address: ${text(author)}`)
    }
    for (const category of list(item['category'])) if (text(category).trim() === '') problems.push(`${at}: empty <category>`)
  }
  for (const key of ['lastBuildDate', 'pubDate']) {
    if (channel[key] === undefined) continue
    const time = rfc822(text(channel[key]))
    if (time === null) problems.push(`channel <${key}> is not an RFC 822 date: ${text(channel[key])}`)
    else if (time !== newest) problems.push(`channel <${key}> ${text(channel[key])} is not the newest item's date`)
  }
  if (newest !== null && channel['lastBuildDate'] === undefined) problems.push('channel has dated items but no <lastBuildDate>')
  return {problems, items: items.length, links}
}

export function checkAtom(xml: string): FeedCheck {
  const problems: string[] = []
  const doc = parse(xml, problems)
  if (doc === null) return {problems, items: 0, links: []}
  const feed = doc['feed'] as Node | undefined
  if (!feed) return {problems: ['no <feed> root element'], items: 0, links: []}
  if (feed['@xmlns'] !== 'http://www.w3.org/2005/Atom') problems.push('<feed> is not in the Atom namespace')
  const one = (node: Node, key: string, at: string): string | null => {
    const found = list(node[key])
    if (found.length !== 1) {
      problems.push(`${at} has ${found.length} <${key}> elements, not 1`)
      return null
    }
    return text(found[0])
  }
  const id = one(feed, 'id', 'feed')
  if (id !== null && !isAbsoluteIri(id)) problems.push(`feed <id> is not an absolute IRI: ${id}`)
  if ((one(feed, 'title', 'feed') ?? '').trim() === '') problems.push('feed <title> is empty')
  const updated = one(feed, 'updated', 'feed')
  const feedTime = updated === null ? null : rfc3339(updated)
  if (updated !== null && feedTime === null) problems.push(`feed <updated> is not an RFC 3339 date: ${updated}`)
  if (feedTime === 0) problems.push('feed <updated> is the epoch')
  const feedLinks = list(feed['link'])
  if (!feedLinks.some((link) => link['@rel'] === 'self')) problems.push('feed has no <link rel="self">')
  for (const link of feedLinks) if (!isAbsoluteUrl(String(link['@href']))) problems.push(`feed <link href> is not absolute: ${String(link['@href'])}`)
  const feedAuthor = list(feed['author']).some((author) => text(author['name']).trim() !== '')
  const entries = list(feed['entry'])
  const ids = new Set<string>()
  const links: string[] = []
  let newest: number | null = null
  for (const [i, entry] of entries.entries()) {
    const at = `entry ${i + 1}`
    const entryId = one(entry, 'id', at)
    if (entryId !== null) {
      if (!isAbsoluteIri(entryId)) problems.push(`${at}: <id> is not an absolute IRI: ${entryId}`)
      if (ids.has(entryId)) problems.push(`${at}: <id> ${entryId} is not unique`)
      ids.add(entryId)
    }
    one(entry, 'title', at)
    const entryUpdated = one(entry, 'updated', at)
    if (entryUpdated !== null) {
      const time = rfc3339(entryUpdated)
      if (time === null) problems.push(`${at}: <updated> is not an RFC 3339 date: ${entryUpdated}`)
      else newest = Math.max(newest ?? time, time)
    }
    const entryLinks = list(entry['link'])
    const alternate = entryLinks.find((link) => (link['@rel'] ?? 'alternate') === 'alternate')
    if (!alternate && entry['content'] === undefined) problems.push(`${at}: neither <link rel="alternate"> nor <content>`)
    for (const link of entryLinks) if (!isAbsoluteUrl(String(link['@href']))) problems.push(`${at}: <link href> is not absolute: ${String(link['@href'])}`)
    links.push(String(alternate?.['@href'] ?? ''))
    if (!feedAuthor && !list(entry['author']).some((author) => text(author['name']).trim() !== '')) problems.push(`${at}: no <author>, and the feed has none`)
  }
  if (feedTime !== null && newest !== null && feedTime !== newest) problems.push(`feed <updated> ${updated} is not the newest entry's date`)
  return {problems, items: entries.length, links}
}

export function checkJsonFeed(json: string): FeedCheck {
  const problems: string[] = []
  let feed: Node
  try {
    feed = JSON.parse(json) as Node
  } catch (error) {
    return {problems: [`not JSON: ${(error as Error).message}`], items: 0, links: []}
  }
  if (feed['version'] !== 'https://jsonfeed.org/version/1.1') problems.push(`version is ${String(feed['version'])}`)
  if (typeof feed['title'] !== 'string' || feed['title'] === '') problems.push('no title')
  for (const key of ['home_page_url', 'feed_url']) {
    if (feed[key] !== undefined && !isAbsoluteUrl(String(feed[key]))) problems.push(`${key} is not an absolute URL: ${String(feed[key])}`)
  }
  if (!Array.isArray(feed['items'])) return {problems: [...problems, 'items is not an array'], items: 0, links: []}
  const items = feed['items'] as Node[]
  const ids = new Set<string>()
  const links: string[] = []
  for (const [i, item] of items.entries()) {
    const at = `item ${i + 1}`
    if (typeof item['id'] !== 'string' || item['id'] === '') problems.push(`${at}: no id`)
    else if (ids.has(item['id'])) problems.push(`${at}: id ${item['id']} is not unique`)
    else ids.add(item['id'])
    if (typeof item['content_html'] !== 'string' && typeof item['content_text'] !== 'string') problems.push(`${at}: neither content_html nor content_text`)
    links.push(String(item['url'] ?? ''))
    if (item['url'] !== undefined && !isAbsoluteUrl(String(item['url']))) problems.push(`${at}: url is not absolute: ${String(item['url'])}`)
    for (const key of ['date_published', 'date_modified']) {
      if (item[key] !== undefined && rfc3339(String(item[key])) === null) problems.push(`${at}: ${key} is not an RFC 3339 date: ${String(item[key])}`)
    }
    if (item['authors'] !== undefined) {
      if (!Array.isArray(item['authors'])) problems.push(`${at}: authors is not an array`)
      else for (const author of item['authors'] as Node[]) if (typeof author !== 'object' || (author['name'] === undefined && author['url'] === undefined)) problems.push(`${at}: an author with neither name nor url`)
    }
  }
  return {problems, items: items.length, links}
}

export function checkSitemap(xml: string, baseUrl: string): FeedCheck {
  const problems: string[] = []
  const doc = parse(xml, problems)
  if (doc === null) return {problems, items: 0, links: []}
  const urlset = doc['urlset'] as Node | undefined
  if (!urlset) return {problems: ['no <urlset> root element'], items: 0, links: []}
  if (urlset['@xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') problems.push('<urlset> is not in the sitemap namespace')
  const urls = list(urlset['url'])
  if (urls.length > 50_000) problems.push(`${urls.length} URLs, more than 50,000`)
  const host = new URL(baseUrl).host
  const links: string[] = []
  for (const [i, url] of urls.entries()) {
    const loc = text(url['loc'])
    links.push(loc)
    if (!isAbsoluteUrl(loc)) problems.push(`url ${i + 1}: <loc> is not absolute: ${loc}`)
    else if (new URL(loc).host !== host) problems.push(`url ${i + 1}: <loc> is on another host: ${loc}`)
    if (loc.length >= 2048) problems.push(`url ${i + 1}: <loc> is 2,048 characters or more`)
    if (url['lastmod'] !== undefined && !W3C_DATETIME.test(text(url['lastmod']))) problems.push(`url ${i + 1}: <lastmod> is not a W3C datetime: ${text(url['lastmod'])}`)
  }
  return {problems, items: urls.length, links}
}

/** The check for a feed file by its name. */
export function checkFeedFile(file: string, content: string): FeedCheck {
  if (file.endsWith('atom.xml')) return checkAtom(content)
  if (file.endsWith('.json')) return checkJsonFeed(content)
  return checkRss(content)
}
