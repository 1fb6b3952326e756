// Writes N generated articles twice: scraped text (what Broadsheet reads) and front-matter
// Markdown (what the peers read), under bench/out/<n>/{scraped,md}/YYYY/MM/.
// Run alone: `tsx bench/generate.ts --n 10000 [--force]`.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateArticle, makeCorpus} from './lib/article.ts'
import {loadBbc, tagPool} from './lib/bbc.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
export const BENCH_OUT = path.join(here, 'out')
const BBC_ROOT = path.resolve(here, '../../shared/corpus/bbc')
/** Bump by hand for changes the source hash below cannot see (such as a new BBC corpus). */
const GENERATOR_VERSION = 1

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
  for (const file of ['lib/article.ts', 'lib/bbc.ts', 'lib/prng.ts']) hash.update(readFileSync(path.join(here, file)))
  return `${GENERATOR_VERSION}-${hash.digest('hex').slice(0, 12)}`
}

export function corpusRoot(n: number): string {
  return path.join(BENCH_OUT, String(n))
}

function readMarker(file: string): Marker | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Marker
  } catch {
    return null
  }
}

/** Returns the corpus for `n`, generating it only when missing or made by another generator version. */
export function ensureCorpus(n: number, options: {force?: boolean; log?: (line: string) => void} = {}): CorpusPaths {
  const log = options.log ?? (() => {})
  const root = corpusRoot(n)
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
  const bbc = loadBbc(BBC_ROOT)
  const corpus = makeCorpus(bbc, tagPool(bbc, 300), n)
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {n: {type: 'string', default: '1000'}, force: {type: 'boolean', default: false}}})
  const n = Number(values.n)
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`generate: --n must be a positive integer, got ${values.n}\n`)
    process.exit(2)
  }
  const paths = ensureCorpus(n, {force: values.force, log: line => process.stdout.write(line + '\n')})
  process.stdout.write(`${paths.scraped}\n${paths.md}\n`)
}
