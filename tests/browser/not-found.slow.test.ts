// The 404 page in a real browser, served by `broadsheet preview`'s server at missing addresses of
// every depth, at a host's root and under a sub-path: it is styled, and every link on it leads to
// a page of the site. Without a base URL the page finds the site's root itself (render/not-found.ts);
// with one, its links are root-relative from the base URL's path.
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.ts'
import {bundledTemplates} from '../../src/read/templates.ts'
import {listen, mountAt, type Listening} from '../../src/serve/server.ts'
import {staticSite} from '../../src/serve/static.ts'
import {launch, resultsDir, writeSampleContent} from './browser.ts'

let browser: Browser
const servers: Listening[] = []
/** Where each build is served: at the root and under /sub/ without a base URL; under /news/ with one. */
let atRoot: string
let atSub: string
let atNews: string

beforeAll(async () => {
  const content = writeSampleContent(2)
  const out = path.join(path.dirname(content), 'dist')
  const withBase = path.join(path.dirname(content), 'dist-news')
  const common = {content, templates: bundledTemplates, strict: false, drafts: false, cache: false}
  const [plain, based, launched] = await Promise.all([
    build({...common, out}),
    build({...common, out: withBase, baseUrl: 'https://example.org/news/'}),
    launch()
  ])
  expect(plain.published && based.published).toBe(true)
  browser = launched
  for (const [base, dir] of [['/', out], ['/sub/', out], ['/news/', withBase]] as const) servers.push(await listen(mountAt(base, staticSite(dir)), 0))
  atRoot = servers[0]!.url.replace(/\/$/, '')
  atSub = servers[1]!.url.replace(/\/$/, '')
  atNews = servers[2]!.url.replace(/\/$/, '')
})

afterAll(async () => {
  await browser?.close()
  for (const server of servers) await server.close()
})

interface Opened {
  page: Page
  /** Requests that failed or answered 400 or more, but the page itself and the root-finding probes. */
  failed: string[]
}

async function open(url: string, javaScript = true): Promise<Opened> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}, javaScriptEnabled: javaScript})
  const page = await context.newPage()
  const failed: string[] = []
  // The probes answer 404 but at the root, and Chromium reports a HEAD request as aborted once its
  // headers are in: neither is a failure of the page.
  const probe = (requested: string) => requested.endsWith('/search/meta.json')
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url && !probe(response.url())) failed.push(`${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => {
    if (!probe(request.url())) failed.push(`failed ${request.url()} ${request.failure()?.errorText}`)
  })
  const response = await page.goto(url)
  expect(response?.status(), url).toBe(404)
  // The root is found after the page loads: the probes must have answered.
  await page.waitForLoadState('networkidle')
  return {page, failed}
}

/** The site's stylesheet, applied: its paper colour, serif text and the masthead's rule. */
async function expectStyled(page: Page): Promise<void> {
  const style = (await page.evaluate(`(() => {
    const body = getComputedStyle(document.body)
    return {background: body.backgroundColor, font: body.fontFamily, display: body.display}
  })()`)) as {background: string; font: string; display: string}
  expect(style.background).toBe('rgb(251, 249, 244)')
  expect(style.font).toMatch(/Charter/)
  expect(style.display).toBe('flex')
  expect(await page.locator('h1').innerText()).toBe('Page not found')
}

/** Every link's target (the browser's resolved `href`), which must answer 200 from the server. */
async function expectLinksWork(page: Page, root: string): Promise<string[]> {
  const hrefs = (await page.evaluate(`[...document.querySelectorAll('a[href]')].map((a) => a.href)`)) as string[]
  const pages = [...new Set(hrefs.filter((href) => !href.includes('#')))]
  // Home, the archive, tags, authors, sources and search at least.
  expect(pages.length).toBeGreaterThanOrEqual(6)
  for (const href of pages) {
    expect(href.startsWith(root), `${href} is under ${root}`).toBe(true)
    const response = await page.request.get(href)
    expect(response.status(), href).toBe(200)
  }
  return pages
}

describe('the 404 page without a base URL', () => {
  const cases: Array<[string, string]> = [
    ['at the root, one level down', '/missing'],
    ['at the root, four levels down', '/a/b/c/missing'],
    ['at the root, a mistyped story', '/2022/11/08/a-mistyped-slug/'],
    ['under /sub/, one level down', '/sub/missing'],
    ['under /sub/, three levels down', '/sub/x/y/missing'],
    ['under /sub/, a mistyped story', '/sub/2022/11/08/a-mistyped-slug/'],
    ['under /sub/, a missing tag', '/sub/tags/nobody-at-all/']
  ]
  it.each(cases)('%s (%s): styled, and every link leads to a page of the site', async (name, address) => {
    const host = address.startsWith('/sub/') ? atSub : atRoot
    const root = `${host}${address.startsWith('/sub/') ? '/sub/' : '/'}`
    const {page, failed} = await open(host + address)
    await expectStyled(page)
    await expectLinksWork(page, root)
    expect(await page.locator('.site-nav-links a', {hasText: 'Archive'}).getAttribute('href')).toBe(`${new URL(root).pathname}archive/`)
    // Nothing else was asked for: no stylesheet, icon or script from where the page happened to be.
    expect(failed).toEqual([])
    await page.screenshot({path: path.join(resultsDir, `404-${name.replace(/\W+/g, '-')}.png`)})
    // A reader follows a link on it.
    await page.locator('.story-links a', {hasText: 'The archive'}).click()
    await page.waitForURL(`${root}archive/`)
    expect(await page.title()).toMatch(/^Archive/)
    await page.context().close()
  })

  it('without JavaScript, at the root: styled, and its plain links lead home and to the archive', async () => {
    const {page, failed} = await open(`${atRoot}/a/b/c/missing`, false)
    await expectStyled(page)
    await expectLinksWork(page, `${atRoot}/`)
    expect(failed).toEqual([])
    await page.context().close()
  })
})

describe('the 404 page with a base URL (https://example.org/news/)', () => {
  it.each(['/news/missing', '/news/a/b/c/missing'])('at %s: root-relative links from /news/, the stylesheet and search script loaded', async (address) => {
    const {page, failed} = await open(atNews + address)
    await expectStyled(page)
    const pages = await expectLinksWork(page, `${atNews}/news/`)
    expect(pages).toContain(`${atNews}/news/archive/`)
    const html = await page.content()
    expect(html).toContain('<link rel="stylesheet" href="/news/assets/style.css">')
    expect(html).not.toContain('<style>')
    // The search box works here too: its script came from /news/assets/.
    await page.locator('#site-search-q').pressSequentially('Luhansk')
    await page.locator('.site-search-results .search-result').first().waitFor()
    expect(failed).toEqual([])
    await page.context().close()
  })
})
