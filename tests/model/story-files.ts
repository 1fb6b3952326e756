// Reads story files for the model tests through the real parser.
import {readFileSync} from 'node:fs'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {bbcFiles} from '../corpus/shared.ts'
import {parse} from '../../src/parse/index.ts'
import type {Article} from '../../src/model/types.ts'

export const seedFile = new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url)

export function parseFile(url: URL, source: string): Article {
  return parseText(readFileSync(url, 'utf8'), source)
}

export function parseText(text: string, source: string): Article {
  const result = parse(text, source)
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics.map((d) => d.message).join('; ')}`)
  return result.article
}

/**
 * `count` generated stories in the BBC set's layout (bench/lib/newsroom.ts: text from the
 * repository's own word lists), through the real parser, sourced as `category/NNN.txt`.
 */
export function newsroomArticles(count: number): Article[] {
  return Object.entries(plainFiles(count)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([source, text]) => parseText(text, source))
}

/** A minimal article for behaviours that need no file. */
export function article(headline: string, paragraphs: string[], tags: string[] = []): Article {
  return {
    source: `${headline}.txt`, format: 'plain', headline, date: null, slug: '', byline: null, authors: [], publisher: null, kind: 'article',
    commentCount: null, readingMinutes: 1, dateline: null, paragraphs, footer: [], credits: [], boilerplate: [], recommended: [], tags,
    draft: false, summary: null, section: null, diagnostics: []
  }
}

/**
 * The sample corpus of a tier: in the default tiers, 500 generated stories; in the corpus tier,
 * which runs the same test files with BROADSHEET_SAMPLE=bbc (vitest.config.ts), the real BBC set
 * from ../shared/corpus/. Files as `category/NNN.txt` → text, sorted by path.
 */
export const SAMPLE: 'newsroom' | 'bbc' = process.env['BROADSHEET_SAMPLE'] === 'bbc' ? 'bbc' : 'newsroom'
const NEWSROOM_SAMPLE = 500

export function sampleFiles(): Record<string, string> {
  const files = SAMPLE === 'bbc' ? bbcFiles() : plainFiles(NEWSROOM_SAMPLE)
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** Every BBC story through the real parser, sourced as `category/NNN.txt` (the corpus tier only). */
export function bbcArticles(): Article[] {
  return Object.entries(bbcFiles()).map(([source, text]) => parseText(text, source))
}

/** The sample corpus through the real parser, sourced as `category/NNN.txt`. */
export function sampleArticles(): Article[] {
  return Object.entries(sampleFiles()).map(([source, text]) => parseText(text, source))
}
