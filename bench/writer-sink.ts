// `npx tsx bench/writer-sink.ts --site DIR [--runs 3] [--render-us 350] [--window 64] [--to DIR ...]`
//
// How a build's files are best written while the next pages render: the writer thread and its ring
// (src/write/writer-thread.ts), a bounded window of `fs.promises.writeFile` on libuv's thread pool,
// or synchronous writes on the rendering thread. Replays a built site (every file of DIR, held in
// memory) into a fresh staging folder under each `--to` (a disk folder and a tmpfs, say), spending
// `--render-us` microseconds of CPU before each file as rendering it would. Runs alternate between
// the ways; the table gives the median wall time of each, and its ratio to the ring's.
import {mkdirSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import process from 'node:process'
import {parseArgs} from 'node:util'
import type {OutputFile} from '../src/model/types.ts'
import {stagingWriter} from '../src/write/output.ts'
import {stagingWriterAside} from '../src/write/writer-thread.ts'

const {values} = parseArgs({
  options: {
    site: {type: 'string'},
    runs: {type: 'string', default: '3'},
    'render-us': {type: 'string', default: '350'},
    window: {type: 'string', default: '64'},
    to: {type: 'string', multiple: true, default: ['/tmp/broadsheet-writer-sink', '/dev/shm/broadsheet-writer-sink']},
  },
})
if (values.site === undefined) throw new Error('give --site DIR, a built site to replay')
const site = values.site
const runs = Number(values.runs)
const renderNs = BigInt(Math.round(Number(values['render-us']) * 1000))
const windowSize = Number(values.window)

const files: OutputFile[] = readdirSync(site, {recursive: true, withFileTypes: true})
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = path.join(entry.parentPath, entry.name)
    return {path: path.relative(site, full).split(path.sep).join('/'), content: readFileSync(full, 'utf8')}
  })
const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content as string), 0)
process.stderr.write(`${files.length} files, ${(bytes / 1024 / 1024).toFixed(0)} MB, ${values['render-us']} µs of CPU before each\n`)

/** CPU spent as rendering a page would spend it. */
function render(): void {
  const until = process.hrtime.bigint() + renderNs
  while (process.hrtime.bigint() < until);
}

type Way = (staging: string) => Promise<void>

const ways: Record<string, Way> = {
  ring: async (staging) => {
    const sink = stagingWriterAside(staging)
    for (const file of files) {
      render()
      sink.write(file)
    }
    sink.finish()
  },
  [`promises (window ${windowSize})`]: async (staging) => {
    const folders = new Map<string, Promise<unknown>>()
    const inFlight = new Set<Promise<void>>()
    for (const file of files) {
      render()
      const destination = path.join(staging, file.path)
      const folder = path.dirname(destination)
      let made = folders.get(folder)
      if (made === undefined) folders.set(folder, (made = mkdir(folder, {recursive: true})))
      const write: Promise<void> = made.then(() => writeFile(destination, file.content, {flag: 'wx'})).then(() => void inFlight.delete(write))
      inFlight.add(write)
      if (inFlight.size >= windowSize) await Promise.race(inFlight)
    }
    await Promise.all(inFlight)
  },
  'sync, this thread': async (staging) => {
    const write = stagingWriter(staging)
    for (const file of files) {
      render()
      write(file)
    }
  },
}

const rows: string[] = []
for (const target of values.to) {
  const times = new Map<string, number[]>(Object.keys(ways).map((name) => [name, []]))
  for (let run = 0; run < runs; run++) {
    for (const [name, way] of Object.entries(ways)) {
      const staging = path.join(target, 'staging')
      rmSync(target, {recursive: true, force: true})
      mkdirSync(staging, {recursive: true})
      const started = process.hrtime.bigint()
      await way(staging)
      times.get(name)!.push(Number(process.hrtime.bigint() - started) / 1e9)
      process.stderr.write(`${target} run ${run + 1}: ${name} ${times.get(name)!.at(-1)!.toFixed(2)} s\n`)
    }
  }
  rmSync(target, {recursive: true, force: true})
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!
  const ring = median(times.get('ring')!)
  for (const [name, list] of times) {
    rows.push(`| ${target} | ${name} | ${median(list).toFixed(2)} | ${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)} | ${(median(list) / ring).toFixed(2)} |`)
  }
}
process.stdout.write(`| folder | way | median s | min–max s | ÷ ring |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`)
