// `npm run bench -- --n 10000 [--runs 3] [--peers] [--verify] [--skip-broadsheet]`
//
// Generates the corpus (cached per N and generator version), then for each run, one after another:
// Broadsheet cold (output and cache removed), then a rebuild after each change of lib/changes.ts
// (a touch, body edits, a headline, new place names, a story added and one deleted, 100 appended, a
// template), each on top of the last; with --peers also Hugo and Eleventy 3, cold, on the Markdown
// twin of the corpus. Prints the median of the runs with min–max for each phase, each rebuild's
// ratio to the cold build of its own run, and the peer ratios from the same run,
// then what a search costs a reader on the first cold build (bench/search-cost.ts).
import {cpus} from 'node:os'
import {cpSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {BENCH_OUT, BODIES, ensureCorpus, freshArticles, type Bodies, type CorpusPaths} from './generate.ts'
import {measure, measuringMethod, type Measurement, type RunResult} from './lib/measure.ts'
import {buildNodeFlags} from './lib/node-flags.ts'
import {findEleventy, findHugo, type Peer} from './lib/peers.ts'
import {spread, median, table} from './lib/stats.ts'
import {setAside} from './lib/set-aside.ts'
import {CHANGE_KINDS, openChanges, TARGET_100K, TARGET_10K, type ChangeKind} from './lib/changes.ts'
import {countOutput, diffTrees, type OutputCounts} from './lib/tree.ts'
import {corpusHeadlines, pickQueries, searchCost, searchCostReport} from './search-cost.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..')
const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`)

type Phase = 'cold' | ChangeKind

const USAGE = `Usage: npm run bench -- [options]

Builds a generated corpus of N stories cold, then again after each kind of change a site sees
(bench/lib/changes.ts), and prints wall time, CPU time and peak RSS of each, and each rebuild as a
fraction of the cold build, as tables (stdout); progress goes to stderr.

Options:
  --n N              stories in the corpus (default: 10000)
  --runs N           runs; each cell is their median (default: 3)
  --peers            also build the corpus with Hugo and Eleventy 3, and print the ratios
  --verify           after each change (last run), check the rebuilt site against a --no-cache build, byte for byte
  --skip-broadsheet  with --peers: the peers only
  --skip-search      leave out what 20 searches cost a reader (bench/search-cost.ts)
  --bodies KIND      newsroom: text from the repository's word lists; bbc: the BBC texts in
                     ../shared/corpus/bbc/ (default: newsroom)
  -h, --help         print this help

See bench/README.md for the corpus, the phases and what each number means.
`

/** parseArgs, with a pointer to the help when an option is not one of the bench's. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (see npm run bench -- --help)`)
  }
}

interface Options {
  n: number
  runs: number
  peers: boolean
  verify: boolean
  broadsheet: boolean
  search: boolean
  bodies: Bodies
}

