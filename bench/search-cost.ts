// What a search costs a reader: for 20 queries taken from the corpus's own headlines, the requests
// and bytes that the site's search script fetches, read from a built site.
//
//   npx tsx bench/search-cost.ts [--n 10000] [--dist DIR] [--build]
//
// `npm run bench` prints the same table after its first cold build. Alone, the script measures
// bench/out/<n>/broadsheet/dist (or --dist), building it first when it has no search index or
// when --build is given (`npm run bundle`, then `node bin/broadsheet.js build --content
// bench/out/<n>/scraped --out DIR`).
//
// How it mirrors the browser: it does not model the script, it runs it. The search is
// templates/assets/search-engine.js itself (`createSearch`), given a loader that reads the file a
// URL names from the built site, counts it and parses it, where the browser's loader calls fetch().
// Then, as assets/search.js does for a query, it asks the first page of results for their data
// (`results.slice(0, shown).map((r) => r.data())`), `shown` being the page's `data-search-limit`,
// read from the built search page (search/index.html) and from the header's search box (any story
// page). Each query starts a new engine, so it is a reader's first query: meta.json is counted
// every time, and a file the engine asks for twice (it keeps what it fetched) is counted once.
//
// Bytes are counted twice: raw, the file's size, which is what the 30 KB target is on; and gzip
// (level 6, what `gzip -6`, nginx's `gzip_comp_level 6` and most static hosts send), for scale.
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {gzipSync} from 'node:zlib'
import {STOP_WORDS, searchTokens} from '../src/search/index.ts'
import {createSearch} from '../templates/assets/search-engine.js'
import {corpusRoot} from './generate.ts'
import {median, table} from './lib/stats.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..')

/** The reader's target: a query with hits fetches at most this many raw bytes (the issue's 30 KB). */
export const TARGET_BYTES = 30 * 1024

export interface QueryCost {
  query: string
  /** Stories that match. */
  hits: number
  /** Results whose data the page asked for. */
  shown: number
  requests: number
  raw: number
  gzip: number
  /** Each file fetched, relative to the site root, with its raw size. */
  files: Array<{path: string; raw: number}>
}

export interface SearchCost {
  /** The results a page shows first: the search page's and the header box's `data-search-limit`. */
  page: number
  box: number
  queries: QueryCost[]
  /** The same queries typed into the header's box, which shows fewer results. */
  inBox: QueryCost[]
}

type Search = (query: string) => Promise<{results: Array<{id: number; data: () => Promise<unknown>}>}>

/**
 * Twenty queries from the headlines, the same for the same corpus: ten single words and ten pairs of
 * words that stand next to each other in a headline (stop words left out of both, as the search
 * leaves them out), each at set places in the list from the most headlines to the fewest, so both
 * common words and rare ones (names among them) are asked. Every query is in some headline, so
 * every one has hits.
 */
export function pickQueries(headlines: readonly string[]): string[] {
  const words = new Map<string, number>()
  const pairs = new Map<string, number>()
  for (const headline of headlines) {
    const tokens = searchTokens(headline)
    const content = (token: string) => !STOP_WORDS.has(token) && /^\p{L}+$/u.test(token)
    for (const word of new Set(tokens.filter(content))) words.set(word, (words.get(word) ?? 0) + 1)
    const adjacent = new Set<string>()
    for (let i = 1; i < tokens.length; i++) if (content(tokens[i - 1]!) && content(tokens[i]!)) adjacent.add(`${tokens[i - 1]} ${tokens[i]}`)
    for (const pair of adjacent) pairs.set(pair, (pairs.get(pair) ?? 0) + 1)
  }
  const places = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.85, 1]
  const at = (counts: Map<string, number>) => {
    const ranked = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([text]) => text)
    return [...new Set(places.map((place) => ranked[Math.round(place * (ranked.length - 1))]!))]
  }
  return [...at(words), ...at(pairs)]
}

/** Headlines of the bench corpus's scraped files: the first line, ` date YYYY-MM-DD headline`. */
export function corpusHeadlines(scraped: string): string[] {
  const headlines: string[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.name.endsWith('.txt')) {
        const first = readFileSync(file, 'utf8').split('\n', 1)[0]!
        headlines.push(first.replace(/^\s*date \d{4}-\d{2}-\d{2}\s+/, '').trim())
      }
    }
  }
  walk(scraped)
  return headlines
}

/** A file of the built site, by its path from the site's root. */
export type ReadSite = (file: string) => Uint8Array

/** How many results each search form shows first: its `data-search-limit`, as assets/search.js reads it (10 without one). */
export interface Limits {
  /** The search page's form. */
  page: number
  /** The search box in every page's header. */
  box: number
}

function limitOf(html: string, form: RegExp): number {
  const tag = html.match(form)?.[0] ?? ''
  return Number(tag.match(/data-search-limit="(\d+)"/)?.[1]) || 10
}

/** The limits of the built search page and of the home page's header box; or of the templates. */
export function limitsOf(searchPage: string, anyPage: string): Limits {
  return {page: limitOf(searchPage, /<form[^>]*data-search-page[^>]*>/), box: limitOf(anyPage, /<form[^>]*class="site-search-form"[^>]*>/)}
}

export function siteReader(dist: string): ReadSite {
  return (file) => readFileSync(path.join(dist, ...file.split('/')))
}

