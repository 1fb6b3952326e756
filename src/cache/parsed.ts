// The per-file half of a build, kept between builds: what parsing a file gave and its tag
// candidates (model/parsed.ts), keyed by the file's content hash and path (the path can give the
// date and slug). Storage only: the read stage (build/read-stage.ts) parses.
import path from 'node:path'
import type {ParsedEntry} from '../model/parsed.ts'
import {immediateWrites, readCacheFile, type CacheWrites} from './file.ts'

export interface ParseCache {
  /** What parsing `source` gave when it had this hash. The part that holds it is loaded on the first call for it. */
  get(hash: string, source: string): ParsedEntry | undefined
  /** The same, for looking back at a file's last version: not counted among the cache's hits. */
  peek(hash: string, source: string): ParsedEntry | undefined
  /**
   * The paragraphs of `source`'s article when it had this hash (null: it gave none), for a build
   * that takes everything else of it from the last build (build/last-site.ts `lastModel`). Its part
   * is read as for `get`, but only the paragraphs of each entry are kept: after a template change
   * at 10,000 stories, young collections took 0.68 s of a 14.3 s build while whole entries were
   * kept until the model was made, copying each of them twice. Not counted among the cache's hits.
   */
  paragraphs(hash: string, source: string): readonly string[] | null | undefined
  set(hash: string, source: string, entry: ParsedEntry): void
  /**
   * For a build that patches the last one instead of making the site anew: `source` now has
   * `hash` instead of `was`, and the cache keeps every other entry as it is. Such a build calls
   * `replace` instead of `set`, which names every entry to keep.
   */
  replace(source: string, was: string, hash: string, entry: ParsedEntry): void
  /** The content hash of `source` when it was last read, if the file still has the same stamp. */
  hashFor(source: string, stamp: string): string | undefined
  /** The content hash `source` had at the last build, whatever its stamp. */
  lastHash(source: string): string | undefined
  /**
   * Records a file of this build with its stamp (read/stamp.ts), so the next build can know its
   * hash without reading it.
   */
  stamp(source: string, stamp: string, hash: string): void
  /** Whether the previous build left stamps to compare with; if not, stamping files is wasted work. */
  readonly stamped: boolean
  /**
   * Writes what changed: the stamp index, and the parts whose entries changed, as staged writes
   * that the build puts in place with its output (cache/file.ts). The cache is done with after
   * this: it lets go of its entries, which at 100,000 stories are gigabytes that the rest of the
   * build does not need. Calls after the first do nothing.
   */
  save(): void
  readonly hits: number
}

/**
 * Entries live in PARTS files, one for each value of a hash of the source path, so a build that
 * changed one story rewrites one small file, not the cache of the whole site. The stamps (path → stamp and hash)
 * are one small file of their own, enough to tell that nothing changed without loading a single
 * entry.
 */
const FOLDER = 'parsed'
const PARTS = 64
const STAMPS = 'stamps.json'

/**
 * @param dir the cache folder, or null for a build that keeps no cache.
 * @param writes where `save` writes: a build's staged writes, or (by default) straight to the disk.
 */
