import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parse} from '../../src/parse/index.ts'

const bbc = fileURLToPath(new URL('../../../shared/corpus/bbc/', import.meta.url))
const files = ['business', 'politics', 'tech'].flatMap((topic) =>
  readdirSync(`${bbc}${topic}`)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => `${topic}/${name}`)
)

describe('the BBC corpus (headline, blank line, paragraphs)', () => {
  it('is all there', () => {
    expect(files.length).toBeGreaterThan(1300)
  })
  it('parses every file with no error; headline = first line, one paragraph per non-blank line after it', () => {
    const failures: string[] = []
    for (const file of files) {
      const text = readFileSync(`${bbc}${file}`, 'utf8')
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
