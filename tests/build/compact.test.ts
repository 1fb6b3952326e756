import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compactArticle} from '../../src/build/memory.ts'
import {own} from '../../src/model/own-copy.ts'
import {parseEntry} from '../../src/build/parse-entry.ts'
import {createVocabulary} from '../../src/model/tags/index.ts'
import {resolveConfig} from '../../src/model/config.ts'
import {parse} from '../../src/parse/index.ts'
import {decode} from '../../src/read/decode.ts'
import {sampleFiles, seedFile} from '../model/story-files.ts'

/** The seed and the sample corpus (generated, or BBC in the corpus tier): name → bytes. */
const seed: [string, Buffer] = ['seed.txt', readFileSync(seedFile)]
const files: Array<[string, Buffer]> = [seed, ...Object.entries(sampleFiles()).map(([name, text]): [string, Buffer] => [name, Buffer.from(text)])]

describe('compactArticle', () => {
  it('keeps every field of the seed and every article of the sample corpus', () => {
    expect(files.length).toBeGreaterThan(500)
    for (const [file, bytes] of files) {
      const result = parse(decode(bytes).text, file)
      if (result.ok) expect(compactArticle(result.article)).toStrictEqual(result.article)
    }
  })

  it('is what a build keeps: parseEntry gives the article parse() gives', () => {
    const config = resolveConfig(undefined)
    if (!config.ok) throw new Error('default config refused')
    const vocabulary = createVocabulary(config.config.tags)
    const {text, diagnostics} = decode(seed[1])
    const entry = parseEntry(text, diagnostics, seed[0], vocabulary)
    expect(entry.result).toStrictEqual(parse(text, seed[0]))
  })
})

describe('own', () => {
  it('copies any string unchanged, lone surrogates and astral characters included', () => {
    fc.assert(fc.property(fc.string({unit: 'binary'}), (text) => own(text) === text))
    fc.assert(fc.property(fc.string({unit: fc.integer({min: 0xd800, max: 0xdfff}).map((unit) => String.fromCharCode(unit))}), (text) => own(text) === text))
  })

  it('copies a slice of a wide string', () => {
    const file = `SEOUL — ${'a plain paragraph '.repeat(50)}`
    expect(own(file.slice(8))).toBe(file.slice(8))
  })
})
