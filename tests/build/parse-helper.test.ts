// Parsing shared with a helper thread: every file gets one outcome, the same as parsing it here,
// and a helper that fails leaves its files to the caller.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {loadConfig} from '../../src/build.ts'
import {parseEntry, type ParsedFile} from '../../src/cache/parsed.ts'
import {createVocabulary} from '../../src/model/tags/index.ts'
import type {SiteConfig, TagsConfig} from '../../src/model/types.ts'
import {startParseHelper} from '../../src/threads/parse-helper.ts'
import {buildIn, corpus, tree, writeContent} from './fixture.ts'

// The real helper, counted: a build test must know that its build used it.
vi.mock('../../src/threads/parse-helper.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/threads/parse-helper.ts')>()
  return {...real, startParseHelper: vi.fn(real.startParseHelper)}
})

const config = loadConfig({}) as SiteConfig
const sources = (readdirSync(path.join(corpus, 'bbc'), {recursive: true}) as string[])
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => path.join(corpus, 'bbc', file))

describe('startParseHelper', () => {
  it('gives each of the BBC files one outcome, from the helper or from the caller, the same as parsing it here', async () => {
    const outcomes = new Map<number, ParsedFile>()
    const twice: number[] = []
    const helper = startParseHelper(sources, config.maxFileBytes, config.tags, (position, outcome) => {
      if (outcomes.has(position)) twice.push(position)
      outcomes.set(position, outcome)
    })
    const vocabulary = createVocabulary(config.tags)
    const mine: number[] = []
    for (let batch = helper.claim(); batch !== null; batch = helper.claim()) {
      for (let position = batch.from; position < batch.to; position++) {
        mine.push(position)
        parseEntry(readFileSync(sources[position]!, 'utf8'), [], sources[position]!, vocabulary)
      }
      // The helper takes longer to start under the tests' loader than the caller takes to parse
      // the corpus: it is waited for once, so that both threads have a share.
      while (outcomes.size === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await helper.finished
    expect(twice).toEqual([])
    expect(mine.filter((position) => outcomes.has(position))).toEqual([])
    // Both threads had a share.
    expect(outcomes.size).toBeGreaterThan(100)
    expect(outcomes.size + mine.length).toBe(sources.length)

    for (const [position, outcome] of outcomes) {
      const source = sources[position]!
      const text = readFileSync(source, 'utf8')
      expect(outcome).toMatchObject({entry: parseEntry(text, [], source, vocabulary)})
    }
  }, 120_000)

  it('finishes when the helper fails, and leaves every file it did not post to the caller', async () => {
    let posted = 0
    // A tag configuration that cannot be read fails the helper before it parses anything.
    const helper = startParseHelper(sources, config.maxFileBytes, null as unknown as TagsConfig, () => posted++)
    await helper.finished
    expect(posted).toBe(0)
    expect(helper.claim()).toBeNull()
  }, 60_000)
})

describe('a cold build of thousands of files', () => {
  it('parses on a helper thread and writes the same bytes as a build that parses on one (--jobs 1)', async () => {
    // Four copies of the BBC corpus, each headline marked with its copy: 5,300 files, 5,000 stories
    // (the corpus repeats some texts, and a repeat is reported as a duplicate).
    const files: Record<string, string> = {}
    for (const source of sources) {
      const text = readFileSync(source, 'utf8')
      for (let copy = 1; copy <= 4; copy++) files[path.join(`copy-${copy}`, path.relative(path.join(corpus, 'bbc'), source))] = `Copy ${copy}: ${text}`
    }
    const {root} = writeContent(files)
    const helper = vi.mocked(startParseHelper)
    helper.mockClear()
    const one = await buildIn(root, {out: path.join(root, 'one'), jobs: 1})
    expect(helper).not.toHaveBeenCalled()
    const two = await buildIn(root, {out: path.join(root, 'two')})
    expect(helper).toHaveBeenCalledTimes(1)
    expect(two.result.report.stories.length).toBeGreaterThan(4000)
    expect(two.result.report).toEqual(one.result.report)
    expect(tree(two.out)).toEqual(tree(one.out))
  }, 240_000)
})
