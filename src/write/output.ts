// Writes the site into a fresh folder beside the output folder and swaps it in at the end, so a
// failed or interrupted build leaves the previous site exactly as it was.
import {randomBytes} from 'node:crypto'
import {closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import path from 'node:path'
import type {OutputFile} from '../model/types.ts'

export interface Output {
  /** The temporary folder being written. */
  readonly staging: string
  write(file: OutputFile): void
  /** Swap the staging folder in for the output folder. */
  commit(): void
  /** Remove the staging folder; the output folder is untouched. Safe to call twice. */
  abort(): void
  readonly count: number
}

export function openOutput(outDir: string): Output {
  const target = path.resolve(outDir)
  const parent = path.dirname(target)
  const staging = path.join(parent, `.${path.basename(target)}.staging-${randomBytes(6).toString('hex')}`)
  mkdirSync(staging, {recursive: true})
  const put = stagingWriter(staging)
  let count = 0
  let open = true

  return {
    staging,
    get count() {
      return count
    },
    write(file) {
      if (!open) throw new Error('output already closed')
      put(file)
      count++
    },
    commit() {
      if (!open) throw new Error('output already closed')
      open = false
      const old = `${staging}.old`
      const hadOld = existsSync(target)
      if (hadOld) renameSync(target, old)
      try {
        renameSync(staging, target)
      } catch (error) {
        if (hadOld) renameSync(old, target)
        rmSync(staging, {recursive: true, force: true})
        throw error
      }
      if (hadOld) rmSync(old, {recursive: true, force: true})
    },
    abort() {
      open = false
      rmSync(staging, {recursive: true, force: true})
    }
  }
}

/**
 * Writes files into a staging folder that exists. Several threads may write into one staging
 * folder at once, each with its own writer: folders are made with `recursive`, which does not mind
 * another thread having made them first.
 */
export function stagingWriter(staging: string): (file: OutputFile) => void {
  const made = new Set<string>([staging])
  return (file) => {
    const destination = containedPath(staging, file.path)
    const folder = path.dirname(destination)
    if (!made.has(folder)) {
      mkdirSync(folder, {recursive: true})
      made.add(folder)
    }
    // `wx`: two pages claiming one path is a bug in the model, never silently last-wins.
    writeFileSync(destination, file.content, {flag: 'wx'})
  }
}

/**
 * Resolve a page path inside `root`, or throw. `path.relative` rather than `startsWith`, which
 * would take `/dist2` to be inside `/dist`.
 */
export function containedPath(root: string, relative: string): string {
  if (relative === '' || /[\u0000-\u001f\u007f\\]/.test(relative) || path.isAbsolute(relative)) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: not a plain relative path`)
  }
  const resolved = path.resolve(root, relative)
  const back = path.relative(root, resolved)
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: outside the output folder`)
  }
  return resolved
}

/**
 * Writes `text` to `file` under a temporary name and renames it into place, so a reader (the next
 * build) never sees half a file. For the cache's own files, which live outside the output folder.
 * Text given in pieces is written some pieces at a time, never held whole.
 */
export function writeFileAtomically(file: string, text: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  if (typeof text === 'string') writeFileSync(temporary, text)
  else {
    const fd = openSync(temporary, 'w')
    try {
      for (const piece of joinedUpTo(WRITE_CHARS, text)) writeSync(fd, piece)
    } finally {
      closeSync(fd)
    }
  }
  renameSync(temporary, file)
}

/**
 * Characters a write gathers from small pieces: few writes, and strings small enough for V8's young
 * generation. A string of megabytes is made in its large-object space, where it stays, garbage,
 * until the next full collection: the cache of 100,000 stories written as whole shards and batches
 * of a thousand stories left over half a gigabyte of them at a time.
 */
const WRITE_CHARS = 64 * 1024

function* joinedUpTo(chars: number, pieces: Iterable<string>): Generator<string> {
  let gathered: string[] = []
  let length = 0
  for (const piece of pieces) {
    gathered.push(piece)
    length += piece.length
    if (length < chars) continue
    yield gathered.join('')
    gathered = []
    length = 0
  }
  if (gathered.length > 0) yield gathered.join('')
}
