// Shared by the browser tests: Debian's Chromium through playwright-core, and a site built from
// the seed plus generated stories in the BBC set's layout, dated by folder so that archives and
// days exist.
import {copyFileSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {chromium, type Browser, type Page} from 'playwright-core'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {build} from '../../src/build/index.ts'
import {bundledTemplates} from '../../src/read/templates.ts'

export const seedFile = new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url).pathname
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

/** The seed, and `perCategory` generated stories of each category spread over March and April 2005. */
export function writeSampleContent(perCategory: number): string {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-browser-')), 'content')
  mkdirSync(content, {recursive: true})
  copyFileSync(seedFile, path.join(content, path.basename(seedFile)))
  const byCategory = Object.entries(plainFiles(perCategory * 3)).sort(([a], [b]) => (a < b ? -1 : 1))
  for (const [n, [name, text]] of byCategory.entries()) {
    const month = n % 2 === 0 ? '03' : '04'
    const day = String((n % 9) + 1).padStart(2, '0')
    const folder = path.join(content, '2005', month, day)
    mkdirSync(folder, {recursive: true})
    writeFileSync(path.join(folder, name.replace('/', '-')), text)
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
