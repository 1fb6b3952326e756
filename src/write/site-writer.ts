// Writes a site's files, rendering only those whose key changed since the last build.
//
// Cold (no cache, or no previous output): every file goes to a fresh staging folder that is
// swapped in at the end (write/output.ts). Warm: the previous build's manifest (path → hash of the
// file's key) says which files are unchanged; only the others are rendered, into a staging folder
// (under flat names: `SharePlan.flat`), and moved over the old ones at commit. Nothing in the
// output folder changes before commit, and commit is journalled: before its first change it writes
// down (write/journal.ts) which files it moves in and removes, and it moves each file it replaces
// or removes into an undo folder rather than deleting it.
// A commit that fails puts every file back; one that is killed is put back by the next start
// (write/recover.ts). The manifest, renamed into place last, is the point after which the new
// site counts as built.
import {createHash, randomBytes} from 'node:crypto'
import {mkdirSync, readdirSync, renameSync, rmSync, statSync} from 'node:fs'
import {discardFolder} from '../disk/discard.ts'
import path from 'node:path'
import {threadId} from 'node:worker_threads'
import type {PendingFile} from '../model/types.ts'
import type {CacheWrites} from '../cache/file.ts'
import {manifestText, type BuildRecord, type Manifest, type OutputCache, type OutputCacheWrites} from '../cache/manifest.ts'
import {outputRenamed} from '../disk/faults.ts'
import {withFolder} from '../disk/folder-error.ts'
import {OutputFailure, withNeeded} from './failure.ts'
import {asideName, removeEmptyParents, rollBack, writeJournal, type Journal} from './journal.ts'
import {containedPath, openOutput, stagingWriter} from './output.ts'
import {stagingWriterAside, type FileSink} from './writer-thread.ts'
import {sameFile} from './writer-worker.js'

export interface WriteStats {
  /** Files rendered and written. */
  written: number
  /** Files left as they were because their key had not changed. */
  kept: number
  /** Files of the previous build that this build no longer has. */
  removed: number
}

/**
 * What a thread needs to write its share of the site into the staging folder: plain data, so it
 * can be posted to a worker.
 */
export interface SharePlan {
  staging: string
  /** The previous build's manifest (path → hash), `{}` when there is none, null when no manifest is kept. */
  previous: Record<string, string> | null
  /** Files the output folder has now; only these can be kept. */
  present: string[]
  /** Whether each thread writes its files through a thread of its own (write/writer-thread.ts). */
  writerThread: boolean
  /**
   * Whether files are staged under flat names of their own (`ShareResult.staged`), not at their
   * paths: a warm build's, whose staging folder only holds files until commit moves them. At their
   * paths, 17,859 pages (a template change at 10,000 stories) took as many folders to make, and to
   * remove once the commit had emptied them. A cold build's staging folder becomes the output.
   */
  flat: boolean
  /**
   * The output folder, when a file whose key changed is to be compared with the one there before it
   * is written (`openSiteWriter`'s `compare`); else null.
   */
  compareWith: string | null
}

/** What a thread wrote: the manifest lines of its files, and its counts. */
export interface ShareResult {
  files: Record<string, string>
  /** Under `SharePlan.flat`: each file written, as [its path, its name in the staging folder]. */
  staged: Array<[string, string]>
  written: number
  kept: number
}

export interface Share {
  /** Every file of the thread's share passes here once. */
  put(file: PendingFile): void
  /** What the thread wrote, once all of it is on disk. */
  finish(): ShareResult
  /** Returns once no file of this share can be written any more. */
  stop(): void
}

export interface SiteWriter {
  readonly staging: string
  /** For other threads that write part of the site into the same staging folder. */
  readonly plan: SharePlan
  /** Every file of this thread's share passes here once. */
  put(file: PendingFile): void
  /** Counts in the files another thread wrote; call before commit. */
  merge(result: ShareResult): void
  /**
   * Lines of the last build's manifest (path → hash) whose files stay as they are, those of `lines`
   * that `which` takes (all by default); call before commit.
   */
  keep(lines: Record<string, string>, which?: (file: string) => boolean): void
  commit(): void
  abort(): void
  /** Adds to a full disk's error the space the build needs, while the staging folder is still there. */
  noteFailure(error: unknown): void
  readonly stats: WriteStats
}

/**
 * @param cache where the manifest lives, and the build's staged cache writes (null: build cold and
 *   keep no manifest). The staged writes are put in place at commit, after the output.
 * @param previous the manifest there (`readManifest`), or null to build cold.
 * @param version Broadsheet's version (build/context.ts `outputVersion`).
 * @param present the files the output folder holds (write/listing.ts); none matter when building cold.
 * @param writerThread whether files are written on a thread of their own: worth it when there are
 *   thousands to write, not for a handful.
 * @param compare whether a file whose key changed is compared with the output folder's, and left
 *   there if its bytes are the same: worth it when many keys change and few pages (new templates).
 *
 * Cold (no manifest, or no previous output): the staging folder becomes the output folder at
 * commit. Warm: only files whose key changed are staged, and moved over the old ones at commit.
 */
