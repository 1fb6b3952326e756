// Parsing shared with a helper thread: every file gets one outcome, the same as parsing it here,
// and a helper that fails leaves its files to the caller. A whole build with the helper is in
// parse-helper-build.slow.test.ts.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/read/config.ts'
import {parseEntry} from '../../src/build/parse-entry.ts'
import type {ParsedFile} from '../../src/model/parsed.ts'
import {createVocabulary} from '../../src/model/tags/index.ts'
import type {SiteConfig, TagsConfig} from '../../src/model/types.ts'
import {startParseHelper} from '../../src/threads/parse-helper.ts'
import {sampleFiles} from '../model/story-files.ts'
import {writeContent} from './fixture.ts'

const config = loadConfig({}) as SiteConfig
/** The sample corpus's files (generated, or BBC in the corpus tier), on disk. */
const {content} = writeContent(sampleFiles())
const sources = Object.keys(sampleFiles()).map((file) => path.join(content, file))

describe('startParseHelper', () => {
  it('gives each file of the sample corpus one outcome, from the helper or from the caller, the same as parsing it here', async () => {
    const outcomes = new Map<number, ParsedFile>()
    const twice: number[] = []
    const helper = startParseHelper(sources, config.maxFileBytes, config.tags, config.providers, (position, outcome) => {
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
    const helper = startParseHelper(sources, config.maxFileBytes, null as unknown as TagsConfig, [], () => posted++)
    await helper.finished
    expect(posted).toBe(0)
    expect(helper.claim()).toBeNull()
  }, 60_000)
})
