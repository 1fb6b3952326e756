// Shared by the browser tests: Debian's Chromium through playwright-core, and a site built from
// the seed plus a slice of the BBC corpus, dated by folder so that archives and days exist.
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {build} from '../../src/build.ts'
import {bundledTemplates} from '../../src/read/templates.ts'

export const corpus = new URL('../../../shared/corpus/', import.meta.url).pathname
export const seedFile = path.join(corpus, 'seed/000_ca89730430cec1e2.txt')
export const seedHeadline = 'N. Korea slams US for raising alleged arms supply to Russia'
export const seedUrl = '2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/'
/** Where screenshots go; gitignored. */
export const resultsDir = new URL('../../test-results/', import.meta.url).pathname

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
  })
}

/** The seed, and the first `perCategory` BBC stories of each category spread over March and April 2005. */
export function writeSampleContent(perCategory: number): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-browser-')), 'content')
  mkdirSync(content, {recursive: true})
  copyFileSync(seedFile, path.join(content, path.basename(seedFile)))
  let n = 0
  for (const category of ['business', 'politics', 'tech']) {
    const names = readdirSync(path.join(corpus, 'bbc', category)).filter((f) => f.endsWith('.txt')).sort().slice(0, perCategory)
    for (const name of names) {
      const month = n % 2 === 0 ? '03' : '04'
      const day = String((n % 9) + 1).padStart(2, '0')
      const folder = path.join(content, '2005', month, day)
      mkdirSync(folder, {recursive: true})
      copyFileSync(path.join(corpus, 'bbc', category, name), path.join(folder, `${category}-${name}`))
      n++
    }
  }
  return content
}

export async function buildSample(perCategory: number): Promise<{content: string; out: string}> {
  const content = writeSampleContent(perCategory)
  const out = path.join(path.dirname(content), 'dist')
  const result = await build({content, out, templates: bundledTemplates, strict: false, drafts: false, cache: false})
  if (!result.published) throw new Error(`sample build failed: ${result.fatal.join('; ')}`)
  return {content, out}
}

/** Page titles are `Headline — Site`; the part before the dash is what a test can name. */
export async function titleOf(page: Page): Promise<string> {
  return (await page.title()).split(' — ')[0] ?? ''
}
