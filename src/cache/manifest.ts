// What the cache keeps about an output folder, beside it in `.broadsheet-cache/`: where (one
// name per output folder), the manifest of its last build (path → hash of each file's key, and what
// the build was made from and reported) and the site snapshot's place (cache/site-snapshot.ts). The
// write step (write/site-writer.ts) stages a new manifest at commit; the build reads it to know
// which pages it may keep.
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {BuildReport} from '../model/types.ts'
import {readCacheFile, type CacheWrites} from './file.ts'
import {hashOf} from './version.ts'

export interface OutputCache {
  dir: string
  /** The manifest of the last build (write/site-writer.ts). */
  manifest: string
  /** The last build's model without bodies (cache/site-snapshot.ts). */
  snapshot: string
  /** There only while an incremental build changes the output folder. */
  journal: string
}

export function outputCachePaths(out: string): OutputCache {
  const target = path.resolve(out)
  const dir = path.join(path.dirname(target), '.broadsheet-cache')
  const base = path.join(dir, `output-${hashOf(target)}`)
  return {dir, manifest: `${base}.json`, snapshot: `${base}.site.ndjson`, journal: `${base}.journal`}
}

export interface Manifest {
  /** Names the build that saved it: a journal names the manifest its commit saves (write/journal.ts). */
  id?: string
  /**
   * Changes whenever Broadsheet changes, so old hashes never match new output. The templates are
   * in each page's key instead (render/site.ts): a template change keeps the manifest.
   */
  version: string
  files: Record<string, string>
  /** What the build was made from and what it published, so an identical build can be skipped. */
  build?: BuildRecord
}

/** A hash of everything a build is made from, and what it reported. */
export interface BuildRecord {
  inputs: string
  /** What the build's site model was made from (cache/inputs.ts `modelInputs`): the same, the same model. */
  model?: string
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

/** Where a build keeps what it knows of an output folder, and how it writes to the cache. */
export interface OutputCacheWrites {
  paths: OutputCache
  /** null for a build that keeps no cache (`--no-cache`). */
  writes: CacheWrites | null
}

/** The manifest as the cache file holds it. */
export function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest)
}

/** The manifest of the last build of `out` by this version of Broadsheet, if any. */
export function readManifest(file: string, version: string, out: string): Manifest | null {
  const manifest = readManifestFile(file)
  if (manifest === null || !existsSync(out)) return null
  return manifest.version === version ? manifest : null
}

/** The manifest in `file`, whatever its version, if it is whole and checks out; else null (a damaged cache is only a slower build). */
export function readManifestFile(file: string): Manifest | null {
  const payload = readCacheFile(file)
  if (payload === null) return null
  try {
    const manifest = JSON.parse(payload.toString('utf8')) as Manifest
    return typeof manifest === 'object' && manifest !== null && typeof manifest.version === 'string' && typeof manifest.files === 'object' && manifest.files !== null ? manifest : null
  } catch {
    return null
  }
}