export function openSiteWriter(out: string, cache: OutputCacheWrites, previous: Manifest | null, version: string, record: BuildRecord, present: string[], writerThread: boolean, compare = false): SiteWriter {
  const target = path.resolve(out)
  const output = openOutput(target)
  const {paths, writes} = cache
  const plan: SharePlan = {
    staging: output.staging,
    previous: writes === null ? null : (previous?.files ?? {}),
    present: previous ? present : [],
    writerThread,
    flat: previous !== null,
    compareWith: previous && compare ? target : null
  }
  const files: Record<string, string> = {}
  const staged: Array<[string, string]> = []
  const stats: WriteStats = {written: 0, kept: 0, removed: 0}
  const own = openShare(plan)
  const merge = (result: ShareResult) => {
    Object.assign(files, result.files)
    // One at a time, not push(...staged): a template change at 100,000 stories stages about
    // 180,000 files, more arguments than a call can take (it threw "Maximum call stack size exceeded").
    for (const entry of result.staged) staged.push(entry)
    stats.written += result.written
    stats.kept += result.kept
  }
  const id = randomBytes(9).toString('base64url')
  return {
    staging: output.staging,
    plan,
    stats,
    put: own.put,
    merge,
    keep(lines, which = () => true) {
      // One pass, no copy of the lines: after an edit to one body at 10,000 stories, the 28,000
      // lines filtered into an object of their own (Object.fromEntries) and then assigned took
      // about 100 ms, a twentieth of that build.
      let kept = 0
      for (const file in lines) {
        if (!which(file)) continue
        files[file] = lines[file]!
        kept++
      }
      stats.kept += kept
    },
    commit() {
      merge(own.finish())
      // Written aside now, put in place last: the manifest says the new site is there.
      writes?.stage(paths.manifest, manifestText({id, version, files, build: record}))
      if (previous === null) {
        output.commit(() => {
          // The old output is out of the way: no manifest may go on describing it.
          rmSync(paths.manifest, {force: true})
          if (writes === null) rmSync(paths.snapshot, {force: true})
        })
        try {
          writes?.commit()
        } catch (error) {
          throw new OutputFailure(error, {kind: 'replaced'})
        }
        return
      }
      stats.removed = commitChanges(target, output.staging, staged, Object.keys(previous.files).filter((file) => !(file in files)).sort(), new Set(present), paths, writes!, id)
      output.abort()
    },
    abort() {
      own.stop()
      output.abort()
    },
    noteFailure(error) {
      const cause = (error instanceof OutputFailure ? error.cause : error) as (NodeJS.ErrnoException & {folder?: string}) | null
      if (cause?.code !== 'ENOSPC') return
      // Only for the new site's files: a cache file's size is not the output's.
      const folder = cause.folder ?? ''
      if (!(folder === target || folder === path.dirname(target) || folder.startsWith(output.staging))) return
      // A whole new site takes about what the output it replaces takes, if it took no more so far;
      // the changed files of an incremental build, at least what they took so far.
      const staged = folderBytes(output.staging)
      if (previous === null) withNeeded(error, Math.max(staged, folderBytes(target)), 'about')
      else withNeeded(error, staged, 'at least')
    }
  }
}

/**
 * Moves the staged files over the output's and removes the files the new site no longer has,
 * journalled (see the top of this file); returns how many were removed. Throws an OutputFailure
 * that says whether the output folder is as it was.
 */
