// Writes a site's files, rendering only those whose key changed since the last build.
//
// Cold (no cache, or no previous output): every file goes to a fresh staging folder that is
// swapped in at the end (write/output.ts). Warm: the previous build's manifest (path → hash of the
// file's key) says which files are unchanged; only the others are rendered, into a staging folder,
// and moved over the old ones at commit. Either way nothing in the output folder changes before
// commit, so a failed or interrupted build leaves it as it was.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, rmdirSync} from 'node:fs'
import path from 'node:path'
import type {BuildReport, PendingFile} from '../model/types.ts'
import {listFiles} from './listing.ts'
import {containedPath, openOutput, stagingWriter, writeFileAtomically} from './output.ts'
import {stagingWriterAside, type FileSink} from './writer-thread.ts'

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
export interface ShardPlan {
  staging: string
  /** The previous build's manifest (path → hash), `{}` when there is none, null when no manifest is kept. */
  previous: Record<string, string> | null
  /** Files the output folder has now; only these can be kept. */
  present: string[]
  /** Whether each thread writes its files through a thread of its own (write/writer-thread.ts). */
  writerThread: boolean
}

/** What a thread wrote: the manifest lines of its files, and its counts. */
export interface ShardResult {
  files: Record<string, string>
  written: number
  kept: number
}

export interface Shard {
  /** Every file of the thread's share passes here once. */
  put(file: PendingFile): void
  /** What the thread wrote, once all of it is on disk. */
  finish(): ShardResult
  /** Returns once no file of this shard can be written any more. */
  stop(): void
}

export interface SiteWriter {
  readonly staging: string
  /** For other threads that write part of the site into the same staging folder. */
  readonly plan: ShardPlan
  /** Every file of this thread's share passes here once. */
  put(file: PendingFile): void
  /** Counts in the files another thread wrote; call before commit. */
  merge(result: ShardResult): void
  commit(): void
  abort(): void
  readonly stats: WriteStats
}

export interface Manifest {
  /** Changes whenever Broadsheet or the templates change, so old hashes never match new output. */
  version: string
  files: Record<string, string>
  /** What the build was made from and what it published, so an identical build can be skipped. */
  build?: BuildRecord
}

/** A hash of everything a build is made from, and what it reported. */
export interface BuildRecord {
  inputs: string
  report: BuildReport
  /** Files that gave no story because of an error. */
  failed: number
  /** The site snapshot (cache/site-snapshot.ts) that describes this build's model, if one was kept. */
  snapshot?: string
}

/**
 * The previous build of `out`, when it was made from the same inputs by the same version and
 * every file it wrote is still there: then building again would write the same bytes.
 */
export function unchangedOutput(previous: Manifest | null, inputs: string, present: readonly string[]): {pages: number; record: BuildRecord} | null {
  if (previous?.build?.inputs !== inputs) return null
  const files = Object.keys(previous.files)
  if (!allPresent(previous, present)) return null
  return {pages: files.length, record: previous.build}
}

/** Whether every file of the last build is still in the output folder (`present`: write/listing.ts). */
export function allPresent(previous: Manifest, present: readonly string[]): boolean {
  const there = new Set(present)
  return Object.keys(previous.files).every((file) => there.has(file))
}

/**
 * @param cacheFile where the manifest lives, or null to build cold and keep no manifest.
 * @param previous the manifest there (`readManifest`), or null to build cold.
 * @param version Broadsheet's version and a hash of the templates.
 * @param present the files the output folder holds (write/listing.ts); none matter when building cold.
 * @param writerThread whether files are written on a thread of their own: worth it when there are
 *   thousands to write, not for a handful.
 *
 * Cold (no manifest, or no previous output): the staging folder becomes the output folder at
 * commit. Warm: only files whose key changed are staged, and moved over the old ones at commit.
 */
export function openSiteWriter(out: string, cacheFile: string | null, previous: Manifest | null, version: string, record: BuildRecord, present: string[], writerThread: boolean): SiteWriter {
  const target = path.resolve(out)
  const output = openOutput(target)
  const plan: ShardPlan = {
    staging: output.staging,
    previous: cacheFile === null ? null : (previous?.files ?? {}),
    present: previous ? present : [],
    writerThread
  }
  const files: Record<string, string> = {}
  const stats: WriteStats = {written: 0, kept: 0, removed: 0}
  const own = openShard(plan)
  const merge = (result: ShardResult) => {
    Object.assign(files, result.files)
    stats.written += result.written
    stats.kept += result.kept
  }
  const saveManifest = () => save(cacheFile, {version, files, build: record})
  return {
    staging: output.staging,
    plan,
    stats,
    put: own.put,
    merge,
    commit() {
      merge(own.finish())
      if (previous === null) {
        output.commit()
        saveManifest()
        return
      }
      // From here on the output folder changes: moves and deletions only, no rendering left to fail.
      for (const file of listFiles(output.staging)) {
        const destination = containedPath(target, file)
        mkdirSync(path.dirname(destination), {recursive: true})
        renameSync(path.join(output.staging, file), destination)
      }
      for (const file of Object.keys(previous.files)) {
        if (file in files) continue
        rmSync(containedPath(target, file), {force: true})
        removeEmptyParents(target, path.dirname(containedPath(target, file)))
        stats.removed++
      }
      output.abort()
      saveManifest()
    },
    abort() {
      own.stop()
      output.abort()
    }
  }
}

/** Renders and stages the files whose key changed since the previous build (every file, cold). */
export function openShard(plan: ShardPlan): Shard {
  const sink = plan.writerThread ? stagingWriterAside(plan.staging) : writerHere(plan.staging)
  const present = new Set(plan.present)
  const previous = plan.previous
  const result: ShardResult = {files: {}, written: 0, kept: 0}
  return {
    put(file) {
      if (previous === null) {
        // No manifest is kept: hashing would be wasted work.
        sink.write({path: file.path, content: file.render()})
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
      sink.write({path: file.path, content})
      result.written++
    },
    finish() {
      sink.finish()
      return result
    },
    stop: () => sink.stop()
  }
}

/** `stagingWriter` as a FileSink: every file is on disk when `write` returns. */
function writerHere(staging: string): FileSink {
  const write = stagingWriter(staging)
  return {write, finish() {}, stop() {}}
}

function keyHash(key: string): string {
  return createHash('sha1').update('k').update(key).digest('base64url')
}

function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update('c').update(content).digest('base64url')
}

/** The manifest of the last build of `out` by this version of Broadsheet and the templates, if any. */
export function readManifest(file: string, version: string, out: string): Manifest | null {
  if (!existsSync(file) || !existsSync(out)) return null
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest
    return manifest.version === version && typeof manifest.files === 'object' ? manifest : null
  } catch {
    // A damaged cache is only a slower build.
    return null
  }
}

function save(file: string | null, manifest: Manifest): void {
  if (file !== null) writeFileAtomically(file, JSON.stringify(manifest))
}

function removeEmptyParents(root: string, dir: string): void {
  for (let current = dir; path.relative(root, current) !== '' && !path.relative(root, current).startsWith('..'); current = path.dirname(current)) {
    try {
      rmdirSync(current)
    } catch {
      return
    }
  }
}
