// Where the corpus tier finds the real texts: ../shared/corpus/ beside the clone (the BBC set and
// the seed as the portal saved it). The repository may not carry them; `npm test` never reads them.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const sharedCorpus = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url))
export const bbcRoot = path.join(sharedCorpus, 'bbc')
export const BBC_CATEGORIES = ['business', 'politics', 'tech'] as const

/** The one line the corpus tier prints when the texts are not there. */
export function missingCorpus(): string | null {
  if (existsSync(path.join(bbcRoot, 'business'))) return null
  return `the corpus tier reads the BBC texts from ${bbcRoot}: put the shared corpus folder (with bbc/business, bbc/politics, bbc/tech) at ${sharedCorpus}, beside this clone`
}

/** Every BBC file as `category/NNN.txt` → text, sorted. */
export function bbcFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const category of BBC_CATEGORIES) {
    for (const name of readdirSync(path.join(bbcRoot, category)).filter((n) => n.endsWith('.txt')).sort()) {
      files[`${category}/${name}`] = readFileSync(path.join(bbcRoot, category, name), 'utf8')
    }
  }
  return files
}