function commitChanges(target: string, staging: string, staged: ReadonlyArray<[string, string]>, removes: string[], present: ReadonlySet<string>, paths: OutputCache, writes: CacheWrites, manifest: string): number {
  // Sorted, so a test that stops the commit after N moves knows which files moved.
  const names = new Map<string, string>()
  for (const [file, name] of staged) {
    // What `wx` tells a cold build as it writes: two files of the site at one path are a bug in the
    // model, never silently last-wins.
    if (names.has(file)) throw new OutputFailure(new Error(`two files of the site at ${file}`), {kind: 'unchanged'})
    names.set(file, name)
  }
  const moves = [...names.keys()].sort()
  const undo = `${staging}.undo`
  const journal: Journal = {format: 2, pid: process.pid, out: target, staging, undo, moves, added: moves.filter((file) => !present.has(file)), removes, manifest}
  try {
    mkdirSync(undo)
    writeJournal(paths.journal, journal)
  } catch (error) {
    rmSync(undo, {recursive: true, force: true})
    throw new OutputFailure(error, {kind: 'unchanged'})
  }
  // From here on the output folder changes: moves only, no rendering left to fail.
  const made = new Set<string>()
  const folder = (dir: string) => {
    if (made.has(dir)) return
    mkdirSync(dir, {recursive: true})
    made.add(dir)
  }
  const moveAside = (file: string, name: string) => {
    try {
      renameSync(containedPath(target, file), path.join(undo, name))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
    outputRenamed()
    return true
  }
  let changed = 0
  let removed = 0
  try {
    for (const [index, file] of moves.entries()) {
      const destination = containedPath(target, file)
      // A file moved aside leaves its folder there: no mkdir for it (17,764 after a template change
      // at 10,000 stories, 0.2 s).
      if (present.has(file) && moveAside(file, asideName('m', index))) changed++
      else folder(path.dirname(destination))
      renameSync(path.join(staging, names.get(file)!), destination)
      outputRenamed()
      changed++
    }
    for (const [index, file] of removes.entries()) {
      if (!moveAside(file, asideName('r', index))) continue
      removeEmptyParents(target, path.dirname(containedPath(target, file)))
      changed++
      removed++
    }
    // The commit point: the manifest, staged last, is renamed in last.
    writes.commit()
  } catch (error) {
    withFolder(error, target)
    const undone = rollBack(journal)
    if (undone.ok) rmSync(paths.journal, {force: true})
    throw new OutputFailure(error, undone.ok ? {kind: 'unchanged'} : {kind: 'partial', changed})
  }
  // The undo folder first: a journal whose manifest is in place tells the next start to finish this.
  discardFolder(undo, target)
  rmSync(paths.journal, {force: true})
  return removed
}

/** Bytes a folder's files take on the disk. */
function folderBytes(dir: string): number {
  let bytes = 0
  try {
    for (const entry of readdirSync(dir, {recursive: true, withFileTypes: true})) {
      if (!entry.isFile()) continue
      const stat = statSync(path.join(entry.parentPath, entry.name))
      bytes += stat.blocks > 0 ? stat.blocks * 512 : stat.size
    }
  } catch {
    // Gone or unreadable: what was counted.
  }
  return bytes
}

/** Files this thread has staged under flat names: each name is `<thread id>.<number>`. */
let stagedFiles = 0

/** Renders and stages the files whose key changed since the previous build (every file, cold). */
export function openShare(plan: SharePlan): Share {
  const sink = plan.writerThread ? stagingWriterAside(plan.staging) : writerHere(plan.staging)
  const present = new Set(plan.present)
  const previous = plan.previous
  const result: ShareResult = {files: {}, staged: [], written: 0, kept: 0}
  /** Stages `content` for `file`, unless `compareWith` holds its bytes (the sink tells at finish). */
  const write = (file: string, content: string | Uint8Array, compareWith: string | null) => {
    if (!plan.flat) return sink.write({path: file, content}, compareWith)
    const name = `${threadId}.${++stagedFiles}`
    sink.write({path: name, content}, compareWith)
    result.staged.push([file, name])
  }
  return {
    put(file) {
      if (previous === null) {
        // No manifest is kept: hashing would be wasted work.
        write(file.path, file.render(), null)
        result.written++
        return
      }
      const key = file.key
      const hash = key === null ? null : keyHash(key)
      const unchanged = (h: string) => previous[file.path] === h && present.has(file.path)
      if (hash !== null && unchanged(hash)) {
        result.files[file.path] = hash
        result.kept++
        return
      }
      const content = file.render()
      const newHash = hash ?? contentHash(content)
      result.files[file.path] = newHash
      if (unchanged(newHash)) {
        result.kept++
        return
      }
      // Compared by the sink: on the writer thread, when there is one, not on this rendering one
      // (0.8 s of the 12.8 a template change took this thread at 10,000 stories, most of it stats).
      write(file.path, content, plan.compareWith !== null && present.has(file.path) ? containedPath(plan.compareWith, file.path) : null)
      result.written++
    },
    finish() {
      const same = sink.finish()
      if (same.length > 0) {
        // Found the same as the output folder's: counted as kept, and nothing to move at commit.
        const left = new Set(same)
        result.staged = result.staged.filter(([, name]) => !left.has(name))
        result.written -= left.size
        result.kept += left.size
      }
      return result
    },
    stop: () => sink.stop()
  }
}

/** `stagingWriter` as a FileSink: every file is on disk (or found the same) when `write` returns. */
function writerHere(staging: string): FileSink {
  const write = stagingWriter(staging)
  const same: string[] = []
  return {
    write(file, compareWith = null) {
      const {content} = file
      if (compareWith !== null && sameFile(compareWith, [typeof content === 'string' ? Buffer.from(content) : content])) same.push(file.path)
      else write(file)
    },
    finish: () => same,
    stop() {}
  }
}

function keyHash(key: string): string {
  return createHash('sha1').update('k').update(key).digest('base64url')
}

function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update('c').update(content).digest('base64url')
}

