// What every page's <head> and chrome need: title, description, canonical and social meta,
// breadcrumbs, and which header link is the current page.
import type {SiteConfig} from '../model/types.ts'
import {rootFor} from './pagination.ts'

export interface Crumb {
  name: string
  /** Relative href, or null for the current page. */
  href: string | null
}

/** The header link a page is: `section:<slug>` for a section's pages. */
export type NavItem = 'home' | 'archive' | 'tags' | `section:${string}` | null

export interface PageHead {
  /** Relative prefix back to the site root, `./` at the root. */
  root: string
  /** Full <title>. */
  title: string
  /** Title without the site name, for social cards. */
  shortTitle: string
  description: string
  /** Absolute URL, only when the site has a base URL. */
  canonical: string | null
  ogType: 'website' | 'article'
  breadcrumbs: Crumb[]
  nav: NavItem
  /** The home page prints the site name as its h1; other pages have their own. */
  mastheadIsHeading: boolean
  /**
   * The newest day, which the masthead of the front page alone names: on every page it would
   * change every page of the site each day new stories come (28,000 files at 10,000 stories).
   */
  edition: {date: string; dateText: string} | null
  jsonLd: string | null
  /** Relative href of a topic feed, besides the site feeds every page links. */
  feed: {href: string; title: string} | null
  published: string | null
}

export interface HeadInput {
  /** Site-relative URL of the page (`tags/x/`); for files other than index.html, pass `path`. */
  url: string
  path: string
  title: string
  description: string
  breadcrumbs?: Array<{name: string; url: string | null}>
  nav?: NavItem
  ogType?: 'website' | 'article'
  mastheadIsHeading?: boolean
  edition?: {date: string; dateText: string} | null
  jsonLd?: string | null
  feed?: {url: string; title: string} | null
  published?: string | null
}

export function pageHead(config: SiteConfig, input: HeadInput): PageHead {
  const root = rootFor(input.path)
  const isHome = input.url === '' && input.path === 'index.html'
  return {
    root,
    title: isHome ? config.title : documentTitle(input.title, config.title),
    shortTitle: input.title,
    description: input.description,
    canonical: absoluteUrl(config, input.url),
    ogType: input.ogType ?? 'website',
    breadcrumbs: (input.breadcrumbs ?? []).map((c) => ({name: c.name, href: c.url === null ? null : root + c.url})),
    nav: input.nav ?? null,
    mastheadIsHeading: input.mastheadIsHeading ?? false,
    edition: input.edition ?? null,
    jsonLd: input.jsonLd ?? null,
    feed: input.feed ? {href: root + input.feed.url, title: input.feed.title} : null,
    published: input.published ?? null
  }
}

// Search results and tabs cut titles at about 70 characters; the site name goes first when room
// runs out. html-validate measures the escaped source, so `'` counts as the five of `&#39;`.
const TITLE_MAX = 70

function escapedLength(text: string): number {
  return text.length + 4 * (text.match(/[&<>"']/g)?.length ?? 0)
}

export function documentTitle(title: string, siteTitle: string): string {
  const full = `${title} — ${siteTitle}`
  if (escapedLength(full) <= TITLE_MAX) return full
  if (escapedLength(title) <= TITLE_MAX) return title
  // Start from a prefix: every character costs at least one, so nothing longer can fit, and a
  // megabyte headline must not be trimmed one character at a time.
  let cut = title.slice(0, TITLE_MAX)
  while (escapedLength(cut) > TITLE_MAX - 1) cut = cut.slice(0, -1)
  const space = cut.lastIndexOf(' ')
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`
}

export function absoluteUrl(config: SiteConfig, url: string): string | null {
  return config.baseUrl === null ? null : new URL(url, config.baseUrl).href
}
