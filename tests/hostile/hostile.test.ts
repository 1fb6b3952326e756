// Issue 5, built in-process: the hostile fixture folder (one file per case, plus symlinks made
// here) goes through a real build, and each property is checked on the report and the output.
import {existsSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {parse} from 'parse5'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildIn, type Built} from '../build/fixture.ts'
import {jsonProblems, scanSite, snapshot, walk} from './scan.ts'
import {fates, hostileFolder, SECRET} from './setup.ts'

let built: Built
let content: string
let root: string
let before: Map<string, string>
let after: Map<string, string>
const cwdBefore = new Set(readdirSync(process.cwd()))

beforeAll(async () => {
  ;({root, content} = hostileFolder())
  before = snapshot(root)
  built = await buildIn(root, {baseUrl: 'https://news.example/sub/'})
  after = snapshot(root)
}, 60_000)
afterAll(() => rmSync(root, {recursive: true, force: true}))

const source = (rel: string) => path.join(content, rel)
const storyOf = (rel: string) => built.result.report.stories.find((s) => s.source === source(rel))
const errorsOf = (rel: string) => built.result.report.errors.filter((e) => e.source === source(rel))
const warningsOf = (rel: string) => built.result.report.warnings.filter((e) => e.source === source(rel))

/** The text of the first element with this tag name, as a browser would show it. */
function elementText(html: string, tag: string): string | null {
  type Node = {nodeName: string; tagName?: string; value?: string; childNodes?: Node[]}
  const text = (n: Node): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(''))
  const find = (n: Node): Node | null => {
    if (n.tagName === tag) return n
    for (const c of n.childNodes ?? []) {
      const hit = find(c)
      if (hit) return hit
    }
    return null
  }
  const hit = find(parse(html) as unknown as Node)
  return hit ? text(hit) : null
}

function page(rel: string): string {
  const story = storyOf(rel)
  if (!story) throw new Error(`${rel} is not a story: ${JSON.stringify([...errorsOf(rel), ...warningsOf(rel)])}`)
  return built.read(`${story.url}index.html`)
}

describe('1. the build finishes', () => {
  it('publishes a site from the hostile folder', () => {
    expect(built.result.fatal).toEqual([])
    expect(built.result.published).toBe(true)
    expect(built.result.report.stories.length).toBeGreaterThanOrEqual(20)
  })
})

describe('2. nothing is lost', () => {
  it('gives every file found exactly one fate, and the counts add up', () => {
    const {fate, inputs} = fates(content, built.result.report)
    const {report, files, failed} = built.result
    expect([...fate.keys()].sort()).toEqual(inputs)
    for (const [rel, kinds] of fate) expect({rel, kinds}).toEqual({rel, kinds: [kinds[0]]})
    expect(files).toBe(inputs.length)
    expect(report.stories.length + failed + report.duplicates.length + report.skipped.length).toBe(files)
    expect([...fate.values()].filter((k) => k[0] === 'failed')).toHaveLength(failed)
  })

  it('says why each skipped file was skipped', () => {
    const reasons = Object.fromEntries(built.result.report.skipped.map((s) => [path.relative(content, s.source), s.reason]))
    expect(reasons).toMatchObject({
      '.hidden-story.txt': 'hidden',
      '.editor-swap.txt.swp': 'hidden',
      'editor-backup.txt~': 'editor backup',
      'editor-swap-visible.swp': 'editor backup',
      '#autosave#': 'editor backup',
      'link-to-secret.txt': 'symlink refused',
      'relative-link-to-secret.txt': 'symlink refused',
      'linked-folder': 'symlink refused',
      'passwd.txt': 'symlink refused',
      'dangling.txt': 'symlink refused',
      'not-an-article.pdf': expect.stringMatching(/not an article file/),
      'draft.md': expect.stringMatching(/^draft/),
      'caf\ufffd-latin-1-name.txt': 'cannot be read (ENOENT)'
    })
    expect(built.result.report.duplicates).toEqual([{source: source('duplicate-of-bom.txt'), sameAs: source('bom.txt')}])
  })

  it('gives every failed file an error with a line and a reason', () => {
    for (const e of built.result.report.errors) {
      expect(e.source.startsWith(content)).toBe(true)
      expect(Number.isInteger(e.line) && e.line >= 0).toBe(true)
      expect(e.message.length).toBeGreaterThan(5)
    }
    expect(errorsOf('empty.txt')).toMatchObject([{line: 1, message: 'empty file'}])
    expect(errorsOf('nul-bytes-only.txt')).toMatchObject([{line: 1, message: 'empty file'}])
  })
})

