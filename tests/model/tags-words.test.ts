// Differential test: the word scanner must find the spans its regular expression defines, on the
// whole corpus and on arbitrary text.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {wordEnd, wordStart} from '../../src/model/tags/words.ts'
import {parseFile, sampleArticles, seedFile} from './story-files.ts'

/** The definition the scanner follows. */
const WORD = /[\p{L}\p{N}]+(?:[.'’&-][\p{L}\p{N}]+)*\.?/gu

function byRegex(text: string): Array<[number, number]> {
  return [...text.matchAll(WORD)].map((match) => [match.index, match.index + match[0].length])
}

function byScanner(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (let start = wordStart(text, 0); start >= 0; ) {
    const end = wordEnd(text, start)
    spans.push([start, end])
    start = wordStart(text, end)
  }
  return spans
}

describe('word scanner', () => {
  it('finds the same words as the regular expression in every headline and paragraph of the seed and the sample corpus', () => {
    const texts = [...sampleArticles(), parseFile(seedFile, 'seed')].flatMap((article) => [article.headline, ...article.paragraphs])
    expect(texts.length).toBeGreaterThan(5_000)
    const differences = texts.filter((text) => JSON.stringify(byScanner(text)) !== JSON.stringify(byRegex(text)))
    expect(differences).toEqual([])
    // Text outside ASCII is in play: curly quotes, accented names.
    expect(texts.filter((text) => /[^\x00-\x7f]/.test(text)).length).toBeGreaterThan(250)
  })

  it('reads joiners and trailing dots as the regular expression does', () => {
    const text = "U.S.-led talks. Kilroy-Silk's AT&T deal--and pro-Russia 'quotes' end. x.. y-. Mr. O’Neill’s Zoë"
    expect(byScanner(text)).toEqual(byRegex(text))
    expect(byScanner(text).map(([start, end]) => text.slice(start, end))).toEqual([
      'U.S.', 'led', 'talks.', "Kilroy-Silk's", 'AT&T', 'deal', 'and', 'pro-Russia', 'quotes', 'end.', 'x.', 'y', 'Mr.', 'O’Neill’s', 'Zoë'
    ])
  })

  it('agrees with the regular expression on arbitrary text, surrogate pairs and lone halves included', () => {
    const unit = fc.constantFrom('a', 'Z', '7', '.', "'", '’', '&', '-', ' ', ',', 'é', 'Ж', '٣', '😀', '𝐀', '\ud800', '\udc00', '\n', '_')
    fc.assert(
      fc.property(fc.string({unit, maxLength: 40}), (text) => {
        expect(byScanner(text)).toEqual(byRegex(text))
      }),
      {numRuns: 3000}
    )
  })
})
