// The built site in a real browser: a reader's walk, search, the keyboard and axe-core, at the
// root of a host and under a sub-path, served by `broadsheet preview`'s server.
import {mkdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {listen, mountAt, type Listening} from '../../src/serve/server.ts'
import {staticSite} from '../../src/serve/static.ts'
import {buildSample, launch, resultsDir, seedHeadline, seedUrl, titleOf} from './browser.ts'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let browser: Browser
let atRoot: Listening
let atSub: Listening

beforeAll(async () => {
  mkdirSync(resultsDir, {recursive: true})
  const [{out}, launched] = await Promise.all([buildSample(12), launch()])
  browser = launched
  atRoot = await listen(mountAt('/', staticSite(out)), 0)
  atSub = await listen(mountAt('/sub/', staticSite(out)), 0)
})

afterAll(async () => {
  await browser?.close()
  await atRoot?.close()
  await atSub?.close()
})

/** `failed` collects the URL of every request the page makes that does not answer 200-399. */
async function open(url: string, options: {width?: number; javaScript?: boolean; dark?: boolean; failed?: string[]} = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: {width: options.width ?? 1280, height: 900},
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.dark ? 'dark' : 'light'
  })
  const page = await context.newPage()
  page.on('response', (response) => {
    if (response.status() >= 400) options.failed?.push(`${response.status()} ${response.url()}`)
  })
  const response = await page.goto(url)
  expect(response?.status(), url).toBe(200)
  return page
}

const shot = (page: Page, name: string) => page.screenshot({path: path.join(resultsDir, `${name}.png`), fullPage: true})

describe('a reader walks the site', () => {
  it.each([['at the root', () => atRoot.url], ['under /sub/', () => `${atSub.url}sub/`]])('%s: home, story, tag, day, archive and back', async (where, base) => {
    const page = await open(base())
    const siteTitle = (await page.locator('.masthead-title').innerText()).trim()
    expect(await page.title()).toBe(siteTitle)
    const name = where === 'at the root' ? 'walk' : 'walk-sub'
    await shot(page, `${name}-1-home`)

    await page.locator('.card-headline a', {hasText: seedHeadline}).click()
    await page.waitForURL(`**/${seedUrl}`)
    expect(await titleOf(page)).toBe(seedHeadline)
    expect(await page.locator('h1').innerText()).toBe(seedHeadline)
    await shot(page, `${name}-2-story`)

    const tag = page.locator('.story-tags a').first()
    const tagName = (await tag.innerText()).trim()
    await tag.click()
    await page.waitForURL('**/tags/**')
    expect(await titleOf(page)).toBe(tagName)
    expect(await page.locator('.card-headline a', {hasText: seedHeadline}).count()).toBe(1)
    await shot(page, `${name}-3-tag`)

    await page.goBack()
    expect(await titleOf(page)).toBe(seedHeadline)
    await page.locator('.breadcrumbs a', {hasText: /^8$/}).click()
    await page.waitForURL('**/2022/11/08/')
    expect(await titleOf(page)).toBe('Tuesday, 8 November 2022')
    await shot(page, `${name}-4-day`)

    await page.locator('.site-nav-links a', {hasText: 'Archive'}).click()
    await page.waitForURL('**/archive/')
    expect(await titleOf(page)).toBe('Archive')
    expect(await page.locator('a[href$="2005/"]').count()).toBeGreaterThan(0)
    await shot(page, `${name}-5-archive`)

    await page.goBack()
    expect(await titleOf(page)).toBe('Tuesday, 8 November 2022')
    await page.goBack()
    expect(await titleOf(page)).toBe(seedHeadline)
    await page.goBack()
    expect(await page.title()).toBe(siteTitle)
    await page.context().close()
  })

  it('screenshots the home page and a story at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      for (const [name, url] of [['home', ''], ['story', seedUrl]] as const) {
        const page = await open(atRoot.url + url, {width})
        const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')
        expect(overflow, `${name} at ${width} px scrolls sideways`).toBe(0)
        await shot(page, `${name}-${width}`)
        await page.context().close()
      }
    }
  })

  it('the footer ends a short page at the bottom of the window and a long page after its content', async () => {
    for (const [name, url] of [['a search with no results', 'search/?q=xylophonic'], ['a story', seedUrl]] as const) {
      const page = await open(atRoot.url + url)
      const box = (await page.evaluate(`(() => {
        const footer = document.querySelector('.site-footer').getBoundingClientRect()
        const main = document.querySelector('main').getBoundingClientRect()
        return {footerTop: footer.top + scrollY, footerBottom: footer.bottom + scrollY, mainBottom: main.bottom + scrollY,
          window: innerHeight, page: document.documentElement.scrollHeight}
      })()`)) as {footerTop: number; footerBottom: number; mainBottom: number; window: number; page: number}
      expect(box.footerTop, `${name}: footer after main`).toBeGreaterThanOrEqual(box.mainBottom)
      expect(Math.round(box.footerBottom), `${name}: footer ends the page`).toBe(box.page)
      if (name === 'a story') expect(box.page).toBeGreaterThan(box.window)
      else expect(box.page, `${name}: no scrolling and the footer at the bottom of the window`).toBe(box.window)
      await page.context().close()
    }
  })
})

