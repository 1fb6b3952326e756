// Absolute URLs for feeds. A story is in the feed of each of its tags, author, source and section,
// so its address against the base URL is worked out once per site.
import type {Site} from '../../model/types.ts'

const absolutes = new WeakMap<Site, Map<string, string>>()

/** The absolute URL of a site-relative URL. Feeds exist only when the site has a base URL. */
export function absoluteUrl(site: Site, url: string): string {
  const baseUrl = site.config.baseUrl
  if (baseUrl === null) throw new Error('feeds need a base URL')
  let known = absolutes.get(site)
  if (known === undefined) absolutes.set(site, (known = new Map()))
  let href = known.get(url)
  if (href === undefined) known.set(url, (href = new URL(url, baseUrl).href))
  return href
}
