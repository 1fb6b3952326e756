// A build of the sample corpus plus the seed (500 generated stories; the whole BBC set in the
// corpus tier), checked as a whole: every input file accounted for, every page valid HTML, every
// internal link pointing at a file that exists, tag counts that add up, and the `tags` command
// agreeing with the tag pages.
import {existsSync, readdirSync, readFileSync, rmSync, type Dirent} from 'node:fs'
import path from 'node:path'
import {HtmlValidate} from 'html-validate'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {sampleFiles} from '../model/story-files.ts'
import {TAGS_PER_INDEX_PAGE} from '../../src/render/tag-index.ts'
import {buildIn, runCli, seedPath, writeContent, writeJson, type Built} from './fixture.ts'

let built: Built
let inputs: string[]
let pages: string[]
const html = new Map<string, string>()

beforeAll(async () => {
  const sample = sampleFiles()
  // A copy, so the build has a duplicate to report whatever the sample holds.
  const copy = {'business/copy-of-001.txt': sample['business/001.txt']!}
  const {root, content} = writeContent({...sample, ...copy, 'seed/000_ca89730430cec1e2.txt': readFileSync(seedPath, 'utf8')})
  inputs = (readdirSync(content, {recursive: true, withFileTypes: true}) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
  // Defaults only: an empty config in the root, which the CLI run below also picks up.
  built = await buildIn(root, {config: writeJson(path.join(root, 'broadsheet.config.json'), {})})
  pages = built.files().filter((f) => f.endsWith('.html'))
  for (const page of pages) html.set(page, built.read(page))
}, 300_000)

// The BBC build is some 40 MB; the small fixtures' folders are left for inspection.
afterAll(() => rmSync(built.root, {recursive: true, force: true}))

describe('the sample corpus and the seed', () => {
  it('accounts for every input file exactly once: a story, an error, a duplicate or a skip', async () => {
    const {report, files, failed} = built.result
    expect(inputs.length).toBeGreaterThan(500)
    expect(files).toBe(inputs.length)
    const storySources = new Set(report.stories.map((s) => s.source))
    const failedSources = [...new Set(report.errors.map((e) => e.source))].filter((s) => !storySources.has(s))
    expect(failedSources.length).toBe(failed)
    const accounted = [
      ...report.stories.map((s) => s.source),
      ...failedSources,
      ...report.duplicates.map((d) => d.source),
      ...report.skipped.map((s) => s.source)
    ].sort()
    expect(accounted).toEqual(inputs)
    // Every duplicate names a file that is itself a story.
    for (const d of report.duplicates) expect(storySources.has(d.sameAs), d.source).toBe(true)
    expect(report.duplicates.length).toBeGreaterThan(0)
    // Each story has its page.
    for (const s of report.stories) expect(html.has(`${s.url}index.html`), s.url).toBe(true)
  })

  it('every page is valid HTML by html-validate', async () => {
    const validator = new HtmlValidate({extends: ['html-validate:recommended']})
    const problems: string[] = []
    let done = 0
    for (const [file, text] of html) {
      // validateString settles without a turn of the event loop: give vitest's worker one now and
      // then, or its messages to the runner time out over the BBC build's 6,000 pages.
      if (++done % 200 === 0) await new Promise((resolve) => setImmediate(resolve))
      const result = await validator.validateString(text, file)
      for (const r of result.results) for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
    }
    expect(pages.length).toBeGreaterThan(inputs.length)
    expect(problems.slice(0, 20)).toEqual([])
  }, 400_000)

  it('every internal href, src and action resolves to a file in the output', async () => {
    const missing: string[] = []
    let checked = 0
    for (const [file, text] of html) {
      // The 404 page is served at any depth: without a base URL its links start at `/` and a script
      // finds the site's root (render/not-found.ts); tests/browser/not-found.slow.test.ts follows them.
      if (file === '404.html') continue
      for (const m of text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const raw = decodeEntities(m[1]!)
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('#')) continue
        checked++
        const target = resolveInSite(file, raw)
        if (target === null || !existsSync(path.join(built.out, target))) missing.push(`${file}: ${raw}`)
      }
    }
    expect(checked).toBeGreaterThan(pages.length * 20)
    expect(missing.slice(0, 20)).toEqual([])
  })
})

