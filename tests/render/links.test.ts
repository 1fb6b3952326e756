import {describe, expect, it} from 'vitest'
import type {Site} from '../../src/model/types.ts'
import {links, renderAll, resolveLink} from './render-helpers.ts'
import {makeSite, sampleSite, type StorySpec} from './site-fixture.ts'

function manyStories(): Site {
  const specs: StorySpec[] = []
  for (let i = 0; i < 45; i++) {
    const day = 28 - Math.floor(i / 3)
    specs.push({headline: `Story ${i}`, date: `2023-02-${String(day).padStart(2, '0')}`, tags: ['Economy'], authors: ['Ann Lee'], agency: 'AP', place: 'PARIS'})
  }
  for (let i = 0; i < 5; i++) specs.push({headline: `Undated ${i}`, date: null, tags: ['Economy']})
  return makeSite(specs, {pageSize: 4, homeDays: 3})
}

const cases: Array<[string, Site]> = [
  ['the sample site', sampleSite()],
  ['the sample site with a base URL', sampleSite({baseUrl: 'https://news.example/sub/'})],
  ['a paginated site', manyStories()]
]

describe.each(cases)('links in %s', (_, site) => {
  const files = renderAll(site)

  it('resolve from every page to a generated file', () => {
    let checked = 0
    for (const [path, html] of files) {
      if (!path.endsWith('.html') || path === '404.html') continue
      for (const href of links(html)) {
        if (/^https?:/.test(href)) {
          // Absolute links are the canonical and social URLs, or external ones from content.
          if (site.config.baseUrl && href.startsWith(site.config.baseUrl)) {
            expect(files.has(resolveLink('', href.slice(site.config.baseUrl.length))!), `${path} → ${href}`).toBe(true)
          }
          continue
        }
        expect(href, `${path} has a root-absolute link`).not.toMatch(/^\//)
        const target = resolveLink(path, href)
        if (target === null) continue
        expect(files.has(target), `${path} → ${href} (${target})`).toBe(true)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(50)
  })

  it('gives every story, term and date its page', () => {
    for (const story of site.stories) expect(files.has(`${story.url}index.html`)).toBe(true)
    for (const term of [...site.tags, ...site.authors, ...site.sources]) expect(files.has(`${term.url}index.html`)).toBe(true)
    for (const day of site.days) expect(files.has(`${day.date.replaceAll('-', '/')}/index.html`)).toBe(true)
    for (const year of site.years) {
      expect(files.has(`${year.year}/index.html`)).toBe(true)
      for (const month of year.months) expect(files.has(`${month.month.replace('-', '/')}/index.html`)).toBe(true)
    }
    for (const path of ['index.html', 'archive/index.html', 'tags/index.html', 'authors/index.html', 'sources/index.html', '404.html', 'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'robots.txt', 'assets/style.css']) {
      expect(files.has(path), path).toBe(true)
    }
  })

  it('puts every page in the sitemap exactly once, and nothing else', () => {
    const locs = [...files.get('sitemap.xml')!.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!)
    const base = site.config.baseUrl ?? './'
    const pages = locs.map((loc) => resolveLink('', loc.slice(base.length)))
    expect(new Set(pages).size).toBe(pages.length)
    const htmlPages = [...files.keys()].filter((p) => p.endsWith('.html') && p !== '404.html')
    expect([...pages].sort()).toEqual(htmlPages.sort())
  })
})

describe('pages that need the site root', () => {
  it('uses the base URL on the 404 page, which is served at any depth', () => {
    const files = renderAll(sampleSite({baseUrl: 'https://news.example/sub/'}))
    expect(files.get('404.html')).toContain('href="https://news.example/sub/assets/style.css"')
    expect(files.get('robots.txt')).toContain('Sitemap: https://news.example/sub/sitemap.xml')
  })

  it('falls back to relative links and no Sitemap line without one', () => {
    const files = renderAll(sampleSite())
    expect(files.get('404.html')).toContain('href="./assets/style.css"')
    expect(files.get('robots.txt')).not.toContain('Sitemap')
    expect(files.get('index.html')).not.toContain('rel="canonical"')
  })

  it('gives canonical links only with a base URL', () => {
    const site = sampleSite({baseUrl: 'https://news.example/'})
    const files = renderAll(site)
    expect(files.get(`${site.stories[0]!.url}index.html`)).toContain(`<link rel="canonical" href="https://news.example/${site.stories[0]!.url}">`)
    expect(files.get('index.html')).toContain('<link rel="canonical" href="https://news.example/">')
  })
})
