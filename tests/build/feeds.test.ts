// Feeds and the sitemap of a whole built site: the seed and the sample corpus (500 generated
// stories; the whole BBC set in the corpus tier), built with a base URL. Every feed meets its
// specification, every page that links a feed links one with items, and a build without a base URL
// says so once and writes no relative URL anywhere a reader or crawler would follow it.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parseFeed} from '@rowanmanning/feed-parser'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/cli.ts'
import {checkFeedFile, checkSitemap} from '../support/feed-spec.ts'
import {sampleFiles} from '../model/story-files.ts'
import {buildIn, seedPath, writeContent, writeJson, type Built} from './fixture.ts'

const BASE = 'https://news.example/digest/'
const FEED = /(^|\/)(feed\.xml|atom\.xml|feed\.json)$/

let built: Built
beforeAll(async () => {
  const {root} = writeContent({...sampleFiles(), 'seed.txt': readFileSync(seedPath, 'utf8')})
  built = await buildIn(root, {config: writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: BASE})})
}, 300_000)

describe('the feeds of a whole site with a base URL', () => {
  it('meet their specifications, each with items, and link only pages of the site', () => {
    const feeds = built.files().filter((file) => FEED.test(file))
    // The site's three, and at least one a section and one a source.
    expect(feeds.length).toBeGreaterThan(10)
    for (const file of feeds) {
      const check = checkFeedFile(file, built.read(file))
      expect(check.problems, file).toEqual([])
      expect(check.items, file).toBeGreaterThan(0)
      for (const link of check.links) {
        expect(link.startsWith(BASE), `${file}: ${link}`).toBe(true)
        expect(built.exists(`${decodeURIComponent(link.slice(BASE.length))}index.html`), `${file}: ${link}`).toBe(true)
      }
    }
    const sitemap = checkSitemap(built.read('sitemap.xml'), BASE)
    expect(sitemap.problems).toEqual([])
    expect(sitemap.items).toBeGreaterThan(built.result.report.stories.length)
  })

  it('every feed a page links exists and has items', () => {
    const linked = new Set<string>()
    for (const file of built.files().filter((f) => f.endsWith('.html'))) {
      const html = built.read(file)
      for (const [, href] of html.matchAll(/<(?:link rel="alternate"|a class="feed-link")[^>]*href="([^"]+)"/g)) {
        // Relative on pages; root-relative from the base URL's path on the 404 page, served at any depth.
        const basePath = new URL(BASE).pathname
        linked.add(href!.startsWith(basePath) ? href!.slice(basePath.length) : path.posix.normalize(path.posix.join(path.posix.dirname(file), href!)))
      }
    }
    expect(linked.size).toBeGreaterThan(10)
    for (const feed of linked) {
      expect(built.exists(feed), feed).toBe(true)
      expect(checkFeedFile(feed, built.read(feed)).items, feed).toBeGreaterThan(0)
    }
  })

  it('the site feed holds the newest 20: dated stories first, then undated ones by importance', () => {
    const items = parseFeed(built.read('feed.xml')).items
    const stories = built.result.report.stories
    expect(items).toHaveLength(Math.min(20, stories.length))
    const dates = items.map((item) => item.published)
    const firstUndated = dates.findIndex((date) => date === null)
    if (firstUndated !== -1) expect(dates.slice(firstUndated).every((date) => date === null)).toBe(true)
    const times = dates.filter((date) => date !== null).map((date) => date.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    // The seed is the only dated story of the generated sample, so it leads.
    expect(items[0]!.title).toBe(stories.find((s) => s.date !== null)!.headline)
  })
})

describe('a build without a base URL', () => {
  it('warns once, names the key and what is left out, writes no feed or sitemap, and --strict refuses it', async () => {
    const {root} = writeContent({'seed.txt': readFileSync(seedPath, 'utf8'), 'b.txt': 'Headline first\n\nA body.\n'})
    const {status, stderr} = await runCli(['build', '--content', 'content', '--out', 'dist'], root)
    expect(status, stderr).toBe(0)
    expect(stderr.match(/baseUrl is not set/g)).toHaveLength(1)
    expect(stderr).toMatch(/feed\.xml, atom\.xml, feed\.json.*sitemap\.xml are skipped/)
    const plain = await buildIn(root)
    expect(plain.files().filter((file) => FEED.test(file) || file.endsWith('sitemap.xml'))).toEqual([])
    expect(plain.result.notices).toHaveLength(1)

    const strict = await runCli(['build', '--strict', '--content', 'content', '--out', 'strict'], root)
    expect(strict.status).toBe(1)
    expect(strict.stderr).toMatch(/baseUrl is not set.*--strict does not publish without them/)
    const withBase = await runCli(['build', '--strict', '--base-url', 'https://news.example/', '--content', 'content', '--out', 'strict'], root)
    expect(withBase.status, withBase.stderr).toBe(0)
    expect(withBase.stderr).not.toContain('baseUrl')
  })
})
