// Atom 1.0 (RFC 4287). Every entry needs `updated`, so the entries are dated stories only
// (index.ts chooses them); the feed's `updated` is its newest entry's day, never the clock. Ids are
// the stories' absolute URLs, which are IRIs as the RFC requires and stable across builds.
import type {Site, Story} from '../../model/types.ts'
import {dayInstant} from '../dates.ts'
import {absoluteUrl} from './links.ts'
import {newestDate, type FeedSpec} from './spec.ts'
import {escapedHtml, xmlText} from './xml.ts'

const IN_FEED = '\n  '
const IN_ENTRY = '\n    '

function instant(date: string): string {
  return dayInstant(date).toISOString().replace('.000Z', 'Z')
}

/** The Atom feed of `spec`, whose stories must all be dated; null when it has none. */
export function atomFeed(site: Site, spec: FeedSpec): string | null {
  const newest = newestDate(spec.stories)
  if (newest === null) return null
  const home = xmlText(absoluteUrl(site, spec.homeUrl))
  let xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(site.config.language)}">` +
    `${IN_FEED}<id>${home}</id>` +
    `${IN_FEED}<title>${xmlText(spec.title)}</title>` +
    `${IN_FEED}<subtitle>${xmlText(spec.description)}</subtitle>` +
    `${IN_FEED}<updated>${instant(newest)}</updated>` +
    `${IN_FEED}<link rel="alternate" type="text/html" href="${home}"/>` +
    `${IN_FEED}<link rel="self" type="application/atom+xml" href="${xmlText(absoluteUrl(site, spec.path))}"/>` +
    // The feed's author stands for entries without a byline (RFC 4287 4.1.1).
    `${IN_FEED}<author><name>${xmlText(site.config.title)}</name></author>` +
    `${IN_FEED}<generator>Broadsheet</generator>`
  for (const story of spec.stories) {
    if (story.date !== null) xml += `${IN_FEED}<entry>${entry(site, story, story.date, spec.content(story))}${IN_FEED}</entry>`
  }
  return `${xml}\n</feed>\n`
}

function entry(site: Site, story: Story, date: string, content: string | null): string {
  const link = xmlText(absoluteUrl(site, story.url))
  let xml =
    `${IN_ENTRY}<id>${link}</id>` +
    `${IN_ENTRY}<title type="text">${xmlText(story.headline)}</title>` +
    `${IN_ENTRY}<link rel="alternate" type="text/html" href="${link}"/>` +
    `${IN_ENTRY}<published>${instant(date)}</published>` +
    `${IN_ENTRY}<updated>${instant(date)}</updated>`
  for (const author of story.authors) {
    xml += `${IN_ENTRY}<author><name>${xmlText(author.name)}</name><uri>${xmlText(absoluteUrl(site, author.url))}</uri></author>`
  }
  for (const tag of story.tags) xml += `${IN_ENTRY}<category term="${xmlText(tag.name)}"/>`
  if (story.excerpt) xml += `${IN_ENTRY}<summary type="text">${xmlText(story.excerpt)}</summary>`
  if (content) xml += `${IN_ENTRY}<content type="html">${escapedHtml(content)}</content>`
  return xml
}