describe('3. no script from content reaches a page', () => {
  it('leaves no script, handler or script URL in any output file (HTML, XML, JSON)', () => {
    const {problems, files, scripts} = scanSite(built.out, 'https://news.example/sub/')
    expect(problems).toEqual([])
    // The scan saw the site's own scripts (JSON-LD and search), so its allow-list was exercised.
    expect(scripts).toBeGreaterThan(built.result.report.stories.length)
    expect(files.filter((f) => f.endsWith('.xml')).length).toBeGreaterThan(3)
    expect(files).toContain('feed.json')
    // Every story's search result file was read for the link it gives, and a script URL would show.
    expect(files.filter((f) => /^search\/docs\/\d+\/\d+\.json$/.test(f)).length).toBe(built.result.report.stories.length)
    expect(jsonProblems('search/docs/0/7.json', '["javascript:alert(1)","Headline",null,null,"Excerpt"]')).toHaveLength(1)
  })

  it('keeps hostile headlines and bylines as visible text', () => {
    const html = page('script-in-scraped-fields.txt')
    expect(elementText(html, 'h1')).toBe('Seoul <script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)> headline')
    expect(elementText(html, 'title')).toMatch(/^Seoul <script>alert\(1\)<\/script>/)
    expect(html).toContain('Seoul &lt;script&gt;alert(1)&lt;/script&gt;')
    const teasers = elementText(html, 'ul')
    expect(teasers).not.toBeNull()
  })

  it('keeps front-matter values as text in the page, the JSON-LD and the feeds', () => {
    const html = page('script-in-front-matter.md')
    expect(elementText(html, 'h1')).toBe('Front matter <script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>')
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? ''
    expect(JSON.parse(ld)).toMatchObject({headline: 'Front matter <script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>'})
    const feed = JSON.parse(built.read('feed.json')) as {items: Array<{title: string}>}
    expect(feed.items.map((i) => i.title)).toContain('Front matter <script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>')
    // The slug `<script>alert(1)</script>` keeps only its words.
    expect(storyOf('script-in-front-matter.md')?.url).toBe('2022/11/09/script-alert-1-script/')
  })

  it('removes raw HTML from Markdown bodies and keeps entity-escaped HTML as text', () => {
    const html = page('raw-html-in-body.md')
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> and &#x3C;img src=x onerror=alert(1)> stay text.')
    expect(html).not.toMatch(/<a[^>]+href="[^"]*script/i)
  })
})

describe('4. nothing runs at build time', () => {
  it('refuses code front matter and object-building YAML tags, with the line', () => {
    for (const file of ['front-matter-js.md', 'front-matter-javascript.md', 'front-matter-coffee.md', 'front-matter-js-upper-case.md']) {
      expect(storyOf(file)).toBeUndefined()
      expect(errorsOf(file)).toEqual([{source: source(file), line: 1, message: expect.stringMatching(/refused: only YAML front matter is read/)}])
    }
    for (const file of ['yaml-js-function.md', 'yaml-python-object.md']) {
      expect(storyOf(file)).toBeUndefined()
      expect(errorsOf(file)).toEqual([{source: source(file), line: 2, message: expect.stringMatching(/not valid YAML: unknown tag/)}])
    }
  })

  it('ran no payload: no global set, no file written', () => {
    expect((globalThis as Record<string, unknown>)['__broadsheetHostile']).toBeUndefined()
    for (const dir of [process.cwd(), root, content, tmpdir()]) {
      expect(readdirSync(dir).filter((f) => f.startsWith('broadsheet-hostile-') && f.endsWith('-ran'))).toEqual([])
    }
    expect(readdirSync(process.cwd()).filter((f) => !cwdBefore.has(f))).toEqual([])
  })

  it('prints template syntax in content as written', () => {
    const html = page('template-syntax-in-text.txt')
    expect(elementText(html, 'h1')).toBe('Liquid {{ site.title }} {% raw %} {% include "x" %} in a headline')
    expect(html).toContain('Body with {{ 7 | times: 7 }} and {%- comment -%} that must print as written.')
  })

  it('reads a YAML alias bomb as one error, without expanding it', () => {
    expect(errorsOf('yaml-billion-laughs.md')).toEqual([{source: source('yaml-billion-laughs.md'), line: 13, message: expect.stringMatching(/front matter date: .*is not a date/)}])
  })
})

describe('5. nothing written outside the output folder, nothing read outside the content folder', () => {
  it('changes nothing in the temp folder but the output folder', () => {
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k)
    const removed = [...before.keys()].filter((k) => !after.has(k))
    expect(removed).toEqual([])
    expect(changed.filter((k) => !k.startsWith('dist/'))).toEqual([])
    expect(changed.length).toBeGreaterThan(0)
  })

  it('writes only plain, portable names', () => {
    for (const file of built.files()) {
      for (const segment of file.split('/')) {
        expect(segment).not.toMatch(/^\.\.?$|[\u0000-\u001f\u007f\\:]/)
        expect(segment).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i)
      }
    }
    // Both become `etc-passwd` inside their day's folder; the second in site order gets `-2`.
    expect([storyOf('path-traversal-front-matter.md')?.url, storyOf('path-traversal-headline.txt')?.url].sort()).toEqual(['2022/11/10/etc-passwd-2/', '2022/11/10/etc-passwd/'])
    expect(storyOf('reserved-name-headline.txt')?.url).toBe('2022/11/10/con-page/')
    expect(storyOf('encoded-traversal-slug.md')?.url).toBe('2022/11/10/2e-2e-2f-2e-2e-2fetc/')
    expect(built.exists('tags/con-page/index.html')).toBe(true)
    expect(built.exists('tags/etc/index.html')).toBe(true)
  })

  it('never reads through a symlink', () => {
    for (const file of built.files()) {
      const text = readFileSync(path.join(built.out, file), 'utf8')
      expect(text.includes(SECRET), file).toBe(false)
      expect(text.includes('root:x:0:0'), file).toBe(false)
    }
  })

  it('strips control characters from headlines and front-matter values', () => {
    expect(storyOf('nul-in-headline.txt')?.headline).toBe('Nul and control characters')
    expect(warningsOf('nul-in-headline.txt')).toContainEqual({source: source('nul-in-headline.txt'), line: 1, message: 'control characters (such as NUL) removed'})
    const tags = JSON.parse(built.read('feed.json')).items.flatMap((i: {tags?: string[]}) => i.tags ?? []) as string[]
    expect(tags).toContain('ab')
    for (const tag of tags) expect(tag).not.toMatch(/[\u0000-\u001f\u007f]/)
  })
})

