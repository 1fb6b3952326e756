// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). `date_published` is optional there, so an
// undated story is an item without it.
import type {Site} from '../../model/types.ts'
import {dayInstant} from '../dates.ts'
import {absoluteUrl} from './links.ts'
import type {FeedSpec} from './spec.ts'

export function jsonFeed(site: Site, spec: FeedSpec): string {
  const url = (u: string) => absoluteUrl(site, u)
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
        id: url(story.url),
        url: url(story.url),
        title: story.headline,
        ...(content === null ? {content_text: story.excerpt} : {content_html: content}),
        summary: story.excerpt,
        ...(story.date === null ? {} : {date_published: dayInstant(story.date).toISOString().replace('.000Z', 'Z')}),
        ...(story.authors.length > 0 ? {authors: story.authors.map((a) => ({name: a.name, url: url(a.url)}))} : {}),
        ...(story.tags.length > 0 ? {tags: story.tags.map((t) => t.name)} : {}),
        language: site.config.language
      }
    })
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}
