import {describe, expect, it} from 'vitest'
import type {SiteWithBodies} from '../../src/model/site.ts'
import {NOT_FOUND_SCRIPT} from '../../src/render/not-found.ts'
import {links, renderAll, resolveLink} from './render-helpers.ts'
import {loadTemplates, makeSite, sampleSite, type StorySpec} from './site-fixture.ts'

function manyStories(): SiteWithBodies {
  const specs: StorySpec[] = []
  for (let i = 0; i < 45; i++) {
    const day = 28 - Math.floor(i / 3)
    specs.push({headline: `Story ${i}`, date: `2023-02-${String(day).padStart(2, '0')}`, tags: ['Economy'], authors: ['Ann Lee'], agency: 'AP', place: 'PARIS'})
  }
  for (let i = 0; i < 5; i++) specs.push({headline: `Undated ${i}`, date: null, tags: ['Economy']})
  return makeSite(specs, {pageSize: 4, homeDays: 3, baseUrl: 'https://news.example/'})
}

const cases: Array<[string, SiteWithBodies]> = [
  ['the sample site', sampleSite()],
  ['the sample site with a base URL', sampleSite({baseUrl: 'https://news.example/sub/'})],
  ['a paginated site', manyStories()]
]

describe.each(cases)('links in %s', (_, built) => {
  const {site} = built
  const files = renderAll(built)

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
    for (const path of ['index.html', 'archive/index.html', 'tags/index.html', 'authors/index.html', 'sources/index.html', '404.html', 'robots.txt', 'assets/style.css']) {
      expect(files.has(path), path).toBe(true)
    }
    // Feeds and the sitemap need absolute URLs: a site without a base URL has none.
    for (const path of ['feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml']) expect(files.has(path), path).toBe(site.config.baseUrl !== null)
  })

  it('puts every page in the sitemap exactly once, and nothing else (with a base URL; without one, there is none)', () => {
    const base = site.config.baseUrl
    if (base === null) return expect(files.has('sitemap.xml')).toBe(false)
    const locs = [...files.get('sitemap.xml')!.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!)
    const pages = locs.map((loc) => resolveLink('', loc.slice(base.length)))
    expect(new Set(pages).size).toBe(pages.length)
    const htmlPages = [...files.keys()].filter((p) => p.endsWith('.html') && p !== '404.html')
    expect([...pages].sort()).toEqual(htmlPages.sort())
  })
})

describe('pages that need the site root', () => {
  it('gives the 404 page, which is served at any depth, root-relative links from the base URL', () => {
    const files = renderAll(sampleSite({baseUrl: 'https://news.example/sub/'}))
    const notFound = files.get('404.html')!
    expect(notFound).toContain('<link rel="stylesheet" href="/sub/assets/style.css">')
    expect(notFound).toContain('<script type="module" src="/sub/assets/search.js"></script>')
    expect(notFound).toContain('data-search-root="/sub/"')
    for (const href of links(notFound)) expect(href).toMatch(/^\/sub\/|^#main$/)
    expect(notFound).not.toMatch(/<style>|data-site-folders|rel="canonical"/)
    expect(files.get('robots.txt')).toContain('Sitemap: https://news.example/sub/sitemap.xml')
  })

  it('without one, makes the 404 page need no file of the site: the stylesheet inline, links from /, a script that finds the root', () => {
    const {site, bodies} = sampleSite()
    const files = renderAll({site, bodies})
    const notFound = files.get('404.html')!
    const css = new TextDecoder().decode(loadTemplates()['assets/style.css'] as Uint8Array)
    expect(notFound).toContain(`<style>${css}</style>`)
    // No stylesheet, icon or search script to load from where the page happens to be served.
    expect(notFound.replace(`<style>${css}</style>`, '')).not.toMatch(/assets\/|<link rel="icon"|<script type="module"/)
    const hrefs = links(notFound)
    expect(hrefs).toContain('/')
    expect(hrefs).toContain('/archive/')
    for (const href of hrefs) expect(href).toMatch(/^\/(?!\/)|^#main$/)
    // The site's top folders, for the script to cut a missing address at.
    const folders = /<script data-site-folders="([^"]*)">/.exec(notFound)?.[1]
    expect(folders?.split(' ')).toEqual(['2022', 'archive', 'assets', 'authors', 'search', 'sources', 'stories', 'tags', 'undated'])
    expect(notFound).toContain(`${NOT_FOUND_SCRIPT}</script>`)
    expect(files.get('robots.txt')).not.toContain('Sitemap')
    expect(files.get('index.html')).not.toContain('rel="canonical"')
  })

  it('gives canonical links only with a base URL', () => {
    const {site, bodies} = sampleSite({baseUrl: 'https://news.example/'})
    const files = renderAll({site, bodies})
    expect(files.get(`${site.stories[0]!.url}index.html`)).toContain(`<link rel="canonical" href="https://news.example/${site.stories[0]!.url}">`)
    expect(files.get('index.html')).toContain('<link rel="canonical" href="https://news.example/">')
  })
})
