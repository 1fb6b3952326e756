// The per-file half of a build, kept between builds: what parsing a file gave and its tag
// candidates, keyed by the file's content hash and path (the path can give the date and slug).
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync} from 'node:fs'
import path from 'node:path'
import {extractMentions, type Mention} from '../model/tags/index.ts'
import type {Vocabulary} from '../model/tags/mentions.ts'
import type {Diagnostic, ParseResult} from '../model/types.ts'
import {parse} from '../parse/index.ts'

export interface ParsedEntry {
  result: ParseResult
  /** What decoding the bytes said (a Windows-1252 fallback). */
  decoded: Diagnostic[]
  mentions: Mention[]
}

/** What reading a file gave: an error, or its hash, stamp and what parsing it gave. */
export type ParsedFile = {error: Diagnostic} | {hash: string; stamp: string; entry: ParsedEntry}

/** Parsing a file's text, and the tag candidates of the article it gives. */
export function parseEntry(text: string, decoded: Diagnostic[], source: string, vocabulary: Vocabulary): ParsedEntry {
  const result = parse(text, source)
  return {result, decoded, mentions: result.ok ? extractMentions(result.article, vocabulary) : []}
}

export interface ParseCache {
  get(hash: string, source: string): ParsedEntry | undefined
  /**
   * @param stamp the file's size, modification time and inode (read/stamp.ts) when it was read, so
   * the next build can know its hash without reading it.
   */
  set(hash: string, source: string, entry: ParsedEntry, stamp: string | null): void
  /** The content hash of `source` when it was last read, if the file still has the same stamp. */
  hashFor(source: string, stamp: string): string | undefined
  /** Whether the previous build left stamps to compare with; if not, stamping files is wasted work. */
  readonly stamped: boolean
  /** Writes the entries set in this build, so deleted files drop out. */
  save(): void
  readonly hits: number
}

const FILE = 'parsed.ndjson'

/** @param dir the cache folder, or null for a build that keeps no cache. */
export function openParseCache(dir: string | null, version: string): ParseCache {
  const {entries: previous, stamps} = dir ? load(path.join(dir, FILE), version) : {entries: {}, stamps: new Map<string, Stamped>()}
  const next: Record<string, ParsedEntry> = {}
  const nextStamps: Record<string, string | null> = {}
  let hits = 0
  const keyOf = (hash: string, source: string) => `${hash}\u0000${source}`
  return {
    get(hash, source) {
      const entry = previous[keyOf(hash, source)]
      if (entry) hits++
      return entry
    },
    set(hash, source, entry, stamp) {
      // A build without a cache keeps nothing: every article would stay in memory to the end.
      if (dir === null) return
      next[keyOf(hash, source)] = entry
      nextStamps[keyOf(hash, source)] = stamp
    },
    hashFor(source, stamp) {
      const known = stamps.get(source)
      return known?.stamp === stamp ? known.hash : undefined
    },
    stamped: stamps.size > 0,
    save() {
      // Nothing new and nothing gone: the file on disk already says this.
      if (dir === null || (hits === Object.keys(next).length && hits === Object.keys(previous).length && sameStamps())) return
      mkdirSync(dir, {recursive: true})
      const file = path.join(dir, FILE)
      const temporary = `${file}.${process.pid}.tmp`
      // One line per entry: a single JSON document of 100,000 articles would pass V8's longest string.
      const fd = openSync(temporary, 'w')
      try {
        writeSync(fd, `${JSON.stringify({version})}\n`)
        let lines: string[] = []
        for (const [key, entry] of Object.entries(next)) {
          lines.push(JSON.stringify([key, entry, nextStamps[key] ?? null]))
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

  /** A touched file keeps its hash but not its stamp: the file must be written again to say so. */
  function sameStamps(): boolean {
    for (const [key, stamp] of Object.entries(nextStamps)) {
      const source = key.slice(key.indexOf('\u0000') + 1)
      if (stamp === null || stamps.get(source)?.stamp !== stamp) return false
    }
    return true
  }
}

interface Stamped {
  stamp: string
  hash: string
}

function load(file: string, version: string): {entries: Record<string, ParsedEntry>; stamps: Map<string, Stamped>} {
  const entries: Record<string, ParsedEntry> = {}
  const stamps = new Map<string, Stamped>()
  const none = {entries: {}, stamps: new Map<string, Stamped>()}
  if (!existsSync(file)) return none
  try {
    const text = readFileSync(file, 'utf8')
    let start = text.indexOf('\n')
    if (start < 0 || (JSON.parse(text.slice(0, start)) as {version?: string}).version !== version) return none
    while (start < text.length - 1) {
      const end = text.indexOf('\n', start + 1)
      const [key, entry, stamp] = JSON.parse(text.slice(start + 1, end < 0 ? text.length : end)) as [string, ParsedEntry, string | null | undefined]
      entries[key] = entry
      const cut = key.indexOf('\u0000')
      if (typeof stamp === 'string') stamps.set(key.slice(cut + 1), {stamp, hash: key.slice(0, cut)})
      start = end < 0 ? text.length : end
    }
    return {entries, stamps}
  } catch {
    // A damaged cache is only a slower build.
    return none
  }
}
