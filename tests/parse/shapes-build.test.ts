// Shape recognition through a whole build: e-mail becomes stories; HTML, JSON and binary data are
// skipped with their reason, from the cache too; the summary's counts add up. And 300 generated
// Usenet posts become 300 stories, none headlined by a header or opening a paragraph with one.
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'
import {buildIn, runCli, writeContent} from '../build/fixture.ts'
import {expectEveryLineAccounted} from './line-account.ts'
import {fixturesDir} from './run-fixture.ts'
import {usenetPosts} from './usenet-posts.ts'

const fixture = (name: string) => readFileSync(`${fixturesDir}${name}`)
const HEADER = /^(?:From|Subject|Date|To|Newsgroups|Message-ID|Path|Organization|Lines|References|X-[\w-]+)\s*:/i

/** A PNG's signature and header, then deterministic noise. */
function binaryBytes(): Uint8Array {
  const bytes = new Uint8Array(2048)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
  let x = 42
  for (let i = 16; i < bytes.length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

const files = {
  'mail/usenet-post': fixture('email-usenet-post/input'),
  'mail/reply.txt': fixture('email-reply-mbox/input.txt'),
  'mail/newsletter.eml': fixture('email-newsletter-eml/input.eml'),
  'saved/page.txt': fixture('html-page/input.txt'),
  'saved/export.txt': fixture('json-data/input.txt'),
  'saved/photo.txt': binaryBytes(),
  'news/ferry.txt': ' date 2022-11-08 Ferry fares review sparks row\n\nBy EDITH MARCHETTI\n\nIslanders could pay more for the morning ferry.\n',
  'news/broken-mail.txt': 'From: "Tom Reyes" <treyes@example.net>\n\nThe board is going to put fares up.\n'
}

describe('a content folder of e-mail, web pages, JSON, binary data and an article', () => {
  it('builds the e-mails and the article, skips the rest with their reasons, and the counts add up', async () => {
    const {root, content} = writeContent(files)
    const built = await buildIn(root, {config: writeConfig(root)})
    const {report} = built.result
    const at = (rel: string) => path.join(content, rel)
    expect(report.stories.map((s) => [path.relative(content, s.source), s.headline, s.date]).sort()).toEqual([
      ['mail/newsletter.eml', 'Morning Briefing: Café owners win reprieve on harbour rents', '2022-11-09'],
      ['mail/reply.txt', 'Fares meeting: notes for everyone who could not come', '2023-03-04'],
      ['mail/usenet-post', 'Re: Ferry fares review - what the board actually said', '1994-11-08'],
      ['news/ferry.txt', 'Ferry fares review sparks row', '2022-11-08']
    ])
    expect(report.skipped).toEqual([
      {source: at('saved/export.txt'), reason: 'JSON data, not an article'},
      {source: at('saved/page.txt'), reason: 'an HTML page, not an article'},
      {source: at('saved/photo.txt'), reason: 'binary data, not an article'}
    ])
    expect(report.errors).toEqual([{source: at('news/broken-mail.txt'), line: 1, message: expect.stringMatching(/^no headline: the first line is an e-mail header \("From:"\)/)}])
    // Neither the binary file's bytes nor the pages are warned about: they were not read.
    expect(report.warnings).toEqual([])
    const {files: found, failed} = built.result
    expect(found).toBe(8)
    expect(report.stories.length + failed + report.duplicates.length + report.skipped.length).toBe(found)
    // The build report lists each e-mail's boilerplate with its line and rule, as for any provider.
    const usenet = report.stories.find((s) => s.source === at('mail/usenet-post'))!
    expect(usenet.boilerplate.map((b) => `${b.line} ${b.rule}`)).toEqual([
      '12 email/attribution', '13 email/attribution', '14 email/quoted', '15 email/quoted', '24 email/signature', '25 email/signature', '26 email/signature'
    ])
    // The page shows the byline and no address.
    const page = built.read(`${usenet.url}index.html`)
    expect(page).toContain('Margaret Oduya')
    expect(page).not.toMatch(/m\.oduya@example\.org|treyes@example\.net/)
  })

  it('keeps the skips through the build cache', async () => {
    const {root, content} = writeContent(files)
    const config = writeConfig(root)
    const first = await buildIn(root, {config, cache: true})
    // Another file changes, so the build goes through every file's cached parse.
    writeFileSync(path.join(content, 'news/ferry.txt'), ' date 2022-11-08 Ferry fares review sparks row\n\nIslanders could pay a third more.\n')
    const second = await buildIn(root, {config, cache: true})
    expect(second.result.cache.parsed).toBeGreaterThan(0)
    expect(second.result.report.skipped).toEqual(first.result.report.skipped)
    expect(second.result.report.stories.map((s) => s.headline).sort()).toEqual(first.result.report.stories.map((s) => s.headline).sort())
    expect(second.result.files).toBe(first.result.files)
    // And a page that becomes an article is one.
    writeFileSync(path.join(content, 'saved/page.txt'), 'Ferry timetable changes\n\nThe winter timetable starts in December.\n')
    const third = await buildIn(root, {config, cache: true})
    expect(third.result.report.skipped.map((s) => s.reason)).toEqual(['JSON data, not an article', 'binary data, not an article'])
    expect(third.result.report.stories.map((s) => s.headline)).toContain('Ferry timetable changes')
  })

  it('check prints each skipped file as it prints other skips, and --explain the e-mails’ boilerplate', async () => {
    const {root} = writeContent(files)
    const run = await runCli(['check', '--content', 'content', '--explain'], root)
    expect(run.stdout).toContain(`${path.join('content', 'saved/page.txt')}:0: warning: skipped: an HTML page, not an article\n`)
    expect(run.stdout).toContain(`${path.join('content', 'saved/export.txt')}:0: warning: skipped: JSON data, not an article\n`)
    expect(run.stdout).toContain(`${path.join('content', 'saved/photo.txt')}:0: warning: skipped: binary data, not an article\n`)
    expect(run.stdout).toContain(`${path.join('content', 'mail/usenet-post')}:14: boilerplate by email/quoted: > The board is going to put fares up by a third, I heard it\n`)
    expect(run.stdout).toContain(`${path.join('content', 'news/broken-mail.txt')}:1: error: no headline: the first line is an e-mail header`)
    expect(run.status).toBe(1)
  })
})

describe('300 generated Usenet posts', () => {
  const posts = usenetPosts(300)

  it('each reads as its subject, date, author and paragraphs, every line in one block', () => {
    const wrong: string[] = []
    for (const post of posts) {
      const result = expectEveryLineAccounted(post.text, post.name)
      if (!result.ok) {
        wrong.push(`${post.name}: ${JSON.stringify(result.diagnostics)}`)
        continue
      }
      const a = result.article
      const got = [a.format, a.headline, a.date, a.byline, a.paragraphs, a.diagnostics]
      const want = ['email', post.subject, post.date, post.author, post.paragraphs, []]
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${post.name}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`)
      if (a.paragraphs.some((p) => /^(?:From:|>)/.test(p))) wrong.push(`${post.name}: a paragraph opens with a header or a quotation`)
    }
    expect(wrong).toEqual([])
  })

  it('build into 300 stories, none headlined by a header name', async () => {
    const {root} = writeContent(Object.fromEntries(posts.map((post) => [post.name, post.text])))
    const built = await buildIn(root, {config: writeConfig(root)})
    const {report} = built.result
    expect([report.stories.length, report.errors, report.skipped, built.result.files]).toEqual([300, [], [], 300])
    expect(report.stories.filter((s) => HEADER.test(s.headline))).toEqual([])
    // Every generated post is still its own story: none is a duplicate of another.
    expect(report.duplicates).toEqual([])
    for (const post of posts.slice(0, 5)) expect(parse(post.text, post.name).ok).toBe(true)
  })
})

/** A config file in the build's root, so the repository's own broadsheet.config.json never applies. */
function writeConfig(root: string): string {
  const file = path.join(root, 'broadsheet.config.json')
  writeFileSync(file, JSON.stringify({baseUrl: 'https://example.org/'}))
  return file
}
