// The files of .broadsheet-cache/ check themselves. Each ends with a trailer line that names the
// file (its name, so two files swapped are both misses), the version of Broadsheet that wrote it,
// the length of what comes before, and a SHA-256 of those and of every byte before the trailer:
//
//   <payload>\n#broadsheet-cache 1 <name> <version> <bytes> <sha256, base64url>\n
//
// A file whose trailer is missing, malformed, from another version or not the hash of its bytes
// reads as null: a miss, as if the file were not there. The hash is SHA-256 from node:crypto, which
// runs at about 1.3 GB/s on this kind of machine (SHA extensions); at 10,000 stories a cold build
// hashes about 60 MB of cache as it writes it (see README, "Build cache").
//
// Writes are staged: a build writes each cache file under a temporary name beside it as it goes,
// and renames them all into place only once its output is safely in place (`CacheWrites`). A build
// that fails, runs out of space or is stopped leaves the cache as it was.
import {createHash, randomBytes, type Hash} from 'node:crypto'
import {closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync} from 'node:fs'
import path from 'node:path'
import {codeVersion} from './version.ts'
import {chargeWrite} from '../disk/faults.ts'
import {withFolder} from '../disk/folder-error.ts'

const MAGIC = '#broadsheet-cache 1'
/** More than a trailer's length. */
const TRAILER_MOST = 400

/** The hash a trailer carries: of the file's name, the version and the payload. */
function startHash(name: string, version: string): Hash {
  return createHash('sha256').update(`${MAGIC}\0${name}\0${version}\0`)
}

function trailer(name: string, version: string, bytes: number, hash: Hash): string {
  return `\n${MAGIC} ${name} ${version} ${bytes} ${hash.digest('base64url')}\n`
}

interface Trailer {
  /** Bytes of the payload: the file up to the newline before the trailer. */
  bytes: number
  sum: string
}

/** The trailer at the end of `tail` (the last bytes of a file of `size` bytes), if it is one for `name`. */
function readTrailer(tail: Buffer, size: number, name: string, version: string): Trailer | null {
  if (tail.length < 2 || tail[tail.length - 1] !== 0x0a) return null
  const newline = tail.lastIndexOf(0x0a, tail.length - 2)
  if (newline < 0) return null
  const fields = tail.subarray(newline + 1, tail.length - 1).toString('latin1').split(' ')
  if (fields.length !== 6 || `${fields[0]} ${fields[1]}` !== MAGIC || fields[2] !== name || fields[3] !== version) return null
  const bytes = Number(fields[4])
  // The newline before the trailer is the byte right after the payload.
  if (!Number.isSafeInteger(bytes) || bytes !== size - (tail.length - newline)) return null
  return {bytes, sum: fields[5]!}
}

/** The payload of a cache file, or null when it is missing, cut short, damaged or another version's. */
export function readCacheFile(file: string): Buffer | null {
  let data: Buffer
  try {
    data = readFileSync(file)
  } catch {
    return null
  }
  const name = path.basename(file)
  const version = codeVersion()
  const found = readTrailer(data.subarray(Math.max(0, data.length - TRAILER_MOST)), data.length, name, version)
  if (found === null) return null
  const payload = data.subarray(0, found.bytes)
  return startHash(name, version).update(payload).digest('base64url') === found.sum ? payload : null
}

/**
 * Checks a cache file open on `fd` without holding it in memory (the site snapshot, tens of
 * megabytes of which a build reads a few lines): the length of its payload, or null.
 */
export function verifyCacheFd(fd: number, file: string): number | null {
  const size = fstatSync(fd).size
  const name = path.basename(file)
  const version = codeVersion()
  const tailLength = Math.min(size, TRAILER_MOST)
  const found = readTrailer(readAt(fd, size - tailLength, tailLength), size, name, version)
  if (found === null) return null
  const hash = startHash(name, version)
  const chunk = Buffer.allocUnsafe(1024 * 1024)
  for (let at = 0; at < found.bytes; ) {
    const n = readSync(fd, chunk, 0, Math.min(chunk.length, found.bytes - at), at)
    if (n === 0) return null
    hash.update(chunk.subarray(0, n))
    at += n
  }
  return hash.digest('base64url') === found.sum ? found.bytes : null
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done)
    if (n === 0) break
    done += n
  }
  return buffer.subarray(0, done)
}

