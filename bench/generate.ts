// Writes N generated articles twice: scraped text (what Broadsheet reads) and front-matter
// Markdown (what the peers read), under bench/out/<n>/{scraped,md}/YYYY/MM/.
// Run alone: `tsx bench/generate.ts --n 10000 [--force] [--bodies bbc]`.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateArticle, makeCorpus, tagPool} from './lib/article.ts'
import {loadBbc} from './lib/bbc.ts'
import {newsroomStories, type StorySource} from './lib/newsroom.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
export const BENCH_OUT = path.join(here, 'out')
const BBC_ROOT = path.resolve(here, '../../shared/corpus/bbc')
/** Bump by hand for changes the source hash below cannot see (such as a new BBC corpus). */
const GENERATOR_VERSION = 2

/**
 * Where headlines and paragraphs come from: `newsroom` (the default), text made from the word lists
 * in bench/lib/newsroom-words.ts, which the repository carries; `bbc`, the BBC texts in
 * ../shared/corpus/bbc/, real prose, for a clone that has them beside it.
 */
export type Bodies = 'newsroom' | 'bbc'
export const BODIES: readonly Bodies[] = ['newsroom', 'bbc']
/** About as many source stories as the BBC set has (2,225), so both make bodies of a like variety. */
const NEWSROOM_STORIES = 2200

export interface CorpusPaths {
  root: string
  scraped: string
  md: string
  /** One stem per article, `YYYY/MM/NNNNNN_hash`, in index order. */
  stems: string[]
}

interface Marker {
  version: string
  n: number
  stems: string[]
  seconds: number
}

/** The generator version plus a hash of its own sources, so any edit to them regenerates. */
function generatorVersion(): string {
  const hash = createHash('sha256')
  for (const file of ['lib/article.ts', 'lib/bbc.ts', 'lib/newsroom.ts', 'lib/newsroom-words.ts', 'lib/prng.ts']) hash.update(readFileSync(path.join(here, file)))
  return `${GENERATOR_VERSION}-${hash.digest('hex').slice(0, 12)}`
}

export function corpusRoot(n: number, bodies: Bodies = 'newsroom'): string {
  return path.join(BENCH_OUT, bodies === 'newsroom' ? String(n) : `${n}-${bodies}`)
}

function sources(bodies: Bodies): StorySource[] {
  if (bodies === 'newsroom') return newsroomStories(NEWSROOM_STORIES)
  if (!existsSync(BBC_ROOT)) throw new Error(`--bodies bbc reads the BBC texts from ${BBC_ROOT}; put the shared corpus there, or leave the option out`)
  return loadBbc(BBC_ROOT)
}

function readMarker(file: string): Marker | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker
  } catch {
    return null
  }
}

/** Returns the corpus for `n`, generating it only when missing or made by another generator version. */
export function ensureCorpus(n: number, options: {force?: boolean; bodies?: Bodies; log?: (line: string) => void} = {}): CorpusPaths {
  const log = options.log ?? (() => {})
  const bodies = options.bodies ?? 'newsroom'
  const root = corpusRoot(n, bodies)
  const paths = {root, scraped: path.join(root, 'scraped'), md: path.join(root, 'md')}
  const markerFile = path.join(root, 'corpus.json')
  const version = generatorVersion()
  const marker = readMarker(markerFile)
  if (!options.force && marker && marker.version === version && marker.n === n && existsSync(paths.scraped)) {
    return {...paths, stems: marker.stems}
  }
  log(`generating ${n} articles into ${path.relative(process.cwd(), root) || root} ...`)
  rmSync(markerFile, {force: true})
  rmSync(paths.scraped, {recursive: true, force: true})
  rmSync(paths.md, {recursive: true, force: true})
  const started = process.hrtime.bigint()
  const stories = sources(bodies)
  const corpus = makeCorpus(stories, tagPool(stories, 300), n)
  const made = new Set<string>()
  const stems: string[] = []
  for (let i = 0; i < n; i++) {
    const article = generateArticle(corpus, i)
    const dir = path.dirname(article.stem)
    if (!made.has(dir)) {
      mkdirSync(path.join(paths.scraped, dir), {recursive: true})
      mkdirSync(path.join(paths.md, dir), {recursive: true})
      made.add(dir)
    }
    writeFileSync(path.join(paths.scraped, `${article.stem}.txt`), article.scraped)
    writeFileSync(path.join(paths.md, `${article.stem}.md`), article.markdown)
    stems.push(article.stem)
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  writeFileSync(markerFile, JSON.stringify({version, n, stems, seconds} satisfies Marker))
  log(`generated ${n} articles (${n * 2} files) in ${seconds.toFixed(2)} s`)
  return {...paths, stems}
}

/**
 * `count` articles that are not in the corpus of `n` (numbers n, n + 1, …), dated the day after
 * its last day, 2024-01-01: what a scraper adds the next day. Not written anywhere.
 */
export function freshArticles(n: number, count: number, bodies: Bodies = 'newsroom'): Array<{stem: string; scraped: string}> {
  const stories = sources(bodies)
  const corpus = makeCorpus(stories, tagPool(stories, 300), n)
  const day = '2024-01-01'
  return Array.from({length: count}, (_, k) => {
    const article = generateArticle(corpus, n + k)
    const name = path.basename(article.stem)
    return {stem: `${day.slice(0, 4)}/${day.slice(5, 7)}/${name}`, scraped: article.scraped.replace(/^ date \S+/, ` date ${day}`)}
  })
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {n: {type: 'string', default: '1000'}, force: {type: 'boolean', default: false}, bodies: {type: 'string', default: 'newsroom'}}})
  const n = Number(values.n)
  const bodies = values.bodies as Bodies
  if (!BODIES.includes(bodies)) {
    process.stderr.write(`generate: --bodies is one of ${BODIES.join(', ')}, got ${values.bodies}\n`)
    process.exit(2)
  }
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`generate: --n must be a positive integer, got ${values.n}\n`)
    process.exit(2)
  }
  const paths = ensureCorpus(n, {force: values.force, bodies, log: line => process.stdout.write(line + '\n')})
  process.stdout.write(`${paths.scraped}\n${paths.md}\n`)
}
