// The per-file half of a build, kept between builds: what parsing a file gave and its tag
// candidates, keyed by the file's content hash and path (the path can give the date and slug).
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
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

/**
 * Entries live in SHARDS files by a hash of the source path, so a build that changed one story
 * rewrites one small file, not the cache of the whole site.
 */
const FOLDER = 'parsed'
const SHARDS = 64

/** @param dir the cache folder, or null for a build that keeps no cache. */
export function openParseCache(dir: string | null, version: string): ParseCache {
  const folder = dir === null ? null : path.join(dir, FOLDER)
  const {entries: previous, stamps} = folder ? load(folder, version) : {entries: new Map<string, ParsedEntry>(), stamps: new Map<string, Stamped>()}
  const next = new Map<string, {entry: ParsedEntry; stamp: string | null}>()
  const recalled = new Set<string>()
  const keyOf = (hash: string, source: string) => `${hash}\u0000${source}`
  return {
    get(hash, source) {
      const entry = previous.get(keyOf(hash, source))
      if (entry) recalled.add(keyOf(hash, source))
      return entry
    },
    set(hash, source, entry, stamp) {
      // A build without a cache keeps nothing: every article would stay in memory to the end.
      if (folder === null) return
      next.set(keyOf(hash, source), {entry, stamp})
    },
    hashFor(source, stamp) {
      const known = stamps.get(source)
      return known?.stamp === stamp ? known.hash : undefined
    },
    stamped: stamps.size > 0,
    save() {
      if (folder === null) return
      const changed = new Set<number>()
      for (const [key, {stamp}] of next) {
        const source = sourceOf(key)
        // New or edited (not recalled), or touched (recalled, but its stamp moved).
        if (!recalled.has(key) || stamp === null || stamps.get(source)?.stamp !== stamp) changed.add(shardOf(source))
      }
      // Gone since the last build.
      for (const key of previous.keys()) if (!next.has(key)) changed.add(shardOf(sourceOf(key)))
      if (changed.size === 0) return
      mkdirSync(folder, {recursive: true})
      const lines = new Map<number, string[]>([...changed].map((shard) => [shard, [JSON.stringify({version})]]))
      for (const [key, {entry, stamp}] of next) lines.get(shardOf(sourceOf(key)))?.push(JSON.stringify([key, entry, stamp]))
      for (const [shard, text] of lines) {
        const file = path.join(folder, `${shard}.ndjson`)
        if (text.length === 1) {
          rmSync(file, {force: true})
          continue
        }
        // One line per entry: one JSON document of 100,000 articles would pass V8's longest string.
        const temporary = `${file}.${process.pid}.tmp`
        writeFileSync(temporary, `${text.join('\n')}\n`)
        renameSync(temporary, file)
      }
    },
    get hits() {
      return recalled.size
    }
  }
}

interface Stamped {
  stamp: string
  hash: string
}

function sourceOf(key: string): string {
  return key.slice(key.indexOf('\u0000') + 1)
}

/** FNV-1a: cheap and the same on every machine. */
function shardOf(source: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % SHARDS
}

function load(folder: string, version: string): {entries: Map<string, ParsedEntry>; stamps: Map<string, Stamped>} {
  const entries = new Map<string, ParsedEntry>()
  const stamps = new Map<string, Stamped>()
  for (let shard = 0; shard < SHARDS; shard++) {
    const file = path.join(folder, `${shard}.ndjson`)
    if (!existsSync(file)) continue
    try {
      const text = readFileSync(file, 'utf8')
      let start = text.indexOf('\n')
      // Another version's shard says nothing; the next save replaces it.
      if (start < 0 || (JSON.parse(text.slice(0, start)) as {version?: string}).version !== version) continue
      while (start < text.length - 1) {
        const end = text.indexOf('\n', start + 1)
        const [key, entry, stamp] = JSON.parse(text.slice(start + 1, end < 0 ? text.length : end)) as [string, ParsedEntry, string | null]
        entries.set(key, entry)
        if (typeof stamp === 'string') stamps.set(sourceOf(key), {stamp, hash: key.slice(0, key.indexOf('\u0000'))})
        start = end < 0 ? text.length : end
      }
    } catch {
      // A damaged shard is only a slower build: its files are parsed again.
      continue
    }
  }
  return {entries, stamps}
}
