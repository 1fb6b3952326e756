// Reads story files for the model tests through the real parser.
import {readdirSync, readFileSync} from 'node:fs'
import {parse} from '../../src/parse/index.ts'
import type {Article} from '../../src/model/types.ts'

export const corpus = new URL('../../../shared/corpus/', import.meta.url)
export const seedFile = new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url)

export function parseFile(url: URL, source: string): Article {
  const result = parse(readFileSync(url, 'utf8'), source)
  if (!result.ok) throw new Error(`${source}: ${result.diagnostics.map((d) => d.message).join('; ')}`)
  return result.article
}

export function bbcArticles(): Article[] {
  return ['business', 'politics', 'tech'].flatMap((folder) =>
    readdirSync(new URL(`bbc/${folder}/`, corpus))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => parseFile(new URL(`bbc/${folder}/${name}`, corpus), `${folder}/${name}`))
  )
}

/** A minimal article for behaviours that need no file. */
export function article(headline: string, paragraphs: string[], tags: string[] = []): Article {
  return {
    source: `${headline}.txt`, format: 'plain', headline, date: null, slug: '', byline: null, authors: [],
    commentCount: null, readingMinutes: 1, dateline: null, paragraphs, footer: [], recommended: [], tags,
    draft: false, summary: null, diagnostics: []
  }
}
