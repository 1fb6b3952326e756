// The per-file half of a build, kept between builds: what parsing a file gave and its tag
// candidates, keyed by the file's content hash and path (the path can give the date and slug).
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs'
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

const FILE = 'parsed.ndjson'

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
      // One line per entry: a single JSON document of 100,000 articles would pass V8's longest string.
      const fd = openSync(temporary, 'w')
      try {
        writeSync(fd, `${JSON.stringify({version})}\n`)
        let lines: string[] = []
        for (const [key, entry] of Object.entries(next)) {
          lines.push(JSON.stringify([key, entry]))
          if (lines.length === 500) {
            writeSync(fd, `${lines.join('\n')}\n`)
            lines = []
          }
        }
        if (lines.length > 0) writeSync(fd, `${lines.join('\n')}\n`)
      } finally {
        closeSync(fd)
      }
      renameSync(temporary, file)
    },
    get hits() {
      return hits
    }
  }
}

function load(file: string, version: string): Record<string, ParsedEntry> {
  if (!existsSync(file)) return {}
  const entries: Record<string, ParsedEntry> = {}
  try {
    const text = readFileSync(file, 'utf8')
    let start = text.indexOf('\n')
    if (start < 0 || (JSON.parse(text.slice(0, start)) as {version?: string}).version !== version) return {}
    while (start < text.length - 1) {
      const end = text.indexOf('\n', start + 1)
      const [key, entry] = JSON.parse(text.slice(start + 1, end < 0 ? text.length : end)) as [string, ParsedEntry]
      entries[key] = entry
      start = end < 0 ? text.length : end
    }
    return entries
  } catch {
    // A damaged cache is only a slower build.
    return {}
  }
}
