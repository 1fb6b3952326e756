// A site built with `--file-urls`, opened from disk in a real browser: a reader goes from the home
// page to a story, to a tag and home again, every page a page and never a folder listing, and the
// search page says it needs a web server.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../../src/build/index.ts'
import {bundledTemplates} from '../../src/read/templates.ts'
import {launch, resultsDir, seedHeadline, seedUrl, titleOf, writeSampleContent} from './browser.ts'

let browser: Browser
/** file:// URL of each build's folder, with a trailing slash. */
let fileSite: string
let plainSite: string

beforeAll(async () => {
  const content = writeSampleContent(2)
  const common = {content, templates: bundledTemplates, strict: false, drafts: false, cache: false}
  const files = path.join(path.dirname(content), 'dist-files')
  const plain = path.join(path.dirname(content), 'dist-plain')
  const [a, b, launched] = await Promise.all([build({...common, out: files, fileUrls: true}), build({...common, out: plain}), launch()])
  expect(a.published && b.published).toBe(true)
  browser = launched
  fileSite = pathToFileURL(`${files}/`).href
  plainSite = pathToFileURL(`${plain}/`).href
})

afterAll(async () => {
  await browser?.close()
})

/** A page of the site: an index.html, with the site's masthead and an h1, not a folder listing. */
async function expectPage(page: Page, url: string): Promise<void> {
  expect(page.url()).toBe(url)
  expect(page.url()).toMatch(/\/index\.html$/)
  expect(await page.title()).not.toMatch(/^Index of/)
  expect(await page.locator('.masthead-title').count()).toBe(1)
  expect(await page.locator('h1').count()).toBe(1)
}

describe('a site built with --file-urls, opened from disk', () => {
  it('home, a story, a tag and home again', async () => {
    const page = await (await browser.newContext({viewport: {width: 1280, height: 900}})).newPage()
    await page.goto(`${fileSite}index.html`)
    await expectPage(page, `${fileSite}index.html`)
    const siteTitle = (await page.locator('.masthead-title').innerText()).trim()
    // The stylesheet loads from disk too.
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(251, 249, 244)')

    await page.locator('.card-headline a', {hasText: seedHeadline}).click()
    await page.waitForURL(`${fileSite}${seedUrl}index.html`)
    await expectPage(page, `${fileSite}${seedUrl}index.html`)
    expect(await page.locator('h1').innerText()).toBe(seedHeadline)
    await page.screenshot({path: path.join(resultsDir, 'file-urls-story.png')})

    const tag = page.locator('.story-tags a').first()
    const tagName = (await tag.innerText()).trim()
    await tag.click()
    await page.waitForURL(/\/tags\/[^/]+\/index\.html$/)
    await expectPage(page, page.url())
    expect(await titleOf(page)).toBe(tagName)
    expect(await page.locator('.card-headline a', {hasText: seedHeadline}).count()).toBe(1)

    await page.locator('.site-nav-links a', {hasText: 'Home'}).click()
    await page.waitForURL(`${fileSite}index.html`)
    await expectPage(page, `${fileSite}index.html`)
    expect(await page.title()).toBe(siteTitle)

    // The archive, a day and the breadcrumbs lead to pages as well.
    await page.locator('.site-nav-links a', {hasText: 'Archive'}).click()
    await page.waitForURL(`${fileSite}archive/index.html`)
    await expectPage(page, `${fileSite}archive/index.html`)
    await page.locator('main a[href$="2005/index.html"]').first().click()
    await page.waitForURL(`${fileSite}2005/index.html`)
    await expectPage(page, `${fileSite}2005/index.html`)
    await page.context().close()
  })

  it('the header leads to the search page, which says it needs a web server and offers the archive and tags', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${fileSite}index.html`)
    // The search script cannot run from disk: the header keeps its plain link.
    await page.locator('.site-search-link').click()
    await page.waitForURL(`${fileSite}search/index.html`)
    const fallback = page.locator('.search-fallback')
    expect(await fallback.isVisible()).toBe(true)
    expect(await fallback.innerText()).toMatch(/^Search needs the site to be served by a web server/)
    expect(await fallback.innerText()).not.toMatch(/JavaScript, which is off/)
    await page.screenshot({path: path.join(resultsDir, 'file-urls-search.png')})
    await fallback.locator('a', {hasText: 'tag'}).click()
    await page.waitForURL(`${fileSite}tags/index.html`)
    await expectPage(page, `${fileSite}tags/index.html`)
    await page.context().close()
  })
})

describe('the search script opened from disk', () => {
  // A browser that runs module scripts from disk (Firefox does; Chromium with this switch) still
  // cannot fetch the index: the script says so, on any build, rather than that JavaScript is off.
  let permissive: Browser
  beforeAll(async () => {
    permissive = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--allow-file-access-from-files']
    })
  })
  afterAll(async () => {
    await permissive?.close()
  })

  it.each([
    ['a default build', () => plainSite],
    ['a --file-urls build', () => fileSite]
  ])('%s: the search page says it needs a web server', async (_, site) => {
    const page = await (await permissive.newContext()).newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${site()}search/index.html`)
    const fallback = page.locator('.search-fallback')
    await page.waitForFunction(`document.querySelector('.search-fallback p').textContent.startsWith('Search needs the site to be served by a web server')`)
    expect(await fallback.isVisible()).toBe(true)
    expect(await page.locator('.search-page-form').isVisible()).toBe(false)
    // The header box stays a link to the search page.
    expect(await page.locator('.site-search-link').isVisible()).toBe(true)
    expect(errors).toEqual([])
    await page.context().close()
  })
})
