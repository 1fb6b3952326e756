// Differential test: the word scanner must find the spans its regular expression defines, on the
// whole corpus and on arbitrary text.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {ASCII_WORDS, UNICODE_WORDS, wordScanner, type WordScanner} from '../../src/model/tags/words.ts'
import {bbcArticles, parseFile, seedFile} from './story-files.ts'

/** The definition the scanner follows. */
const WORD = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?/gu

function byRegex(text: string): Array<[number, number]> {
  return [...text.matchAll(WORD)].map((match) => [match.index, match.index + match[0].length])
}

function byScanner(text: string, words: WordScanner = wordScanner(text)): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (let start = words.start(text, 0); start >= 0; ) {
    const end = words.end(text, start)
    spans.push([start, end])
    start = words.start(text, end)
  }
  return spans
}

describe('word scanner', () => {
  it('finds the same words as the regular expression in every BBC and seed headline and paragraph', () => {
    const texts = [...bbcArticles(), parseFile(seedFile, 'seed')].flatMap((article) => [article.headline, ...article.paragraphs])
    expect(texts.length).toBeGreaterThan(7_000)
    const differences = texts.filter((text) => JSON.stringify(byScanner(text)) !== JSON.stringify(byRegex(text)))
    expect(differences).toEqual([])
    // Both scanners are in play: the corpus has text outside ASCII.
    expect(texts.some((text) => wordScanner(text) === UNICODE_WORDS)).toBe(true)
    expect(texts.some((text) => wordScanner(text) === ASCII_WORDS)).toBe(true)
  })

  it('reads joiners and trailing dots as the regular expression does', () => {
    const text = "U.S.-led talks. Kilroy-Silk's AT&T deal--and pro-Russia 'quotes' end. x.. y-. Mr."
    expect(byScanner(text)).toEqual(byRegex(text))
    expect(byScanner(text).map(([start, end]) => text.slice(start, end))).toEqual([
      'U.S.', 'led', 'talks.', "Kilroy-Silk's", 'AT&T', 'deal', 'and', 'pro-Russia', 'quotes', 'end.', 'x.', 'y', 'Mr.'
    ])
  })

  it('agrees with the regular expression on arbitrary text, ASCII or not', () => {
    const chars = fc.constantFrom('a', 'Z', '7', '.', "'", '’', '&', '-', ' ', ',', 'é', 'Ж', '😀', '\n', '_')
    fc.assert(
      fc.property(fc.array(chars, {maxLength: 40}), (list) => {
        const text = list.join('')
        expect(byScanner(text)).toEqual(byRegex(text))
        expect(byScanner(text, UNICODE_WORDS)).toEqual(byRegex(text))
      }),
      {numRuns: 2000}
    )
  })
})
