// The sample corpus in the BBC set's layout (generated; the BBC files themselves in the corpus
// tier): every file parses as plain text, headline first, a paragraph per non-blank line.
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'
import {SAMPLE, sampleFiles} from '../model/story-files.ts'

const texts = sampleFiles()
const files = Object.keys(texts)

describe('the sample corpus (headline, blank line, paragraphs)', () => {
  it('is all there', () => {
    expect(files.length).toBeGreaterThan(SAMPLE === 'bbc' ? 1300 : 499)
  })
  it('parses every file with no error; headline = first line, one paragraph per non-blank line after it', () => {
    const failures: string[] = []
    for (const file of files) {
      const text = texts[file]!
      const [first = '', ...rest] = text.split('\n')
      const result = parse(text, file)
      if (!result.ok) {
        failures.push(`${file}: ${JSON.stringify(result.diagnostics)}`)
        continue
      }
      const {article} = result
      // Runs of spaces in a headline are collapsed (`Job cuts 'false economy'  - TUC`).
      const headline = first.replace(/\s+/g, ' ').trim()
      const count = rest.filter((line) => line.trim() !== '').length
      if (article.headline !== headline) failures.push(`${file}: headline ${JSON.stringify(article.headline)}`)
      if (article.paragraphs.length !== count) failures.push(`${file}: ${article.paragraphs.length} paragraphs, want ${count}`)
      if (article.format !== 'plain' || article.diagnostics.some((d) => d.severity === 'error')) failures.push(`${file}: format/diagnostics`)
    }
    expect(failures).toEqual([])
  })
})
