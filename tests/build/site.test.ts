// Hugo-style integration tests: tiny articles written to a temp folder, built in-process, and the
// output folder read back. Each test asserts on the files a static host would serve.
import {readdirSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseFeed} from '@rowanmanning/feed-parser'
import {describe, expect, it} from 'vitest'
import {checkFeedFile} from '../support/feed-spec.ts'
import {article, buildFiles, buildIn, tree, writeContent, writeJson} from './fixture.ts'

/** Every URL-valued attribute of a page, in document order. */
function urls(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!)
}

function htmlFiles(files: string[]): string[] {
  return files.filter((f) => f.endsWith('.html'))
}

/** The text of an XML element however the feed library wrote it: CDATA (possibly split at `]]>`) or text. */
/** A config file in the build's root, so the repo's own broadsheet.config.json never applies. */
function configIn(root: string, config: object = {}): string {
  return writeJson(path.join(root, 'broadsheet.config.json'), config)
}

describe('URLs', () => {
  it('dated stories live at YYYY/MM/DD/<slug>/index.html, undated ones at stories/<slug>/', async () => {
    const {root} = writeContent({
      'one.txt': article('2024-03-05', 'Markets rally as inflation cools', ['Stocks rose.']),
      'plain.txt': 'Ad sales boost Time Warner profit\n\nQuarterly profits jumped.\n',
      '2021-03-04/plain.txt': 'Dated by its folder\n\nA body.\n'
    })
    const built = await buildIn(root, {config: configIn(root)})
    const byHeadline = Object.fromEntries(built.result.report.stories.map((s) => [s.headline, s.url]))
    expect(byHeadline).toEqual({
      'Markets rally as inflation cools': '2024/03/05/markets-rally-as-inflation-cools/',
      'Ad sales boost Time Warner profit': 'stories/ad-sales-boost-time-warner-profit/',
      'Dated by its folder': '2021/03/04/dated-by-its-folder/'
    })
    for (const url of Object.values(byHeadline)) expect(built.exists(`${url}index.html`), url).toBe(true)
    expect(built.read('undated/index.html')).toContain('href="../stories/ad-sales-boost-time-warner-profit/"')
    // An undated story is in no date archive.
    expect(built.read('archive/index.html')).not.toContain('ad-sales-boost')
  })

  it('every internal link is relative: no href, src or action starts with / or http', async () => {
    const {root} = writeContent({
      'a.txt': article('2024-03-05', 'Markets rally', ['Stocks rose.'], 'By JANE DOE\n\n'),
      'b.txt': article('2024-03-04', 'Markets fall', ['Stocks fell. [Read more](https://example.com/x).']),
      'c.txt': 'Undated story\n\nA body.\n'
    })
    const built = await buildIn(root, {config: configIn(root)})
    const offending: string[] = []
    let checked = 0
    // The 404 page is served at any depth: its links are written from `/` (render/not-found.ts).
    for (const file of htmlFiles(built.files()).filter((f) => f !== '404.html')) {
      for (const url of urls(built.read(file))) {
        checked++
        if (url === 'https://example.com/x') continue // the body's own outbound link
        if (/^(\/|https?:)/i.test(url)) offending.push(`${file}: ${url}`)
      }
    }
    expect(checked).toBeGreaterThan(100)
    expect(offending).toEqual([])
  })
})

