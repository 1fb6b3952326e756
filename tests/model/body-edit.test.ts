// Which edits change only a story's body as the model sees it.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {parseEntry} from '../../src/build/parse-entry.ts'
import {defaultConfig} from '../../src/model/config.ts'
import {onlyBodyChanged} from '../../src/model/body-edit.ts'
import {createVocabulary} from '../../src/model/tags/index.ts'
import {seedFile} from './story-files.ts'

const seed = readFileSync(seedFile, 'utf8')
const vocabulary = createVocabulary(defaultConfig.tags)
const entry = (text: string) => parseEntry(text, [], 'seed.txt', vocabulary)
const edited = (from: string, to: string) => {
  expect(seed).toContain(from)
  return entry(seed.replace(from, to))
}

describe('onlyBodyChanged', () => {
  const original = entry(seed)

  it('is true for words changed in a later paragraph', () => {
    expect(onlyBodyChanged(original, edited('has contributed to the worsening tensions', 'has added to the worsening tensions'))).toBe(true)
  })

  it('is true for a paragraph of plain words added at the end of the body', () => {
    expect(onlyBodyChanged(original, edited('\n\n___\n', '\n\nthe talks went on.\n\n___\n'))).toBe(true)
  })

  it('is false for a change to the first paragraph, which the excerpt is made from', () => {
    expect(onlyBodyChanged(original, edited('North Korea on Tuesday accused', 'North Korea on Tuesday again accused'))).toBe(false)
  })

  it('is false for a name added to the body, which can change the tags', () => {
    expect(onlyBodyChanged(original, edited('\n\n___\n', '\n\nVladimir Putin did not comment.\n\n___\n'))).toBe(false)
  })

  it('is false for a change to the headline, the byline, the footer or a teaser', () => {
    expect(onlyBodyChanged(original, edited('N. Korea slams US', 'North Korea slams US'))).toBe(false)
    expect(onlyBodyChanged(original, edited('HYUNG-JIN KIM and KIM TONG-HYUNG', 'HYUNG-JIN KIM'))).toBe(false)
    expect(onlyBodyChanged(original, edited("Follow AP’s coverage", "Follow AP’s news"))).toBe(false)
    expect(onlyBodyChanged(original, edited('Recommended Stories', 'Recommended Stories\n  • A teaser added\n'))).toBe(false)
  })

  it('is false when either version does not parse', () => {
    expect(onlyBodyChanged(original, entry('\n\n\n'))).toBe(false)
  })
})