describe('search', () => {
  it.each([['at the root', () => atRoot.url], ['under /sub/', () => `${atSub.url}sub/`]])(
    '%s: a word from the seed in the header box leads to the seed story',
    async (_, base) => {
      const page = await open(base())
      await page.locator('#site-search-q').pressSequentially('Luhansk')
      const first = page.locator('.site-search-results .search-result').first()
      await first.waitFor()
      expect(await first.locator('.search-result-title').innerText()).toBe(seedHeadline)
      expect(await first.locator('.search-result-date').innerText()).toBe('Tuesday, 8 November 2022')
      expect(await first.locator('.search-result-excerpt').innerText()).toMatch(/^North Korea on Tuesday accused the United States/)
      expect(await page.locator('.site-search-results [role="status"]').innerText()).toMatch(/1 story matches/)
      await first.locator('a').click()
      await page.waitForURL(`${base()}${seedUrl}`)
      expect(await page.locator('h1').innerText()).toBe(seedHeadline)
      await page.context().close()
    }
  )

  it('the search page reads ?q= and lists generated stories with links that open them', async () => {
    const page = await open(`${atSub.url}sub/search/?q=figures`)
    const results = page.locator('.search-page-results .search-result')
    await results.first().waitFor()
    expect(await results.count()).toBeGreaterThan(1)
    const title = (await results.first().locator('.search-result-title').innerText()).trim()
    await results.first().locator('a').click()
    await page.waitForURL(/\/sub\/2005\/0[34]\/\d\d\/[^/]+\/$/)
    expect(await page.locator('h1').innerText()).toBe(title)
    await page.context().close()
  })

  it('a word no story has says so, without asking for a file the site does not have', async () => {
    const failed: string[] = []
    const page = await open(`${atRoot.url}search/?q=xylophonic`, {failed})
    await page.locator('.search-page-results [role="status"]', {hasText: 'No stories match'}).waitFor()
    expect(await page.locator('.search-page-results .search-result').count()).toBe(0)
    expect(failed).toEqual([])
    await page.context().close()
  })

  it('without JavaScript the header links to the search page, which points to the archive', async () => {
    const page = await open(atRoot.url, {javaScript: false})
    expect(await page.locator('.site-search-link').isVisible()).toBe(true)
    expect(await page.locator('.site-search-form').isVisible()).toBe(false)
    await page.locator('.site-search-link').click()
    await page.waitForURL('**/search/')
    expect(await page.locator('.search-fallback').isVisible()).toBe(true)
    expect(await page.locator('.search-page-form').isVisible()).toBe(false)
    expect(await page.locator('.search-fallback a[href="../archive/"]').count()).toBe(1)
    await page.context().close()
  })
})

describe('keyboard', () => {
  it('Tab reaches the skip link first, then the search box and the first story', async () => {
    const page = await open(atRoot.url)
    const where = `(() => {
      const a = document.activeElement
      if (a.classList.contains('skip-link')) return 'skip'
      if (a.id === 'site-search-q') return 'search'
      if (a === document.querySelector('.card-headline a')) return 'first-story'
      return a.tagName + ':' + (a.textContent || '').trim().slice(0, 20)
    })()`
    const order: string[] = []
    for (let i = 0; i < 40 && !order.includes('first-story'); i++) {
      await page.keyboard.press('Tab')
      order.push(String(await page.evaluate(where)))
    }
    expect(order[0]).toBe('skip')
    expect(order).toContain('search')
    expect(order).toContain('first-story')
    expect(order.indexOf('search')).toBeLessThan(order.indexOf('first-story'))
    // Typing in the box and tabbing on reaches the first result.
    await page.locator('#site-search-q').focus()
    await page.keyboard.type('Kirby')
    await page.locator('.site-search-results .search-result').first().waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await page.evaluate('document.activeElement.textContent')).toBe(seedHeadline)
    await page.keyboard.press('Escape')
    expect(await page.locator('.site-search-results').isVisible()).toBe(false)
    await page.context().close()
  })

  it('the skip link moves focus to the main content', async () => {
    const page = await open(atRoot.url + seedUrl)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    expect(await page.evaluate('document.activeElement.id')).toBe('main')
    expect(await page.locator('header.masthead').count()).toBe(1)
    expect(await page.locator('nav[aria-label="Breadcrumb"]').count()).toBe(1)
    expect(await page.locator('footer').count()).toBeGreaterThan(0)
    await page.context().close()
  })
})

describe('axe-core finds nothing serious or critical', () => {
  const pages: Array<[string, string]> = [
    ['home', ''],
    ['a story', seedUrl],
    ['a tag page', 'tags/'],
    ['the archive', 'archive/'],
    ['the search page with results', 'search/?q=figures'],
    ['a day', '2022/11/08/']
  ]
  it.each(pages.flatMap(([name, url]) => [[name, url, false], [name, url, true]] as const))('%s (%s, dark: %s)', async (_, url, dark) => {
    const page = await open(atRoot.url + url, {dark})
    if (url === 'tags/') {
      // The tag index links every tag; the test takes the first tag page.
      await page.locator('main a[href*="tags/"]').first().click()
      await page.waitForURL('**/tags/*/')
    }
    if (url.startsWith('search/')) await page.locator('.search-result').first().waitFor()
    await page.addScriptTag({path: axePath})
    const violations = (await page.evaluate(
      `axe.run(document, {resultTypes: ['violations']}).then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3)})))`
    )) as Array<{id: string; impact: string; nodes: string[]}>
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    await page.context().close()
  })
})