describe('escaping', () => {
  const hostile = '<img src=x onerror=alert(1)> "Q" & <script>alert(1)</script> ]]>'
  it('a hostile headline and body reach no page, feed or JSON-LD as markup', async () => {
    const {root} = writeContent({
      'evil.txt': article('2024-03-05', hostile, ['Body <script>alert(2)</script> and [x](javascript:alert(3)).', 'Second.'])
    })
    const built = await buildIn(root, {config: configIn(root, {baseUrl: 'https://news.example/'})})
    expect(built.result.report.stories).toHaveLength(1)
    const url = built.result.report.stories[0]!.url
    const story = built.read(`${url}index.html`)
    expect(story).toContain('&lt;img src=x onerror=alert(1)&gt; &#34;Q&#34; &amp; &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;')
    // Feeds hold the headline as text (CDATA or JSON), checked below; pages must never hold it as markup.
    for (const file of htmlFiles(built.files())) {
      const text = built.read(file)
      expect(text, file).not.toMatch(/<img src=x|<script>alert|href="javascript:/i)
    }
    // The JSON-LD block holds no `<`, so nothing in it can close the script element early.
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(story)![1]!
    expect(jsonLd).not.toContain('<')
    expect((JSON.parse(jsonLd) as {headline: string}).headline).toBe(hostile)
    // Feeds stay well-formed XML and carry the headline as text (RSS titles and Atom's `type="text"`).
    for (const file of ['feed.xml', 'atom.xml']) {
      expect(checkFeedFile(file, built.read(file)).problems, file).toEqual([])
      expect(parseFeed(built.read(file)).items[0]!.title, file).toBe(hostile)
    }
    expect((JSON.parse(built.read('feed.json')) as {items: Array<{title: string}>}).items[0]!.title).toBe(hostile)
  })
})

const PLACES = ['Lyon', 'Leeds', 'Porto', 'Tampere', 'Graz']

describe('the digest', () => {
  const days = ['2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04', '2024-03-05']
  const files = Object.fromEntries(
    days.flatMap((day, i) => [
      // Bodies of their own: two stories of one text a day apart would be one event (model/events.ts).
      [`${day}-a.txt`, article(day, `First story of day ${i + 1}`, [`Farmers in ${PLACES[i]} met on ${day}.`])],
      [`${day}-b.txt`, article(day, `Second story of day ${i + 1}`, [`Ministers from ${PLACES[4 - i]} spoke about trade.`])]
    ])
  )
  const dayIds = (html: string) => [...html.matchAll(/<section class="edition" aria-labelledby="day-([\d-]+)"/g)].map((m) => m[1])

  it('shows the newest day first, homeDays days a page, older days on page/2/, page/3/', async () => {
    const {root} = writeContent(files)
    const built = await buildIn(root, {config: configIn(root, {homeDays: 2})})
    expect(dayIds(built.read('index.html'))).toEqual(['2024-03-05', '2024-03-04'])
    expect(dayIds(built.read('page/2/index.html'))).toEqual(['2024-03-03', '2024-03-02'])
    expect(dayIds(built.read('page/3/index.html'))).toEqual(['2024-03-01'])
    expect(built.exists('page/4/index.html')).toBe(false)
    expect(urls(built.read('index.html'))).toContain('./page/2/')
    expect(urls(built.read('page/2/index.html'))).toEqual(expect.arrayContaining(['../../', '../../page/3/']))
    // Within a day, every story of the day is listed in the section.
    const first = built.read('index.html').split('id="day-2024-03-04"')[0]!
    expect(first).toContain('First story of day 5')
    expect(first).toContain('Second story of day 5')
  })
})

describe('date archives', () => {
  it('count the stories of every year, month and day', async () => {
    const {root} = writeContent({
      'a.txt': article('2023-12-31', 'Old year story', ['Text.']),
      'b.txt': article('2024-01-02', 'January one', ['Text.']),
      'c.txt': article('2024-01-02', 'January two', ['Text.']),
      'd.txt': article('2024-01-20', 'January three', ['Text.']),
      'e.txt': article('2024-02-29', 'Leap day', ['Text.']),
      'u.txt': 'No date here\n\nText.\n'
    })
    const built = await buildIn(root, {config: configIn(root)})
    const archive = built.read('archive/index.html')
    expect(archive).toContain('<a href="../2024/">2024</a> <span class="count">4 stories</span>')
    expect(archive).toContain('<a href="../2023/">2023</a> <span class="count">1 story</span>')
    expect(archive).toContain('<li><a href="../2024/01/">January</a> <span class="count">3</span></li>')
    expect(archive).toContain('<li><a href="../2024/02/">February</a> <span class="count">1</span></li>')
    expect(archive).toContain('<li><a href="../2023/12/">December</a> <span class="count">1</span></li>')
    expect(archive).toContain('<a href="../undated/">Undated stories</a> <span class="count">1</span>')
    const lede = (file: string) => /<p class="lede">([^<]*)<\/p>/.exec(built.read(file))?.[1]
    expect(lede('2024/index.html')).toBe('4 stories')
    expect(lede('2024/01/index.html')).toBe('3 stories')
    expect(lede('2024/01/02/index.html')).toBe('2 stories')
    expect(lede('2024/02/29/index.html')).toBe('1 story')
    expect(lede('2023/12/31/index.html')).toBe('1 story')
    expect(built.read('2024/02/29/index.html')).toContain('<h1>Thursday, 29 February 2024</h1>')
    expect(built.exists('2024/01/03/index.html')).toBe(false)
  })
})

describe('slugs', () => {
  it('same-day collisions get -2, -3 in site order, case-folded; other days keep the plain slug', async () => {
    const {root} = writeContent({
      'a.txt': article('2024-03-05', 'Markets rally', ['One.']),
      'b.txt': article('2024-03-05', 'MARKETS RALLY', ['Two.']),
      'c.txt': '---\ntitle: Something else\ndate: 2024-03-05\nslug: Markets-Rally\n---\nThree.\n',
      'd.txt': article('2024-03-06', 'Markets rally', ['Four.'])
    })
    const built = await buildIn(root, {config: configIn(root)})
    const urlsOf = built.result.report.stories.map((s) => `${s.headline} → ${s.url}`).sort()
    // Site order within a day is by importance, here equal, then by file: a.txt, b.txt, c.txt.
    expect(urlsOf).toEqual([
      'MARKETS RALLY → 2024/03/05/markets-rally-2/',
      'Markets rally → 2024/03/05/markets-rally/',
      'Markets rally → 2024/03/06/markets-rally/',
      'Something else → 2024/03/05/markets-rally-3/'
    ])
    for (const s of built.result.report.stories) expect(built.exists(`${s.url}index.html`)).toBe(true)
  })

  it('a front-matter slug wins over the headline, after the same cleaning', async () => {
    const {root} = writeContent({
      'a.md': '---\ntitle: Markets rally as inflation cools\ndate: 2024-03-05\nslug: "../My Custom Slug!"\n---\nBody.\n',
      'b.txt': '---\nslug: plain-front\n---\nA plain headline\n\nBody.\n'
    })
    const built = await buildIn(root, {config: configIn(root)})
    expect(built.result.report.stories.map((s) => s.url).sort()).toEqual(['2024/03/05/my-custom-slug/', 'stories/plain-front/'])
  })
})

describe('atomic failure', () => {
  it('a --strict build with an error leaves the previous output byte-identical', async () => {
    const {root, content} = writeContent({'a.txt': article('2024-03-05', 'Good story', ['Text.'])})
    const config = configIn(root)
    const first = await buildIn(root, {config})
    expect(first.result.published).toBe(true)
    const before = tree(first.out)

    writeFileSync(path.join(content, 'b.txt'), article('2024-03-06', 'Another good story', ['Text.']))
    writeFileSync(path.join(content, 'bad.txt'), '\n\n\n')
    const strict = await buildIn(root, {config, strict: true, baseUrl: 'https://news.example/'})
    expect(strict.result.published).toBe(false)
    expect(strict.result.report.errors.map((e) => path.basename(e.source))).toEqual(['bad.txt'])
    expect(tree(first.out)).toEqual(before)
    expect(strict.files().filter((f) => f.startsWith('.'))).toEqual([])
    expect(readdirSync(root).sort()).toEqual(['broadsheet.config.json', 'content', 'dist'])

    // Without --strict the same input publishes everything else.
    const lenient = await buildIn(root, {config})
    expect(lenient.result.published).toBe(true)
    expect(lenient.result.failed).toBe(1)
    expect(lenient.exists('2024/03/06/another-good-story/index.html')).toBe(true)
  })
})

describe('duplicates', () => {
  it('byte-identical files give one story; the others are listed with sameAs', async () => {
    const text = article('2024-03-05', 'Copied story', ['Text.'])
    const {root, content} = writeContent({'a.txt': text, 'copies/a.txt': text, 'z.txt': text, 'near.txt': `${text}\n`})
    const built = await buildIn(root, {config: configIn(root)})
    const {report} = built.result
    expect(report.duplicates).toEqual([
      {source: path.join(content, 'copies/a.txt'), sameAs: path.join(content, 'a.txt')},
      {source: path.join(content, 'z.txt'), sameAs: path.join(content, 'a.txt')}
    ])
    // One changed byte is a different file: it is a story of its own, with a -2 slug.
    expect(report.stories.map((s) => s.url).sort()).toEqual(['2024/03/05/copied-story-2/', '2024/03/05/copied-story/'])
  })
})

describe('determinism', () => {
  it('two builds of the same input, written in different orders, are byte-identical', async () => {
    const entries: Array<[string, string]> = [
      ['a.txt', article('2024-03-05', 'Alpha story about Russia', ['Russia said things. Ukraine replied.'], 'By JANE DOE\n\n')],
      ['b.txt', article('2024-03-05', 'Beta story about Ukraine', ['Ukraine said things. Russia replied.'])],
      ['c.txt', article('2024-03-04', 'Gamma story', ['Russia and Ukraine and the United States.'])],
      ['d.txt', 'Undated Russia story\n\nRussia again.\n']
    ]
    const one = writeContent(Object.fromEntries(entries))
    const two = writeContent(Object.fromEntries([...entries].reverse()))
    const first = await buildIn(one.root, {config: configIn(one.root)})
    const second = await buildIn(two.root, {config: configIn(two.root)})
    const again = await buildIn(one.root, {config: configIn(one.root), out: path.join(one.root, 'dist-again')})
    expect(first.files().length).toBeGreaterThan(20)
    expect(tree(second.out)).toEqual(tree(first.out))
    expect(tree(again.out)).toEqual(tree(first.out))
  })
})

describe('--base-url', () => {
  it('gives canonical links and absolute feed and sitemap URLs, and leaves page links relative', async () => {
    const {root} = writeContent({
      'a.txt': article('2024-03-05', 'Markets rally', ['Stocks rose.']),
      'b.txt': 'Undated story\n\nText.\n'
    })
    const built = await buildIn(root, {config: configIn(root), baseUrl: 'https://news.example/sub/'})
    const story = built.read('2024/03/05/markets-rally/index.html')
    expect(story).toContain('<link rel="canonical" href="https://news.example/sub/2024/03/05/markets-rally/">')
    expect(built.read('index.html')).toContain('<link rel="canonical" href="https://news.example/sub/">')
    expect(built.read('stories/undated-story/index.html')).toContain('href="https://news.example/sub/stories/undated-story/"')
    const absolute = urls(story).filter((u) => u.startsWith('http'))
    expect(absolute).toEqual(['https://news.example/sub/2024/03/05/markets-rally/'])

    const locs = [...built.read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!)
    expect(locs.length).toBeGreaterThan(5)
    for (const loc of locs) {
      expect(loc.startsWith('https://news.example/sub/'), loc).toBe(true)
      const file = loc.slice('https://news.example/sub/'.length)
      expect(built.exists(file === '' || file.endsWith('/') ? `${file}index.html` : file), loc).toBe(true)
    }
    const rssLinks = [...built.read('feed.xml').matchAll(/<link>([^<]*)<\/link>/g)].map((m) => m[1])
    // The dated story first, then the undated one (which has no pubDate).
    expect(rssLinks).toEqual(['https://news.example/sub/', 'https://news.example/sub/2024/03/05/markets-rally/', 'https://news.example/sub/stories/undated-story/'])
    expect(built.read('atom.xml')).toContain('href="https://news.example/sub/2024/03/05/markets-rally/"')
    expect((JSON.parse(built.read('feed.json')) as {items: Array<{url: string}>}).items.map((i) => i.url)).toContain(
      'https://news.example/sub/2024/03/05/markets-rally/'
    )
    expect(built.read('robots.txt')).toContain('Sitemap: https://news.example/sub/sitemap.xml')
  })

  it('without a base URL no page carries a canonical link', async () => {
    const built = await buildFiles({'a.txt': article('2024-03-05', 'Markets rally', ['Stocks rose.'])})
    for (const file of htmlFiles(built.files())) expect(built.read(file), file).not.toContain('rel="canonical"')
    rmSync(built.root, {recursive: true, force: true})
  })
})
