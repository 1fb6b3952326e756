// @ts-check
// The writer thread's entry point (write/writer-thread.ts starts it, and holds the other end of the
// ring). Plain JavaScript that imports Node alone, type-checked through the JSDoc below, loaded from
// the source tree by both the TypeScript source and the bundle: the thread loads no other module of
// Broadsheet's (nor tsx under the tests) and starts in milliseconds.
//
// Files arrive through a ring of shared memory: each record is the length of its path, of its
// content and of the path of the file to compare it with (4 bytes each, big-endian), then the
// three. A record with a path to compare with (a template change's page, `openSiteWriter`'s
// `compare`) is written only if that file does not hold the same bytes; the paths of the records
// left unwritten are posted back as `{same: [path, …]}` before the queue is seen empty. The shared
// state's slots are below.
import {closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync} from 'node:fs'
import path from 'node:path'
import {isMainThread, workerData} from 'node:worker_threads'

/** Slot: bytes of the ring in use. */
export const BYTES = 0
/** Slot: records queued. */
export const FILES = 1
/** Slot: 1 once a write failed (the error is posted first). */
export const FAILED = 2
/** Slot: 1 to stop; what is queued is dropped. */
export const STOP = 3
/** A record's header: the length of its path, of its content and of the path to compare it with. */
export const HEADER = 12
/** The `kind` of this thread's workerData. */
export const WRITER_KIND = 'broadsheet-writer'

/**
 * Whether `file` holds exactly the bytes of `pieces`, one after the other. The size first: a
 * changed page mostly changes its length, and a stat costs a fifth of reading the file. Any error
 * (no such file, no permission) is "not the same": the file is then written.
 * @param {string} file
 * @param {Uint8Array[]} pieces
 */
export function sameFile(file, pieces) {
  const length = pieces.reduce((sum, piece) => sum + piece.byteLength, 0)
  try {
    if (statSync(file).size !== length) return false
    const bytes = readFileSync(file)
    if (bytes.length !== length) return false
    let at = 0
    for (const piece of pieces) {
      if (!bytes.subarray(at, at + piece.byteLength).equals(piece)) return false
      at += piece.byteLength
    }
    return true
  } catch {
    return false
  }
}

/**
 * @typedef {object} WriterJob
 * @property {typeof WRITER_KIND} kind
 * @property {SharedArrayBuffer} state
 * @property {SharedArrayBuffer} ring
 * @property {import('node:worker_threads').MessagePort} port
 * @property {string} staging
 */

/** @param {WriterJob} job */
function runWriter({state: shared, ring: ringBuffer, port, staging}) {
  const state = new Int32Array(shared)
  const ring = Buffer.from(ringBuffer)
  const size = ring.length
  const made = new Set([staging])
  let at = 0
  /** @param {NodeJS.ErrnoException} error */
  const fail = (error) => {
    port.postMessage({message: error.message, code: error.code})
    Atomics.store(state, FAILED, 1)
    Atomics.notify(state, BYTES)
    Atomics.notify(state, FILES)
  }
  // Anything thrown outside a file's own write ends the loop: the caller must hear of it at once.
  process.on('uncaughtException', fail)
  /** Records left unwritten because the file compared held their bytes, not posted yet. */
  let same = /** @type {string[]} */ ([])
  const number = () => {
    let n = 0
    for (let i = 0; i < 4; i++) {
      n = n * 256 + /** @type {number} */ (ring[at])
      at = (at + 1) % size
    }
    return n
  }
  /** @param {number} length */
  const text = (length) => {
    const end = at + length
    const bytes = end <= size ? ring.subarray(at, end) : Buffer.concat([ring.subarray(at), ring.subarray(0, end - size)])
    at = end % size
    return bytes.toString('utf8')
  }
  // Parents first, each once: mkdir's recursive mode tries the deepest folder first and fails once
  // for each missing parent (2,000 calls more at 10,000 stories). Another writer (a render
  // thread's) may have made a folder already.
  /** @param {string} folder */
  const makeFolder = (folder) => {
    if (made.has(folder)) return
    const parent = path.dirname(folder)
    if (parent !== folder) makeFolder(parent)
    try {
      mkdirSync(folder)
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error
    }
    made.add(folder)
  }
  /** @param {string} file @param {number} length */
  const write = (file, length) => {
    makeFolder(path.dirname(file))
    const fd = openSync(file, 'wx')
    try {
      let from = at
      for (let left = length; left > 0; ) {
        const piece = Math.min(left, size - from)
        for (let done = 0; done < piece; ) done += writeSync(fd, ring, from + done, piece - done)
        left -= piece
        from = (from + piece) % size
      }
    } finally {
      closeSync(fd)
    }
  }
  for (;;) {
    Atomics.wait(state, FILES, 0)
    if (Atomics.load(state, STOP) !== 0) break
    // Woken late, by a file already written.
    if (Atomics.load(state, FILES) === 0) continue
    const start = at
    const name = number()
    const length = number()
    const against = number()
    const file = text(name)
    const compareWith = against === 0 ? null : text(against)
    if (Atomics.load(state, FAILED) === 0) {
      try {
        const end = at + length
        if (compareWith !== null && sameFile(compareWith, end <= size ? [ring.subarray(at, end)] : [ring.subarray(at), ring.subarray(0, end - size)])) same.push(file)
        else write(file, length)
      } catch (error) {
        fail(/** @type {NodeJS.ErrnoException} */ (error))
      }
    }
    // Posted while this record still counts, when it is the last one queued: the caller takes them
    // once it sees the queue empty.
    if (same.length > 0 && (Atomics.load(state, FILES) === 1 || same.length >= 1024)) {
      port.postMessage({same})
      same = []
    }
    const record = HEADER + name + against + length
    at = (start + record) % size
    Atomics.sub(state, BYTES, record)
    Atomics.sub(state, FILES, 1)
    Atomics.notify(state, BYTES)
    Atomics.notify(state, FILES)
  }
  // Stopped: what is queued is dropped.
  Atomics.store(state, BYTES, 0)
  Atomics.store(state, FILES, 0)
  Atomics.notify(state, BYTES)
  Atomics.notify(state, FILES)
}

if (!isMainThread && /** @type {{kind?: unknown} | null} */ (workerData)?.kind === WRITER_KIND) runWriter(/** @type {WriterJob} */ (workerData))
