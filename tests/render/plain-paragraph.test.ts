// Differential test: the fast path must give remark-html's bytes exactly, or step aside.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'
import {renderBody, renderMarkdown} from '../../src/render/markdown.ts'
import {plainParagraphHtml} from '../../src/render/plain-paragraph.ts'
import {sampleFiles, seedFile} from '../model/story-files.ts'

/** The seed and the sample corpus (generated, or BBC in the corpus tier), by file. */
const files: Array<[string, string]> = [...Object.entries(sampleFiles()), ['seed.txt', readFileSync(seedFile, 'utf8')]]

function bodies(): string[][] {
  return files.flatMap(([source, text]) => {
    const result = parse(text, source)
    return result.ok ? [result.article.paragraphs] : []
  })
}

describe('plain paragraph fast path', () => {
  const all = bodies()
  const paragraphs = all.flat()

  it('reads the whole corpus', () => {
    expect(all.length).toBe(files.length)
  })

  it('equals remark-html on every paragraph of the seed and the sample corpus it takes, and takes most of them', () => {
    let taken = 0
    const differences: string[] = []
    for (const paragraph of paragraphs) {
      const fast = plainParagraphHtml(paragraph)
      if (fast === null) continue
      taken++
      if (fast !== renderMarkdown(paragraph)) differences.push(paragraph)
    }
    expect(differences).toEqual([])
    expect(taken / paragraphs.length).toBeGreaterThan(0.9)
  })

  it('gives every whole body the bytes remark gives it', () => {
    const differences = all.filter((body) => renderBody(body) !== renderMarkdown(body.join('\n\n')))
    expect(differences).toEqual([])
  })

  it('equals remark-html on generated lines full of Markdown-ish characters', () => {
    const characters = 'ab Z1.9)(-+*_#>!&;<[]`~|\\\'"—“é\u00a0\t\n=:/'.split('')
    // Whole pieces of syntax too: random characters seldom spell an entity or a link.
    const pieces = ['&amp;', '&copy', '&copy;', '&#65;', '&#x41;', '&#;', '&T', '](', '![', '[x]', '[x]: /u', '(/u)']
    const alphabet = fc.constantFrom(...characters, ...pieces)
    fc.assert(
      fc.property(fc.string({unit: alphabet, maxLength: 40}), (text) => {
        const fast = plainParagraphHtml(text)
        if (fast !== null) expect(fast).toBe(renderMarkdown(text))
      }),
      {numRuns: 3000}
    )
  })

  it('equals remark-html on generated lines of brackets, `#`, `!` and `&`, and takes many of them', () => {
    const alphabet = fc.constantFrom(...'ab Z19.;:()[]!#&'.split(''), '&amp;', '&copy', '&copy;', '&#65;', '&#x41;', '](', '![', '[x]', '(/u)')
    let taken = 0
    fc.assert(
      fc.property(fc.string({unit: alphabet, minLength: 1, maxLength: 30}), (text) => {
        const fast = plainParagraphHtml(text)
        if (fast === null) return
        taken++
        expect(fast).toBe(renderMarkdown(text))
      }),
      {numRuns: 3000}
    )
    expect(taken).toBeGreaterThan(500)
  })

  it('steps aside for syntax', () => {
    const syntax = ['*bold*', '- item', '1. first', '# Heading', '> quote', 'a &copy; b', 'a &#65; b', '<b>x</b>', 'x  \ny', ' lead']
    const links = ['see [the report](https://example.com)', 'an ![image](a.png)', '[id]: https://example.com']
    for (const text of [...syntax, ...links]) expect(plainParagraphHtml(text)).toBeNull()
    expect(plainParagraphHtml('AT & T, 5%')).toBe('<p>AT &#x26; T, 5%</p>\n')
  })

  it('takes brackets, `#`, `!` and an `&` that no `;` closes, as remark does', () => {
    for (const text of ['AT&T and S&P 500 shares', 'It was [sic] wrong!', 'the #1 hit (again) [2004]', 'Wow! [x] (y)']) {
      expect(plainParagraphHtml(text)).toBe(renderMarkdown(text))
    }
  })
})