describe('tag pages', () => {
  it('count what the stories link: the index, each tag page and the story pages agree', async () => {
    // tag slug → story URLs that link it from their tag list
    const fromStories = new Map<string, Set<string>>()
    let storyTagLinks = 0
    for (const story of built.result.report.stories) {
      const file = `${story.url}index.html`
      const list = /<div class="story-tags">([\s\S]*?)<\/div>/.exec(html.get(file)!)?.[1] ?? ''
      for (const m of list.matchAll(/href="([^"]*)"/g)) {
        const slug = /^tags\/([^/]+)\/index\.html$/.exec(resolveInSite(file, m[1]!) ?? '')?.[1]
        expect(slug, `${file}: ${m[1]}`).toBeDefined()
        storyTagLinks++
        fromStories.set(slug!, (fromStories.get(slug!) ?? new Set()).add(story.url))
      }
    }

    // The index lists the tags at least minStories (2, the default) stories share, over its pages.
    const indexPages = pages.filter((p) => p === 'tags/index.html' || /^tags\/page\/\d+\/index\.html$/.test(p))
    const index = indexPages.flatMap((page) => [...html.get(page)!.matchAll(/<li><a href="(?:\.\.\/)+tags\/([^/"]+)\/">[^<]*<\/a> <span class="count">(\d+)<\/span><\/li>/g)])
    const counts = new Map(index.map((m) => [m[1]!, Number(m[2])]))
    expect(counts.size).toBe(index.length)
    expect(counts.size).toBeGreaterThan(100)
    expect(indexPages.length).toBe(Math.ceil(counts.size / TAGS_PER_INDEX_PAGE))
    const shared = [...fromStories].filter(([, stories]) => stories.size >= 2)
    expect([...counts.keys()].sort()).toEqual(shared.map(([slug]) => slug).sort())
    expect(fromStories.size).toBeGreaterThan(counts.size)

    // Each tag's pages, found in one pass: a filter a tag over some 5,000 pages took minutes.
    const pagesOf = new Map<string, string[]>()
    for (const page of pages) {
      const slug = /^tags\/([^/]+)\/(?:page\/\d+\/)?index\.html$/.exec(page)?.[1]
      if (slug !== undefined) pagesOf.set(slug, [...(pagesOf.get(slug) ?? []), page])
    }
    for (const [slug, stories] of fromStories) {
      const count = stories.size
      if (counts.has(slug)) expect(counts.get(slug), slug).toBe(count)
      const listed = new Set<string>()
      const tagPages = pagesOf.get(slug) ?? []
      expect(tagPages.length, slug).toBeGreaterThan(0)
      for (const page of tagPages) {
        const text = html.get(page)!
        expect(text, page).toMatch(new RegExp(`<p class="lede">(?:Person|Place|Organisation|Topic) · ${count} ${count === 1 ? 'story' : 'stories'}`))
        for (const m of text.matchAll(/class="card-headline"><a href="([^"]*)"/g)) listed.add(resolveInSite(page, m[1]!)!.replace(/index\.html$/, ''))
      }
      expect([...listed].sort(), slug).toEqual([...stories].sort())
    }
  })

  it('`broadsheet tags` prints the same tags, counts and kinds, most used first', async () => {
    const {status, stdout, stderr} = await runCli(['tags', '--content', 'content'], built.root)
    expect(status, stderr).toBe(0)
    const lines = stdout.trimEnd().split('\n').map((line) => {
      const [count, name, kind] = line.split('\t')
      return {count: Number(count), name: name!, kind: kind!}
    })
    for (let i = 1; i < lines.length; i++) expect(lines[i]!.count).toBeLessThanOrEqual(lines[i - 1]!.count)
    const indexPages = pages.filter((p) => p === 'tags/index.html' || /^tags\/page\/\d+\/index\.html$/.test(p))
    const index = indexPages.flatMap((page) => [...html.get(page)!.matchAll(/<a href="(?:\.\.\/)+tags\/[^/"]+\/">([^<]*)<\/a> <span class="count">(\d+)<\/span>/g)])
    const byName = (a: {name: string}, b: {name: string}) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
    expect(lines.filter((line) => line.count >= 2).map(({count, name}) => ({count, name})).sort(byName)).toEqual(
      index.map((m) => ({count: Number(m[2]), name: decodeEntities(m[1]!)})).sort(byName)
    )
    expect(new Set(lines.map((line) => line.kind))).toEqual(new Set(['person', 'place', 'org']))
    const names = new Set(lines.map((l) => l.name))
    for (const bad of ['Tuesday', 'AP', 'Last week']) expect(names.has(bad), bad).toBe(false)
  })
})

/** A link as the browser follows it: relative to the page, without query or fragment, a folder meaning its index.html. */
function resolveInSite(page: string, href: string): string | null {
  const clean = decodeURIComponent(href.replace(/[?#].*$/, ''))
  if (clean.startsWith('/')) return null
  const joined = path.posix.join(path.posix.dirname(page), clean)
  // A link that climbs above the site root works only when the site is served at a domain root.
  if (joined === '..' || joined.startsWith('../')) return null
  const target = joined === '.' ? '' : joined
  return target === '' || clean.endsWith('/') || clean === '' ? `${target}${target === '' || target.endsWith('/') ? '' : '/'}index.html` : target
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}