/** The options given, or null when the help was asked for. */
function options(): Options | null {
  const {values} = parseOptions({
    options: {
      help: {type: 'boolean', short: 'h', default: false},
      n: {type: 'string', default: '10000'},
      runs: {type: 'string', default: '3'},
      peers: {type: 'boolean', default: false},
      verify: {type: 'boolean', default: false},
      'skip-broadsheet': {type: 'boolean', default: false},
      'skip-search': {type: 'boolean', default: false},
      bodies: {type: 'string', default: 'newsroom'},
    },
  })
  if (values.help) return null
  const n = Number(values.n)
  const runs = Number(values.runs)
  if (!Number.isInteger(n) || n < 2) throw new Error(`--n must be an integer of at least 2, got ${values.n}`)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`)
  const bodies = values.bodies as Bodies
  if (!BODIES.includes(bodies)) throw new Error(`--bodies is one of ${BODIES.join(', ')}, got ${values.bodies}`)
  return {n, runs, peers: values.peers, verify: values.verify, broadsheet: !values['skip-broadsheet'], search: !values['skip-search'], bodies}
}

/** `npm run build`'s command, `node <its flags> bin/broadsheet.js build ...`, so the measured process is the build itself. */
function broadsheetBuild(content: string, out: string, extra: string[] = []): Promise<RunResult> {
  return measure(process.execPath, [...buildNodeFlags(repo), 'bin/broadsheet.js', 'build', '--content', content, '--out', out, '--quiet', ...extra], {cwd: repo})
}

function check(what: string, result: RunResult): RunResult {
  if (result.code !== 0) {
    process.stderr.write(result.stdout + result.stderr)
    throw new Error(`${what} failed with exit code ${result.code}`)
  }
  return result
}

/** The rebuilt output against a cold --no-cache build of the same files, byte for byte. */
async function verify(content: string, templates: string, dist: string, fresh: string, discard: (folder: string) => void): Promise<string> {
  const noCache = await broadsheetBuild(content, fresh, ['--templates', templates, '--no-cache'])
  if (noCache.code !== 0) return `not checked: the --no-cache build exited ${noCache.code}: ${noCache.stderr.trim().split('\n')[0] ?? ''}`
  const differ = diffTrees(dist, fresh)
  // Set aside, not deleted: a deletion just before the next build would be charged to it (lib/set-aside.ts).
  discard(fresh)
  return differ.length === 0 ? 'identical' : `DIFFERENT in ${differ.length} files, first: ${differ.slice(0, 5).join('; ')}`
}

interface RunRecord {
  broadsheet: Partial<Record<Phase, Measurement>>
  peers: Record<string, Measurement>
}

async function main(): Promise<number> {
  const asked = options()
  if (asked === null) {
    process.stdout.write(USAGE)
    return 0
  }
  const opts = asked
  const corpus: CorpusPaths = ensureCorpus(opts.n, {bodies: opts.bodies, log})
  const peersSource = path.join(here, 'peers')
  const peers: Peer[] = []
  if (opts.peers) {
    for (const found of [findHugo(peersSource), findEleventy(peersSource, path.join(BENCH_OUT, '.peers', 'eleventy'), log)]) {
      if (typeof found === 'string') log(found)
      else peers.push(found)
    }
  }
  if (!opts.broadsheet && peers.length === 0) {
    log('nothing to build: --skip-broadsheet without any peer')
    return 1
  }

  const work = path.join(corpus.root, 'broadsheet')
  const dist = path.join(work, 'dist')
  // The bench's own copy of the templates, which the template change edits: every build uses it.
  const templates = path.join(corpus.root, 'templates')
  rmSync(templates, {recursive: true, force: true})
  cpSync(path.join(repo, 'templates'), templates, {recursive: true})
  const changes = openChanges({content: corpus.scraped, stems: corpus.stems, templates, fresh: (count) => freshArticles(opts.n, count, opts.bodies)})
  process.once('SIGINT', () => {
    changes.restore()
    process.exit(130)
  })
  const records: RunRecord[] = []
  const counts: Record<string, OutputCounts> = {}
  const verified = new Map<ChangeKind, string>()
  let search: string | null = null
  // Outputs of earlier builds are renamed, not deleted, until the last build is measured (lib/set-aside.ts).
  const aside = setAside(path.join(BENCH_OUT, '.discard'))

  await aside.settle(log)
  // The bundle of the source as it is (`npm run bundle`), outside any measurement: without it, every
  // build would start through tsx.
  if (opts.broadsheet) check('Bundling the CLI', await measure(process.execPath, ['scripts/bundle.js'], {cwd: repo}))
  try {
    for (let run = 0; run < opts.runs; run++) {
      const record: RunRecord = {broadsheet: {}, peers: {}}
      records.push(record)
      if (opts.broadsheet) {
        // Cold: the output and the cache beside it (and any inside it) are gone.
        aside.move(work)
        log(`run ${run + 1}/${opts.runs}: Broadsheet cold`)
        record.broadsheet.cold = check('Broadsheet cold build', await broadsheetBuild(corpus.scraped, dist, ['--templates', templates]))
        if (run === 0) counts.Broadsheet = countOutput(dist)
        if (run === 0 && opts.search) {
          log('search: 20 queries from the headlines against the cold build (not timed)')
          search = searchCostReport(await searchCost(dist, pickQueries(corpusHeadlines(corpus.scraped))), opts.n)
        }

        for (const kind of CHANGE_KINDS) {
          const what = changes.apply(kind)
          log(`run ${run + 1}/${opts.runs}: Broadsheet after ${kind}: ${what}`)
          record.broadsheet[kind] = check(`Broadsheet rebuild after ${kind}`, await broadsheetBuild(corpus.scraped, dist, ['--templates', templates]))
          if (opts.verify && run === opts.runs - 1) verified.set(kind, await verify(corpus.scraped, templates, dist, path.join(work, 'dist-no-cache'), aside.move))
        }
        changes.restore()
      }
      for (const peer of peers) {
        log(`run ${run + 1}/${opts.runs}: ${peer.name} cold`)
        const {result, outDir} = await peer.build(corpus.md, path.join(corpus.root, 'peers', peer.name.toLowerCase()), aside.move)
        record.peers[peer.name] = check(`${peer.name} build`, result)
        if (run === 0) counts[peer.name] = countOutput(outDir)
      }
    }
  } finally {
    changes.restore()
    aside.empty()
  }

  print(opts, corpus, peers, records, counts, verified, search)
  return 0
}

function row(label: string, samples: Measurement[]): string[] {
  return [
    label,
    spread(samples.map(s => s.wallSeconds), 2),
    spread(samples.map(s => s.cpuSeconds), 2),
    spread(samples.map(s => s.peakRssMb), 0),
  ]
}

function print(
  opts: Options, corpus: CorpusPaths, peers: Peer[], records: RunRecord[],
  counts: Record<string, OutputCounts>, verified: ReadonlyMap<ChangeKind, string>, search: string | null,
): void {
  const out: string[] = []
  const cpu = cpus()
  out.push(`## Broadsheet bench: ${opts.n} stories, ${opts.runs} run${opts.runs === 1 ? '' : 's'}`, '')
  out.push(`Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`)
  out.push(`Measured with ${measuringMethod()}.`)
  out.push(`Medians of ${opts.runs}, (min–max). Wall and CPU in seconds, peak RSS in MB.`, '')
  const rows: string[][] = []
  if (opts.broadsheet) rows.push(row('Broadsheet cold', records.flatMap(r => r.broadsheet.cold ?? [])))
  for (const peer of peers) rows.push(row(`${peer.name} ${peer.version} cold`, records.map(r => r.peers[peer.name]).filter((m): m is Measurement => m !== undefined)))
  out.push(table(['build', 'wall s', 'CPU s', 'peak RSS MB'], rows), '')

  if (opts.broadsheet && peers.length > 0) {
    const ratioRows = peers.map(peer => {
      const ratios = (pick: (m: Measurement) => number): number[] => records.flatMap(r => {
        const mine = r.broadsheet.cold
        const theirs = r.peers[peer.name]
        return mine && theirs ? [pick(mine) / pick(theirs)] : []
      })
      return [
        `Broadsheet / ${peer.name}`,
        spread(ratios(m => m.wallSeconds), 2),
        spread(ratios(m => m.cpuSeconds), 2),
        spread(ratios(m => m.peakRssMb), 2),
      ]
    })
    out.push('Cold-build ratios, each taken within one run, then the median over runs:', '')
    out.push(table(['ratio', 'wall', 'CPU', 'peak RSS'], ratioRows), '')
  }

  const countRows = Object.entries(counts).map(([name, c]) => [
    name, String(c.files), String(c.html), String(c.storyPages), String(c.tagPages), c.home ? 'yes' : 'NO',
  ])
  out.push('Output of the first cold build of each:', '')
  out.push(table(['site', 'files', 'HTML pages', 'story pages', 'tag pages', 'home'], countRows), '')
  if (opts.broadsheet) {
    // Each rebuild over the cold build of its own run: the ratio holds on a loaded machine, where
    // seconds from different runs do not.
    const targets = opts.n >= 100_000 ? TARGET_100K : TARGET_10K
    const changeRows = CHANGE_KINDS.map(kind => {
      const samples = records.flatMap(r => r.broadsheet[kind] ?? [])
      const ratios = records.flatMap(r => (r.broadsheet[kind] && r.broadsheet.cold ? [r.broadsheet[kind].wallSeconds / r.broadsheet.cold.wallSeconds] : []))
      const target = targets[kind]
      const met = target === undefined ? '' : median(ratios) <= target ? 'met' : 'NOT met'
      return [kind, spread(samples.map(s => s.wallSeconds), 2), spread(ratios, 3), target === undefined ? '–' : `≤ ${target}`, met, spread(samples.map(s => s.peakRssMb), 0), verified.get(kind) ?? (opts.verify ? 'not run' : '–')]
    })
    out.push('Rebuilds, each after one change since the build before it (wall s; × the cold build of the same run):', '')
    out.push(table(['change', 'wall s', '× cold', 'target', '', 'peak RSS MB', 'verify (--no-cache)'], changeRows), '')
  }
  if (search) out.push(search)
  process.stdout.write(out.join('\n') + '\n')
  writeFileSync(path.join(corpus.root, 'last-results.json'), JSON.stringify({options: opts, records, counts, verified: Object.fromEntries(verified)}, null, 2))
}

main().then(
  code => { process.exitCode = code },
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  },
)
