// Every non-blank line of a file ends in exactly one block, on the seed, every fixture case (the
// provider cases included) and the sample corpus (the BBC set in the corpus tier). parse() on
// random and mutated text is held to the same in properties.test.ts.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseWithLineBlocks} from '../../src/parse/index.ts'
import {decode} from '../../src/read/decode.ts'
import {sampleFiles, seedFile} from '../model/story-files.ts'
import {expectEveryLineAccounted} from './line-account.ts'
import {fixtureCases, fixturesDir, inputName} from './run-fixture.ts'

describe('every line ends in exactly one block', () => {
  it('in the seed, block by block', () => {
    const text = readFileSync(seedFile, 'utf8')
    expectEveryLineAccounted(text, 'seed.txt')
    const {lines} = parseWithLineBlocks(text, 'seed.txt')
    const first = (block: string) => lines.blocks.indexOf(block as never) + 1
    expect([first('date line'), first('comment count'), first('byline'), first('reading time'), first('body')]).toEqual([1, 3, 4, 5, 7])
    expect(lines.blocks.filter((block) => block === 'recommended stories').length).toBeGreaterThan(40)
  })

  it.each(fixtureCases())('in the fixture %s', (testCase) => {
    const name = inputName(testCase)
    expectEveryLineAccounted(decode(readFileSync(`${fixturesDir}${testCase}/${name}`)).text, `${testCase}/${name}`)
  })

  it('in every file of the sample corpus', () => {
    for (const [source, text] of Object.entries(sampleFiles())) expect(expectEveryLineAccounted(text, source).ok, source).toBe(true)
  })
})
