import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compactArticle} from '../../src/cache/compact.ts'
import {own} from '../../src/model/own-copy.ts'
import {parseEntry} from '../../src/cache/parsed.ts'
import {createVocabulary} from '../../src/model/tags/index.ts'
import {resolveConfig} from '../../src/model/config.ts'
import {parse} from '../../src/parse/index.ts'
import {decode} from '../../src/read/decode.ts'

const corpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
const files = ['seed', 'bbc'].flatMap((set) =>
  readdirSync(path.join(corpus, set), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
)

describe('compactArticle', () => {
  it('keeps every field of every seed and BBC article', () => {
    expect(files.length).toBeGreaterThan(1000)
    for (const file of files) {
      const result = parse(decode(readFileSync(file)).text, file)
      if (result.ok) expect(compactArticle(result.article)).toStrictEqual(result.article)
    }
  })

  it('is what a build keeps: parseEntry gives the article parse() gives', () => {
    const config = resolveConfig(undefined)
    if (!config.ok) throw new Error('default config refused')
    const vocabulary = createVocabulary(config.config.tags)
    const seed = files.find((file) => file.includes(`${path.sep}seed${path.sep}`))!
    const {text, diagnostics} = decode(readFileSync(seed))
    const entry = parseEntry(text, diagnostics, seed, vocabulary)
    expect(entry.result).toStrictEqual(parse(text, seed))
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