/**
 * Characters a write gathers from small pieces: few writes, and strings small enough for V8's young
 * generation. A string of megabytes is made in its large-object space, where it stays, garbage,
 * until the next full collection: the cache of 100,000 stories written as whole parts and batches
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

/** A name beside `file` that no other build uses; `recoverOutput` knows such names by the pid. */
export function temporaryName(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
}

/**
 * Writes `text` and its trailer to `temporary` (which becomes `file` when renamed). Text given in
 * pieces is written some pieces at a time, never held whole. On any failure the temporary file is
 * removed and the error names the folder.
 */
function writeWithTrailer(temporary: string, file: string, text: string | Iterable<string>, sync: boolean): void {
  const name = path.basename(file)
  const version = codeVersion()
  const hash = startHash(name, version)
  let bytes = 0
  let fd: number | null = null
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    fd = openSync(temporary, 'w')
    const put = (data: Buffer) => {
      chargeWrite(temporary, data.length)
      for (let done = 0; done < data.length; ) done += writeSync(fd!, data, done)
    }
    for (const piece of typeof text === 'string' ? [text] : joinedUpTo(WRITE_CHARS, text)) {
      const data = Buffer.from(piece)
      hash.update(data)
      bytes += data.length
      put(data)
    }
    put(Buffer.from(trailer(name, version, bytes, hash)))
    if (sync) fsyncSync(fd)
    closeSync(fd)
    fd = null
  } catch (error) {
    if (fd !== null) closeSync(fd)
    rmSync(temporary, {force: true})
    throw withFolder(error, path.dirname(file))
  }
}

/**
 * Writes a cache file now, under a temporary name renamed into place, so that a reader never sees
 * half a file. `sync` makes it durable before this returns (the journal, which must be on disk
 * before the output changes).
 */
export function writeCacheFile(file: string, text: string | Iterable<string>, options: {sync?: boolean} = {}): void {
  const temporary = temporaryName(file)
  writeWithTrailer(temporary, file, text, options.sync === true)
  try {
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw withFolder(error, path.dirname(file))
  }
  if (options.sync === true) syncFolder(path.dirname(file))
}

/** Makes a rename in `folder` durable; not every system lets a folder be opened for it. */
export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // A system that cannot sync a folder: the rename is as durable as the system makes it.
  }
}

/** A build's changes to the cache, written aside as they come and put in place together. */
export interface CacheWrites {
  /** Writes `file`'s new text now, under a temporary name; it replaces `file` at commit. */
  stage(file: string, text: string | Iterable<string>): void
  /** `file` goes at commit. */
  remove(file: string): void
  /** Puts every staged file in place, in the order staged (so the manifest, staged last, is last). Safe to call twice. */
  commit(): void
  /** Removes every staged file; the cache stays as it was. Safe to call twice. */
  abort(): void
}

/** A build's staged writes (`immediateWrites` writes each file at once instead, for code outside a build). */
export function openCacheWrites(): CacheWrites {
  let staged: Array<{file: string; temporary: string | null}> = []
  return {
    stage(file, text) {
      const temporary = temporaryName(file)
      writeWithTrailer(temporary, file, text, false)
      // A file staged twice: the later text wins, the earlier goes now.
      for (const earlier of staged.filter((s) => s.file === file)) if (earlier.temporary !== null) rmSync(earlier.temporary, {force: true})
      staged = staged.filter((s) => s.file !== file)
      staged.push({file, temporary})
    },
    remove(file) {
      for (const earlier of staged.filter((s) => s.file === file)) if (earlier.temporary !== null) rmSync(earlier.temporary, {force: true})
      staged = staged.filter((s) => s.file !== file)
      staged.push({file, temporary: null})
    },
    commit() {
      while (staged.length > 0) {
        const {file, temporary} = staged[0]!
        try {
          if (temporary === null) rmSync(file, {force: true})
          else renameSync(temporary, file)
        } catch (error) {
          throw withFolder(error, path.dirname(file))
        }
        staged.shift()
      }
    },
    abort() {
      for (const {temporary} of staged) if (temporary !== null) rmSync(temporary, {force: true})
      staged = []
    }
  }
}

/** Writes straight to the cache, each file when it is given: for code that runs outside a build. */
export const immediateWrites: CacheWrites = {
  stage: (file, text) => writeCacheFile(file, text),
  remove: (file) => rmSync(file, {force: true}),
  commit() {},
  abort() {}
}
