// `build --file-urls` and the config's `fileUrls`: every link between pages names an index.html, so
// that the output folder works opened from disk; search says it needs a web server; and a default
// build is not changed by any of it.
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {fileHref, withFileUrls} from '../../src/render/file-urls.ts'
import {decodeEntities} from '../render/render-helpers.ts'
import {buildIn, listFiles, runCli, tree, writeContent, writeJson, type Built} from './fixture.ts'

const bundledContent = new URL('../../content/', import.meta.url).pathname

/** Stories of each category in dated folders (2005/03/01/business/001.txt): sections, days, pagination. */
function sampleContent(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const [n, [name, text]] of Object.entries(plainFiles(24)).sort(([a], [b]) => (a < b ? -1 : 1)).entries()) {
    files[`2005/0${3 + (n % 2)}/0${(n % 5) + 1}/${name}`] = text
  }
  return files
}

/** Every href, src and action in a page, as a browser reads it. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) => [...tag[0].matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)))
}

/** Problems with the local links of every page: each must name a file of the output folder. */
function linkProblems(built: Built): {problems: string[]; checked: number} {
  const problems: string[] = []
  let checked = 0
  for (const file of built.files()) {
    // The 404 page is served by a host at any address, never opened from disk (README, 404).
    if (!file.endsWith('.html') || file === '404.html') continue
    for (const link of linksOf(built.read(file))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#')) continue
      const target = link.replace(/[?#].*$/, '')
      if (!/(^|\/)index\.html$|\.(xml|css|json|svg|js)$/.test(target)) {
        problems.push(`${file}: ${link} names a folder, not a file`)
        continue
      }
      const resolved = path.join(built.out, path.dirname(file), decodeURIComponent(target))
      if (!existsSync(resolved) || !statSync(resolved).isFile()) problems.push(`${file}: ${link} → nothing at ${path.relative(built.out, resolved)}`)
      else checked++
    }
  }
  return {problems, checked}
}

describe('fileHref', () => {
  it.each([
    ['./', './index.html'],
    ['../../', '../../index.html'],
    ['../tags/north-korea/', '../tags/north-korea/index.html'],
    ['../tags/page/2/#p-a', '../tags/page/2/index.html#p-a'],
    ['./?q=x', './index.html?q=x'],
    ['.', './index.html'],
    ['..', '../index.html'],
    ['../feed.xml', '../feed.xml'],
    ['../assets/style.css', '../assets/style.css'],
    ['#main', '#main'],
    ['https://apnews.com/hub/', 'https://apnews.com/hub/'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['/news/', '/news/'],
    ['../o&#39;hara/', '../o&#39;hara/index.html']
  ])('%s → %s', (href, expected) => {
    expect(fileHref(href)).toBe(expected)
  })

  it('changes attributes of tags only, never text that reads like one', () => {
    const html = '<p class="x"><a href="../tags/x/" rel="nofollow">x</a> He typed href="news/" there.</p><form action="../search/" method="get">'
    expect(withFileUrls(html)).toBe('<p class="x"><a href="../tags/x/index.html" rel="nofollow">x</a> He typed href="news/" there.</p><form action="../search/index.html" method="get">')
  })
})

describe('a build with fileUrls', () => {
  it('of the bundled content: every local link of every page names an existing file', async () => {
    const {root} = writeContent({})
    const built = await buildIn(root, {content: bundledContent, fileUrls: true})
    expect(built.result.published).toBe(true)
    const {problems, checked} = linkProblems(built)
    expect(problems).toEqual([])
    expect(checked).toBeGreaterThan(300)
    expect(built.read('index.html')).toContain('<a href="./index.html" aria-current="page">Home</a>')
  })

  it('of a site with sections, days, tags and pagination, from the config file: the same', async () => {
    const {root} = writeContent(sampleContent())
    const config = writeJson(path.join(root, 'config.json'), {fileUrls: true, baseUrl: 'https://news.example/', pageSize: 3, homeDays: 2, tags: {minStories: 1}})
    const built = await buildIn(root, {config})
    expect(built.result.published).toBe(true)
    const {problems, checked} = linkProblems(built)
    expect(problems).toEqual([])
    expect(checked).toBeGreaterThan(5000)
    const files = built.files()
    expect(files.some((file) => file.startsWith('sections/'))).toBe(true)
    expect(files.some((file) => /^tags\/[^/]+\/page\/2\/index\.html$/.test(file))).toBe(true)
    expect(files.some((file) => /^page\/2\/index\.html$/.test(file))).toBe(true)
    // URLs for servers stay as they are: canonical, social, feeds, sitemap.
    expect(built.read('index.html')).toContain('<link rel="canonical" href="https://news.example/">')
    expect(built.read('sitemap.xml')).toContain('<loc>https://news.example/</loc>')
    expect(built.read('sitemap.xml')).not.toContain('index.html')
  })

  it('has a search page that says it needs a web server, and points to the archive and tags', async () => {
    const {root} = writeContent({})
    const built = await buildIn(root, {content: bundledContent, fileUrls: true})
    const fallback = /<div class="search-fallback" data-search-fallback>([\s\S]*?)<\/div>/.exec(built.read('search/index.html'))?.[1] ?? ''
    expect(fallback).toContain('Search needs the site to be served by a web server')
    expect(fallback).not.toContain('JavaScript, which is off')
    expect(linksOf(fallback)).toEqual(['../archive/index.html', '../tags/index.html'])
    // Opened from disk with the script running, the script says the same (assets/search.js).
    expect(built.read('assets/search.js')).toContain("location.protocol === 'file:'")
  })
})

describe('the option leaves everything else as it was', () => {
  it('changes nothing in a page but its links and the search page’s note', async () => {
    const {root} = writeContent(sampleContent())
    const plain = await buildIn(root, {out: path.join(root, 'plain')})
    const files = await buildIn(root, {out: path.join(root, 'files'), fileUrls: true})
    const before = tree(plain.out)
    const after = tree(files.out)
    expect(Object.keys(after)).toEqual(Object.keys(before))
    let changed = 0
    for (const file of Object.keys(before)) {
      const text = plain.read(file)
      if (!file.endsWith('.html') || file === '404.html') {
        expect(after[file], file).toBe(before[file])
        continue
      }
      const expected = file === 'search/index.html' ? text.replace(/<p>Search runs in your browser[^<]*<\/p>/, '<p>Search needs the site to be served by a web server, with JavaScript on: a page opened from disk cannot read the search index.</p>') : text
      expect(files.read(file), file).toBe(withFileUrls(expected))
      if (files.read(file) !== text) changed++
    }
    expect(changed).toBe(Object.keys(before).filter((file) => file.endsWith('.html') && file !== '404.html').length)
  })

  it('a cached build that turns it on, then off, writes what a build without the cache writes', async () => {
    const {root} = writeContent(sampleContent())
    const out = path.join(root, 'dist')
    await buildIn(root, {out, cache: true})
    const on = await buildIn(root, {out, cache: true, fileUrls: true})
    const onFresh = await buildIn(root, {out: path.join(root, 'on-fresh'), fileUrls: true})
    expect(tree(on.out)).toEqual(tree(onFresh.out))
    const off = await buildIn(root, {out, cache: true})
    const offFresh = await buildIn(root, {out: path.join(root, 'off-fresh')})
    expect(tree(off.out)).toEqual(tree(offFresh.out))
    expect(off.result.cache.kept).toBeGreaterThan(0)
  })

  it('a config that says fileUrls: false builds the same bytes as one that says nothing', async () => {
    const {root} = writeContent({})
    const none = await buildIn(root, {content: bundledContent, out: path.join(root, 'none'), config: writeJson(path.join(root, 'none.json'), {title: 'Daily'})})
    const config = writeJson(path.join(root, 'off.json'), {title: 'Daily', fileUrls: false})
    const off = await buildIn(root, {content: bundledContent, out: path.join(root, 'off'), config})
    expect(tree(off.out)).toEqual(tree(none.out))
    expect(none.read('index.html')).toContain('<a href="./" aria-current="page">Home</a>')
  })
})

describe('the command line', () => {
  it('build --file-urls writes index.html links; the flag wins over a config that says false', async () => {
    const {root} = writeContent({})
    writeJson(path.join(root, 'broadsheet.config.json'), {fileUrls: false})
    const {status} = await runCli(['build', '--content', bundledContent, '--out', 'dist', '--no-cache', '--quiet', '--file-urls'], root)
    expect(status).toBe(0)
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).toContain('<a href="./archive/index.html">Archive</a>')
    expect(listFiles(path.join(root, 'dist'))).toContain('404.html')
  })

  it('a fileUrls that is not true or false is an error that names it', async () => {
    const {root} = writeContent({})
    writeJson(path.join(root, 'broadsheet.config.json'), {fileUrls: 'yes'})
    const {status, stderr} = await runCli(['build', '--content', bundledContent, '--out', 'dist', '--no-cache'], root)
    expect(status).toBe(1)
    expect(stderr).toContain('fileUrls must be true or false')
  })
})
