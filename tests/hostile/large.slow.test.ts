// Issue 5, property 1: the build finishes on input made to be too big, too long, too deep or too
// many. The files are written here at test time (tens of megabytes are not for git).
import {closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildIn, writeContent, type Built} from '../build/fixture.ts'
import {scanSite} from './scan.ts'
import {fates} from './setup.ts'

const MB = 1024 * 1024
const EMPTY_FILES = 10_000
const DEPTH = 200
/** One line of about a megabyte each: the shapes that once made a regex or micromark quadratic. */
const LONG_LINES: Record<string, string> = {
  letters: 'a',
  'angle-brackets': '<',
  'square-brackets': '[',
  'link-openers': '[](',
  emphasis: '**_',
  'comment-openers': '<!--',
  'nested-quotes': '>',
  'nested-lists': '1. ',
  backslashes: '\\',
  entities: '&amp;',
  'tag-openers': '<<a>'
}

let built: Built
let root: string
let content: string

beforeAll(async () => {
  ;({root, content} = writeContent({}))
  // 50 MB in one file, written in slices.
  const big = openSync(path.join(content, 'fifty-megabytes.txt'), 'w')
  writeSync(big, ' date 2022-11-08 Fifty megabytes\n\n')
  const slice = Buffer.alloc(MB, 'All work and no play. ')
  for (let i = 0; i < 50; i++) writeSync(big, slice)
  closeSync(big)
  writeFileSync(path.join(content, 'nul-bytes.txt'), Buffer.alloc(MB))
  for (const [name, unit] of Object.entries(LONG_LINES)) {
    const line = unit.repeat(Math.ceil(MB / unit.length))
    writeFileSync(path.join(content, `long-line-body-${name}.txt`), ` date 2022-11-08 A megabyte of ${name}\n\nSEOUL (AP) — ${line}\n`)
    writeFileSync(path.join(content, `long-line-markdown-${name}.md`), `# A megabyte of ${name}\n\n${line}\n`)
  }
  writeFileSync(path.join(content, 'long-headline.txt'), ` date 2022-11-08 ${'Headline '.repeat(MB / 9)}\n\nBody.\n`)
  const deep = path.join(content, ...Array.from({length: DEPTH}, (_, i) => `d${i % 10}`))
  mkdirSync(deep, {recursive: true})
  writeFileSync(path.join(deep, 'deep.txt'), ' date 2022-11-08 A story two hundred folders down\n\nBody.\n')
  mkdirSync(path.join(content, 'empty'))
  for (let i = 0; i < EMPTY_FILES; i++) writeFileSync(path.join(content, 'empty', `${i}.txt`), '')
  built = await buildIn(root)
}, 120_000)
afterAll(() => rmSync(root, {recursive: true, force: true}))

const source = (rel: string) => path.join(content, rel)
const errorsOf = (rel: string) => built.result.report.errors.filter((e) => e.source === source(rel))

describe('1. the build finishes on big, long, deep and many', () => {
  it('publishes, and every file is accounted for', () => {
    expect(built.result.published).toBe(true)
    const {fate, inputs} = fates(content, built.result.report)
    expect([...fate.keys()].sort()).toEqual(inputs)
    expect(built.result.files).toBe(inputs.length)
    const {report, failed} = built.result
    expect(report.stories.length + failed + report.duplicates.length + report.skipped.length).toBe(built.result.files)
  })

  it('makes the 50 MB file an error for that file alone', () => {
    expect(errorsOf('fifty-megabytes.txt')).toEqual([
      {source: source('fifty-megabytes.txt'), line: 0, message: expect.stringMatching(/too large to be an article: \d+ bytes or more \(the limit is 5000000 bytes\)/)}
    ])
  })

  it('reads a file of NUL bytes as an empty file; the first empty file is an error, the others its duplicates', () => {
    expect(errorsOf('nul-bytes.txt')).toEqual([{source: source('nul-bytes.txt'), line: 1, message: 'empty file'}])
    const empty = built.result.report.errors.filter((e) => e.source.startsWith(source('empty/')))
    expect(empty).toEqual([{source: expect.stringMatching(/empty\/\d+\.txt$/), line: 1, message: 'empty file'}])
    const duplicates = built.result.report.duplicates.filter((d) => d.source.startsWith(source('empty/')))
    expect(duplicates).toHaveLength(EMPTY_FILES - 1)
    expect(new Set(duplicates.map((d) => d.sameAs))).toEqual(new Set([empty[0]!.source]))
  })

  it('builds each megabyte line into a story page', () => {
    for (const name of Object.keys(LONG_LINES)) {
      for (const file of [`long-line-body-${name}.txt`, `long-line-markdown-${name}.md`]) {
        const story = built.result.report.stories.find((s) => s.source === source(file))
        expect(story, file).toBeDefined()
        expect(built.exists(`${story!.url}index.html`)).toBe(true)
      }
    }
    const long = built.result.report.stories.find((s) => s.source === source('long-headline.txt'))
    expect(long?.url).toMatch(/^2022\/11\/08\/headline(-headline)+\/$/)
  })

  it('finds the story two hundred folders down', () => {
    const rel = `${Array.from({length: DEPTH}, (_, i) => `d${i % 10}`).join('/')}/deep.txt`
    expect(built.result.report.stories.find((s) => s.source === source(rel))?.url).toBe('2022/11/08/a-story-two-hundred-folders-down/')
  })

  it('still lets no script through', () => {
    expect(scanSite(built.out).problems).toEqual([])
  })
})
