// sitemap.xml and robots.txt. A sitemap wants absolute URLs; without a base URL the entries are
// relative to the sitemap itself, which is the best a site with no known address can say.
import type {SiteConfig} from '../model/types.ts'

export interface SitemapEntry {
  /** Site-relative URL of the page. */
  url: string
  /** `YYYY-MM-DD` or null. */
  lastmod: string | null
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function sitemapXml(config: SiteConfig, entries: readonly SitemapEntry[]): string {
  const lines = entries.map(({url, lastmod}) => {
    const loc = config.baseUrl === null ? `./${encodeURI(url)}` : new URL(url, config.baseUrl).href
    const mod = lastmod === null ? '' : `<lastmod>${lastmod}</lastmod>`
    return `  <url><loc>${escapeXml(loc)}</loc>${mod}</url>`
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
