// Writes a site's files, rendering only those whose key changed since the last build.
//
// Cold (no cache, or no previous output): every file goes to a fresh staging folder that is
// swapped in at the end (write/output.ts). Warm: the previous build's manifest (path → hash of the
// file's key) says which files are unchanged; only the others are rendered, into a staging folder,
// and moved over the old ones at commit. Either way nothing in the output folder changes before
// commit, so a failed or interrupted build leaves it as it was.
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, rmdirSync, writeFileSync, type Dirent} from 'node:fs'
import path from 'node:path'
import type {PendingFile} from '../model/types.ts'
import {containedPath, openOutput} from './output.ts'

export interface WriteStats {
  /** Files rendered and written. */
  written: number
  /** Files left as they were because their key had not changed. */
  kept: number
  /** Files of the previous build that this build no longer has. */
  removed: number
}

export interface SiteWriter {
  readonly staging: string
  /** Every file of the site passes here once. */
  put(file: PendingFile): void
  commit(): void
  abort(): void
  readonly stats: WriteStats
}

interface Manifest {
  /** Changes whenever Broadsheet or the templates change, so old hashes never match new output. */
  version: string
  files: Record<string, string>
}

/**
 * @param cacheFile where the manifest lives, or null to build cold and keep no manifest.
 * @param version Broadsheet's version and a hash of the templates.
 */
export function openSiteWriter(out: string, cacheFile: string | null, version: string): SiteWriter {
  const previous = cacheFile ? readManifest(cacheFile, version, out) : null
  const files: Record<string, string> = {}
  const saveManifest = () => save(cacheFile, version, files)
  return previous ? incremental(out, previous, files, saveManifest) : cold(out, cacheFile === null ? null : files, saveManifest)
}

/** @param files the manifest to fill, or null when none is kept (hashing would be wasted work). */
function cold(out: string, files: Record<string, string> | null, saveManifest: () => void): SiteWriter {
  const output = openOutput(out)
  const stats: WriteStats = {written: 0, kept: 0, removed: 0}
  return {
    staging: output.staging,
    stats,
    put(file) {
      const content = file.render()
      if (files) files[file.path] = fileHash(file, content)
      output.write({path: file.path, content})
      stats.written++
    },
    commit() {
      output.commit()
      saveManifest()
    },
    abort: () => output.abort()
  }
}

function incremental(out: string, previous: Manifest, files: Record<string, string>, saveManifest: () => void): SiteWriter {
  const target = path.resolve(out)
  const present = new Set(listFiles(target))
  // Only changed files are staged; the rest of the old output is the rest of the new one. The
  // staging folder is never swapped in: its files are moved over the old ones at commit.
  const output = openOutput(target)
  const stats: WriteStats = {written: 0, kept: 0, removed: 0}
  return {
    staging: output.staging,
    stats,
    put(file) {
      const hash = file.key === null ? null : keyHash(file.key)
      if (hash !== null && previous.files[file.path] === hash && present.has(file.path)) {
        files[file.path] = hash
        stats.kept++
        return
      }
      const content = file.render()
      const newHash = hash ?? contentHash(content)
      files[file.path] = newHash
      if (previous.files[file.path] === newHash && present.has(file.path)) {
        stats.kept++
        return
      }
      output.write({path: file.path, content})
      stats.written++
    },
    commit() {
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
    abort: () => output.abort()
  }
}

function fileHash(file: PendingFile, content: string | Uint8Array): string {
  return file.key === null ? contentHash(content) : keyHash(file.key)
}

function keyHash(key: string): string {
  return createHash('sha1').update('k').update(key).digest('base64url')
}

function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update('c').update(content).digest('base64url')
}

function readManifest(file: string, version: string, out: string): Manifest | null {
  if (!existsSync(file) || !existsSync(out)) return null
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest
    return manifest.version === version && typeof manifest.files === 'object' ? manifest : null
  } catch {
    // A damaged cache is only a slower build.
    return null
  }
}

function save(file: string | null, version: string, files: Record<string, string>): void {
  if (file === null) return
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, JSON.stringify({version, files} satisfies Manifest))
  renameSync(temporary, file)
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, {recursive: true, withFileTypes: true}) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
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