describe('7. dates are sane', () => {
  it('makes impossible and absurd dates errors with the line, never pages', () => {
    expect(errorsOf('date-feb-30.txt')).toEqual([{source: source('date-feb-30.txt'), line: 1, message: expect.stringMatching(/impossible date "2022-02-30"/)}])
    expect(errorsOf('date-year-zero.txt')).toEqual([{source: source('date-year-zero.txt'), line: 1, message: expect.stringMatching(/impossible date "0000-01-01"/)}])
    expect(errorsOf('date-year-9999.txt')).toEqual([{source: source('date-year-9999.txt'), line: 1, message: expect.stringMatching(/impossible date "9999-12-31"/)}])
    expect(errorsOf('front-matter-date-words.md')).toEqual([{source: source('front-matter-date-words.md'), line: 3, message: expect.stringMatching(/not a date/)}])
    expect(errorsOf('front-matter-date-impossible.md')).toEqual([{source: source('front-matter-date-impossible.md'), line: 3, message: expect.stringMatching(/impossible date "2022-13-45"/)}])
    for (const file of built.files()) expect(file).not.toMatch(/^(0000|9999)\//)
  })

  it('makes a date line with words an undated story with a warning on line 1', () => {
    expect(storyOf('date-is-words.txt')?.url).toMatch(/^stories\//)
    expect(warningsOf('date-is-words.txt')).toEqual([{source: source('date-is-words.txt'), line: 1, message: expect.stringMatching(/gives no date/)}])
  })
})

describe('8. text survives', () => {
  const cases: Array<[file: string, headline: string, slug: RegExp]> = [
    ['windows-1252.txt', 'Café prices rise – “grim” for £ holders', /^café-prices-rise-grim-for-holders$/],
    ['bom.txt', 'A file that starts with a byte order mark', /^a-file-that-starts-with-a-byte-order-mark$/],
    ['crlf-tabs-nbsp.txt', 'CRLF, tabs and non-breaking spaces', /^crlf-tabs-and-non-breaking-spaces$/],
    // U+FEFF inside a line is white space to a headline (JavaScript's \s), so it becomes a space.
    ['zero-width.txt', 'Zero\u200bwidth\u200c joiners\u200d and marks', /^zero-width-joiners-and-marks$/],
    ['right-to-left-arabic.txt', 'كوريا الشمالية تنتقد الولايات المتحدة', /^\p{Script=Arabic}+(-\p{Script=Arabic}+){4}$/u],
    ['right-to-left-hebrew.txt', 'צפון קוריאה מבקרת', /^\p{Script=Hebrew}+(-\p{Script=Hebrew}+){2}$/u],
    ['emoji-headline.txt', '🚀 Rocket launch 🇰🇷 👩‍🔬', /^rocket-launch$/],
    ['cjk-headline.txt', '朝鮮は米国を非難 북한 미국 비난', /^朝鮮は米国を非難-북한-미국-비난$/],
    ['no-letters.txt', '!!! ???', /^no-letters$/]
  ]
  it.each(cases)('%s gives a readable page with a usable slug', (file, headline, slug) => {
    const story = storyOf(file)
    expect(story?.headline).toBe(headline)
    const last = story!.url.split('/').at(-2)!
    expect(last).toMatch(slug)
    expect(elementText(page(file), 'h1')).toBe(headline)
  })

  it('warns, with the line, when a file is read as Windows-1252', () => {
    expect(warningsOf('windows-1252.txt')).toContainEqual({source: source('windows-1252.txt'), line: 1, message: expect.stringMatching(/read as Windows-1252/)})
    expect(page('windows-1252.txt')).toContain('The café said the € and the £ both fell — “badly”.')
  })
})

describe('the folder after the build', () => {
  it('keeps the content folder as it was', () => {
    expect(walk(content)).toEqual([...before.keys()].filter((k) => k.startsWith('content/') && !k.endsWith('/')).map((k) => k.slice('content/'.length)).sort())
    expect(existsSync(path.join(root, 'secret.txt'))).toBe(true)
  })
})
