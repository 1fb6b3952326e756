// sitemap.xml and robots.txt. The sitemap protocol wants absolute URLs, so a site without a base
// URL has no sitemap (render/feeds/index.ts `hasFeeds`).
import type {SiteConfig} from '../model/types.ts'
import {xmlCharRefs} from './feeds/xml.ts'

export interface SitemapEntry {
  /** Site-relative URL of the page. */
  url: string
  /** `YYYY-MM-DD` or null. */
  lastmod: string | null
}

export function sitemapXml(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const baseUrl = config.baseUrl
  if (baseUrl === null) throw new Error('a sitemap needs a base URL')
  const lines = entries.map(({url, lastmod}) => {
    const loc = new URL(url, baseUrl).href
    const mod = lastmod === null ? '' : `<lastmod>${lastmod}</lastmod>`
    return `  <url><loc>${xmlCharRefs(loc)}</loc>${mod}</url>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...lines,
    '</urlset>',
    ''
  ].join('\n')
}

export function robotsTxt(config: SiteConfig): string {
  const lines = ['User-agent: *', 'Allow: /']
  if (config.baseUrl !== null) lines.push('', `Sitemap: ${new URL('sitemap.xml', config.baseUrl).href}`)
  return `${lines.join('\n')}\n`
}
