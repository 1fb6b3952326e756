// Loads the BBC texts the generator draws headlines and paragraphs from, and derives a tag pool
// from their proper nouns so tag names look like real tags and are the same on every run.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

export interface BbcStory {
  headline: string
  paragraphs: string[]
  /** Precomputed per paragraph: the generator asks for them for every article it writes. */
  paragraphWords: number[]
  paragraphSentences: string[][]
  words: number
}

const SENTENCE_END = /(?<=[.!?]["”’']?)\s+(?=["“‘]?[A-Z0-9])/

export function sentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END)
}

export function countWords(text: string): number {
  let n = 0
  for (const part of text.split(/\s+/)) if (part !== '') n++
  return n
}

/** Every BBC story, sorted by category then file name, with duplicate headlines dropped. */
export function loadBbc(root: string): BbcStory[] {
  const stories: BbcStory[] = []
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

const calendarWords = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March',
  'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Christmas',
])

/**
 * The `size` most frequent capitalised words that follow a lower-case word (so sentence starts
 * like "The" are left out), ties broken by name.
 */
export function tagPool(stories: readonly BbcStory[], size: number): string[] {
  const counts = new Map<string, number>()
  const pattern = /(?<=\b[a-z][a-z,]*\s)([A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?)\b/g
  for (const story of stories) {
    for (const paragraph of story.paragraphs) {
      for (const match of paragraph.matchAll(pattern)) {
        const word = match[1] as string
        if (calendarWords.has(word.split(' ')[0] as string)) continue
        counts.set(word, (counts.get(word) ?? 0) + 1)
      }
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, size)
    .map(([word]) => word)
}