export function openParseCache(dir: string | null, version: string, writes: CacheWrites = immediateWrites): ParseCache {
  const folder = dir === null ? null : path.join(dir, FOLDER)
  const stamps = folder ? loadStamps(folder) : new Map<string, Stamped>()
  // Parts are loaded as entries are asked for: a build that parses one changed file needs one.
  const loaded = new Map<number, Map<string, ParsedEntry>>()
  const next = new Map<string, ParsedEntry>()
  const replaced = new Map<string, {was: string; entry: ParsedEntry}>()
  const nextStamps = new Map<string, Stamped>()
  const recalled = new Set<string>()
  const keyOf = (hash: string, source: string) => `${hash}\u0000${source}`
  const partEntries = (part: number): Map<string, ParsedEntry> => {
    let entries = loaded.get(part)
    if (entries === undefined) {
      entries = folder ? loadPart(folder, part, version, (entry) => entry) : new Map()
      loaded.set(part, entries)
    }
    return entries
  }
  const paragraphParts = new Map<number, Map<string, readonly string[] | null>>()
  const partParagraphs = (part: number): Map<string, readonly string[] | null> => {
    let kept = paragraphParts.get(part)
    if (kept === undefined) {
      const paragraphsOf = (entry: ParsedEntry) => (entry.result.ok ? entry.result.article.paragraphs : null)
      const entries = loaded.get(part)
      if (entries !== undefined) kept = new Map([...entries].map(([key, entry]) => [key, paragraphsOf(entry)]))
      else kept = folder ? loadPart(folder, part, version, paragraphsOf) : new Map()
      paragraphParts.set(part, kept)
    }
    return kept
  }
  let done = false
  const peek = (hash: string, source: string) => (done ? undefined : partEntries(partOf(source)).get(keyOf(hash, source)))
  return {
    get(hash, source) {
      const entry = peek(hash, source)
      if (entry) recalled.add(keyOf(hash, source))
      return entry
    },
    peek,
    paragraphs: (hash, source) => (done ? undefined : partParagraphs(partOf(source)).get(keyOf(hash, source))),
    set(hash, source, entry) {
      // A build without a cache keeps nothing: every article would stay in memory to the end.
      if (folder !== null) next.set(keyOf(hash, source), entry)
    },
    replace(source, was, hash, entry) {
      if (folder !== null) replaced.set(keyOf(hash, source), {was: keyOf(was, source), entry})
    },
    hashFor(source, stamp) {
      const known = stamps.get(source)
      return known?.stamp === stamp ? known.hash : undefined
    },
    lastHash: (source) => stamps.get(source)?.hash,
    stamp(source, stamp, hash) {
      if (folder !== null) nextStamps.set(source, {stamp, hash})
    },
    stamped: stamps.size > 0,
    save() {
      if (done) return
      try {
        write()
      } finally {
        done = true
        loaded.clear()
        paragraphParts.clear()
        next.clear()
        replaced.clear()
        nextStamps.clear()
      }
    },
    get hits() {
      return recalled.size
    }
  }

  function write(): void {
    if (folder === null) return
    if (nextStamps.size !== stamps.size || [...nextStamps].some(([source, s]) => stamps.get(source)?.stamp !== s.stamp || stamps.get(source)?.hash !== s.hash)) {
      writes.stage(path.join(folder, STAMPS), JSON.stringify(Object.fromEntries([...nextStamps].map(([source, s]) => [source, [s.stamp, s.hash]]))))
    }
    if (replaced.size > 0) return writeReplaced()
    // Entries: only when this build looked at them (a build that found nothing changed did not).
    if (loaded.size === 0 && next.size === 0) return
    const changed = new Set<number>()
    for (const key of next.keys()) if (!recalled.has(key)) changed.add(partOf(sourceOf(key)))
    for (let part = 0; part < PARTS; part++) {
      for (const key of partEntries(part).keys()) if (!next.has(key)) changed.add(part)
    }
    const keys = new Map<number, string[]>([...changed].map((part) => [part, []]))
    for (const key of next.keys()) keys.get(partOf(sourceOf(key)))?.push(key)
    // A part at a time: the text of every entry at once is most of a gigabyte at 100,000 stories.
    for (const [part, inPart] of keys) writePart(writes, folder, part, version, inPart.map((key) => [key, next.get(key)!]))
  }

  /** The parts of the replaced entries, each with its other entries as they were. */
  function writeReplaced(): void {
    const parts = new Map<number, Map<string, ParsedEntry>>()
    for (const [key, {was, entry}] of replaced) {
      const part = partOf(sourceOf(key))
      const entries = parts.get(part) ?? new Map(partEntries(part))
      entries.delete(was)
      entries.set(key, entry)
      parts.set(part, entries)
    }
    for (const [part, entries] of parts) writePart(writes, folder!, part, version, [...entries])
  }
}

function writePart(writes: CacheWrites, folder: string, part: number, version: string, entries: Array<[string, ParsedEntry]>): void {
  const file = path.join(folder, `${part}.ndjson`)
  // One line per entry: one JSON document of 100,000 articles would pass V8's longest string.
  if (entries.length === 0) writes.remove(file)
  else writes.stage(file, partLines(version, entries))
}

function* partLines(version: string, entries: Array<[string, ParsedEntry]>): Generator<string> {
  yield `${JSON.stringify({version})}\n`
  for (const entry of entries) yield `${JSON.stringify(entry)}\n`
}

interface Stamped {
  stamp: string
  hash: string
}

function sourceOf(key: string): string {
  return key.slice(key.indexOf('\u0000') + 1)
}

/** FNV-1a: cheap and the same on every machine. */
function partOf(source: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < source.length; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193)
  return (hash >>> 0) % PARTS
}

/**
 * The stamp index, checked as a whole (cache/file.ts): a damaged index is none, and every file is
 * read, which is only slower. An entry of the wrong shape is left out, never guessed at.
 */
function loadStamps(folder: string): Map<string, Stamped> {
  const stamps = new Map<string, Stamped>()
  const payload = readCacheFile(path.join(folder, STAMPS))
  if (payload === null) return stamps
  try {
    const raw = JSON.parse(payload.toString('utf8')) as Record<string, unknown>
    for (const [source, entry] of Object.entries(raw)) {
      if (!Array.isArray(entry)) continue
      const [stamp, hash] = entry as unknown[]
      if (typeof stamp === 'string' && typeof hash === 'string') stamps.set(source, {stamp, hash})
    }
  } catch {
    return new Map()
  }
  return stamps
}

/** A part's entries; none when it is missing, damaged (its files are parsed again) or another version's. */
/** A part's entries, each as `keep` gives it. */
function loadPart<T>(folder: string, part: number, version: string, keep: (entry: ParsedEntry) => T): Map<string, T> {
  const entries = new Map<string, T>()
  const payload = readCacheFile(path.join(folder, `${part}.ndjson`))
  if (payload === null) return entries
  try {
    const text = payload.toString('utf8')
    let start = text.indexOf('\n')
    // Another version's part says nothing; the next save replaces it.
    if (start < 0 || (JSON.parse(text.slice(0, start)) as {version?: string}).version !== version) return entries
    while (start < text.length - 1) {
      const end = text.indexOf('\n', start + 1)
      const [key, entry] = JSON.parse(text.slice(start + 1, end < 0 ? text.length : end)) as [string, ParsedEntry]
      if (typeof key !== 'string' || partOf(sourceOf(key)) !== part) return new Map()
      entries.set(key, keep(entry))
      start = end < 0 ? text.length : end
    }
  } catch {
    return new Map()
  }
  return entries
}
