// Loads the BBC texts in ../shared/corpus/bbc/ as sources for the generator, for `--bodies bbc`:
// real prose where the default newsroom text is made from word lists. Never needed by a test of
// the default tier.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {countWords, sentences, type StorySource} from './newsroom.ts'

/** Every BBC story, sorted by category then file name, with duplicate headlines dropped. */
export function loadBbc(root: string): StorySource[] {
  const stories: StorySource[] = []
  const seen = new Set<string>()
  for (const category of readdirSync(root, {withFileTypes: true}).filter(d => d.isDirectory()).map(d => d.name).sort()) {
    const dir = path.join(root, category)
    for (const name of readdirSync(dir).filter(f => f.endsWith('.txt')).sort()) {
      const text = readFileSync(path.join(dir, name), 'utf8').replace(/\r\n?/g, '\n')
      const [head = '', ...rest] = text.split('\n')
      const headline = head.trim()
      if (headline === '' || seen.has(headline)) continue
      const paragraphs = rest.join('\n').split(/\n\s*\n/).map(p => p.replace(/\s+/g, ' ').trim()).filter(p => p !== '')
      if (paragraphs.length === 0) continue
      seen.add(headline)
      const paragraphWords = paragraphs.map(countWords)
      stories.push({
        headline, paragraphs, paragraphWords, paragraphSentences: paragraphs.map(sentences),
        words: paragraphWords.reduce((sum, w) => sum + w, 0),
      })
    }
  }
  return stories
}
