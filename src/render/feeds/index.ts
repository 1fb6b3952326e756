// Syndication: RSS 2.0 (rss.ts), Atom 1.0 (atom.ts) and JSON Feed 1.1 (json.ts), each written from
// one FeedSpec. Every URL in a feed is absolute, as all three formats require, so a site without
// `baseUrl` has no feeds at all (the build says so once; see `feedsSkipped`).
//
// Which stories: the newest `feedSize`, in site order: dated stories by date (the most important
// first within a day), then undated ones by importance and file order. An undated item has no
// date in RSS and JSON Feed, where the date is optional; Atom requires `updated` on every entry,
// so an Atom feed holds only dated stories, and a site with none has no Atom feed.
import type {Site, SiteConfig, Story} from '../../model/types.ts'

export {atomFeed} from './atom.ts'
export {jsonFeed} from './json.ts'
export {rssFeed} from './rss.ts'
export {newestDate, type FeedSpec} from './spec.ts'

/** Whether the site has feeds and a sitemap: both need absolute URLs. */
export function hasFeeds(config: SiteConfig): boolean {
  return config.baseUrl !== null
}

/** What the build prints once when `hasFeeds` is false, and what `--strict` fails on. */
export const FEEDS_SKIPPED =
  'baseUrl is not set in broadsheet.config.json (or --base-url): feeds (feed.xml, atom.xml, feed.json and each tag, section, author and source feed) and sitemap.xml are skipped, since they need absolute URLs, and pages carry no canonical URL'

/** The stories of the site's own feeds: the first `feedSize` of the site, dated or not. */
export function siteFeedStories(site: Site): Story[] {
  return site.stories.slice(0, site.config.feedSize)
}

/** Whether story `index` is among `siteFeedStories`, whose bodies the site's feeds show. */
export function inSiteFeeds(index: number, config: SiteConfig): boolean {
  return index < config.feedSize
}

/** The first `feedSize` stories among `indices` (already in site order). */
export function feedStories(site: Site, indices: readonly number[]): Story[] {
  return indices.slice(0, site.config.feedSize).map((index) => site.stories[index]!)
}

/** The newest dated stories of the site, for Atom. */
export function atomFeedStories(site: Site): Story[] {
  const stories: Story[] = []
  for (const story of site.stories) {
    // Site order puts every dated story before the first undated one.
    if (story.date === null || stories.length === site.config.feedSize) break
    stories.push(story)
  }
  return stories
}
