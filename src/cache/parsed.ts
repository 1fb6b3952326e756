// The per-file half of a build, kept between builds: what parsing a file gave and its tag
// candidates, keyed by the file's content hash and path (the path can give the date and slug).
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {Mention} from '../model/tags/index.ts'
import type {Diagnostic, ParseResult} from '../model/types.ts'

export interface ParsedEntry {
  result: ParseResult
  /** What decoding the bytes said (a Windows-1252 fallback). */
  decoded: Diagnostic[]
  mentions: Mention[]
}

export interface ParseCache {
  get(hash: string, source: string): ParsedEntry | undefined
  set(hash: string, source: string, entry: ParsedEntry): void
  /** Writes the entries set in this build, so deleted files drop out. */
  save(): void
  readonly hits: number
}

const FILE = 'parsed.json'

/** @param dir the cache folder, or null for a build that keeps no cache. */
export function openParseCache(dir: string | null, version: string): ParseCache {
  const previous = dir ? load(path.join(dir, FILE), version) : {}
  const next: Record<string, ParsedEntry> = {}
  let hits = 0
  const keyOf = (hash: string, source: string) => `${hash}\u0000${source}`
  return {
    get(hash, source) {
      const entry = previous[keyOf(hash, source)]
      if (entry) hits++
      return entry
    },
    set(hash, source, entry) {
      next[keyOf(hash, source)] = entry
    },
    save() {
      // Nothing new and nothing gone: the file on disk already says this.
      if (dir === null || (hits === Object.keys(next).length && hits === Object.keys(previous).length)) return
      mkdirSync(dir, {recursive: true})
      const file = path.join(dir, FILE)
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, JSON.stringify({version, entries: next}))
      renameSync(temporary, file)
    },
    get hits() {
      return hits
    }
  }
}

function load(file: string, version: string): Record<string, ParsedEntry> {
  if (!existsSync(file)) return {}
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {version?: string; entries?: Record<string, ParsedEntry>}
    return data.version === version && data.entries ? data.entries : {}
  } catch {
    // A damaged cache is only a slower build.
    return {}
  }
}