/** One reader's first query, as the search script makes it. */
export async function queryCost(read: ReadSite, query: string, shown: number): Promise<QueryCost> {
  const root = 'https://example.org/site/'
  const files: Array<{path: string; raw: number; gzip: number}> = []
  const search = createSearch(new URL(root), async (url: string) => {
    const file = url.slice(root.length)
    const bytes = read(file)
    files.push({path: file, raw: bytes.length, gzip: gzipSync(bytes, {level: 6}).length})
    return JSON.parse(new TextDecoder().decode(bytes))
  }) as Search
  const {results} = await search(query)
  const page = results.slice(0, shown)
  await Promise.all(page.map((result) => result.data()))
  return {
    query,
    hits: results.length,
    shown: page.length,
    requests: files.length,
    raw: files.reduce((sum, file) => sum + file.raw, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
    files: files.map(({path, raw}) => ({path, raw}))
  }
}

/** Each query on the search page and in the header's box of the site built in `dist`. */
export async function searchCost(dist: string, queries: readonly string[]): Promise<SearchCost> {
  const text = (file: string) => readFileSync(path.join(dist, file), 'utf8')
  return costOf(siteReader(dist), queries, limitsOf(text('search/index.html'), text('index.html')))
}

export async function costOf(read: ReadSite, queries: readonly string[], {page, box}: Limits): Promise<SearchCost> {
  const queriesCost: QueryCost[] = []
  const inBox: QueryCost[] = []
  for (const query of queries) {
    queriesCost.push(await queryCost(read, query, page))
    inBox.push(await queryCost(read, query, box))
  }
  return {page, box, queries: queriesCost, inBox}
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)

function summary(costs: readonly QueryCost[]): string[] {
  const stat = (pick: (cost: QueryCost) => number, format: (n: number) => string) =>
    `${format(median(costs.map(pick)))} / ${format(Math.max(...costs.map(pick)))}`
  return [stat((c) => c.requests, (n) => String(n)), stat((c) => c.raw, kb), stat((c) => c.gzip, kb)]
}

/** The Markdown the bench prints. */
export function searchCostReport(cost: SearchCost, stories: number): string {
  const out: string[] = []
  out.push(`Search: ${cost.queries.length} queries from the headlines, each a reader's first (meta.json included), on ${stories} stories.`)
  out.push(`The search page asks for the first ${cost.page} results' data, the header's box for ${cost.box}. KB are 1,024 bytes.`, '')
  out.push(
    table(
      ['query', 'hits', 'requests', 'KB raw', 'KB gzip'],
      cost.queries.map((c) => [`\`${c.query}\``, String(c.hits), String(c.requests), kb(c.raw), kb(c.gzip)])
    ),
    ''
  )
  out.push(
    table(
      ['where', 'requests (median / max)', 'KB raw (median / max)', 'KB gzip (median / max)'],
      [
        [`search page (${cost.page} results)`, ...summary(cost.queries)],
        [`header box (${cost.box} results)`, ...summary(cost.inBox)]
      ]
    ),
    ''
  )
  const worst = Math.max(...cost.queries.map((c) => c.raw), ...cost.inBox.map((c) => c.raw))
  out.push(`Largest query: ${kb(worst)} KB raw (target: at most ${kb(TARGET_BYTES)} KB raw at 10,000 stories).`, '')
  return out.join('\n')
}

async function main(): Promise<number> {
  const {values} = parseArgs({
    options: {
      n: {type: 'string', default: '10000'},
      dist: {type: 'string'},
      build: {type: 'boolean', default: false},
      verbose: {type: 'boolean', short: 'v', default: false},
      help: {type: 'boolean', short: 'h', default: false}
    }
  })
  if (values.help) {
    process.stdout.write('Usage: npx tsx bench/search-cost.ts [--n 10000] [--dist DIR] [--build] [--verbose]\n')
    return 0
  }
  const n = Number(values.n)
  const root = corpusRoot(n)
  const scraped = path.join(root, 'scraped')
  const dist = path.resolve(values.dist ?? path.join(root, 'broadsheet', 'dist'))
  if (!existsSync(scraped)) {
    const {ensureCorpus} = await import('./generate.ts')
    ensureCorpus(n, {log: (line) => process.stderr.write(`[search-cost] ${line}\n`)})
  }
  if (values.build || !existsSync(path.join(dist, 'search', 'meta.json'))) {
    process.stderr.write(`[search-cost] building ${path.relative(repo, scraped)} into ${path.relative(repo, dist)}\n`)
    execFileSync(process.execPath, ['scripts/bundle.js'], {cwd: repo, stdio: 'inherit'})
    execFileSync(process.execPath, ['bin/broadsheet.js', 'build', '--content', scraped, '--out', dist, '--quiet'], {cwd: repo, stdio: 'inherit'})
  }
  const cost = await searchCost(dist, pickQueries(corpusHeadlines(scraped)))
  process.stdout.write(searchCostReport(cost, n) + '\n')
  if (values.verbose) {
    for (const c of cost.queries) process.stdout.write(`${c.query}: ${c.files.map((f) => `${f.path} ${f.raw}`).join(', ')}\n`)
  }
  return 0
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`[search-cost] ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 1
    }
  )
}
