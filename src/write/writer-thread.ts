// Writing a site's files on a thread of their own. Creating 20,000 files in 17,000 folders is
// system calls that wait on the file system: measured at 10,000 stories, 5 to 25 s of a build,
// depending on how busy the disk is. Made on the thread that renders, that time is lost; made on
// another, it overlaps the rendering of the next pages.
//
// The writer is plain CommonJS in a string, so the thread loads no module of Broadsheet's (nor tsx
// under the tests) and starts in milliseconds. Pages go to it through a ring of shared memory that
// they are encoded straight into: no buffer a page, nothing left for either thread to collect.
import path from 'node:path'
import {receiveMessageOnPort, MessageChannel, Worker} from 'node:worker_threads'
import type {OutputFile} from '../model/types.ts'
import {containedPath, stagingWriter} from './output.ts'

export interface FileSink {
  /** Queues a file of the staging folder (a copy of its content); throws if an earlier one failed. */
  write(file: OutputFile): void
  /** Returns once every queued file is written; throws the first error. The sink is then closed. */
  finish(): void
  /** Returns once the thread will write no more files, queued ones dropped. Safe to call twice. */
  stop(): void
}

// Slots of the shared state.
const BYTES = 0
const FILES = 1
const FAILED = 2
const STOP = 3

/**
 * Bytes of the ring that files pass through: rendering waits when it is full, so a slow disk cannot
 * fill the memory. Pages were once encoded into a buffer each and moved to the writer, where the
 * buffers waited for a collection of a heap that allocates next to nothing. Writing 20,000 pages of
 * 44 KB into a tmpfs, the ring takes 99 to 102 MB of resident memory against 176 to 188, and
 * 840 to 894 ms against 963 to 1,062 (three runs each).
 */
const RING = 8 * 1024 * 1024
/** A file larger than this is written by the caller's thread, not queued: it would hold the ring. */
const LARGEST_QUEUED = RING / 4
/** A file's record in the ring: the length of its path and of its content, then both. */
const HEADER = 8

/**
 * A writer that has written nothing for this long while files wait is taken to be gone: a thread
 * that failed to start says so only on the event loop, which a waiting render thread never turns.
 */
const STALLED_MS = 60_000

const WRITER = `
const {closeSync, mkdirSync, openSync, writeSync} = require('node:fs')
const path = require('node:path')
const {workerData} = require('node:worker_threads')
const {state: shared, ring: ringBuffer, port, staging} = workerData
const state = new Int32Array(shared)
const ring = Buffer.from(ringBuffer)
const size = ring.length
const made = new Set([staging])
let at = 0
const fail = (error) => {
  port.postMessage({message: error.message, code: error.code})
  Atomics.store(state, ${FAILED}, 1)
  Atomics.notify(state, ${BYTES})
  Atomics.notify(state, ${FILES})
}
// Anything thrown outside a file's own write ends the loop: the caller must hear of it at once.
process.on('uncaughtException', fail)
const number = () => {
  let n = 0
  for (let i = 0; i < 4; i++) {
    n = n * 256 + ring[at]
    at = (at + 1) % size
  }
  return n
}
const text = (length) => {
  const end = at + length
  const bytes = end <= size ? ring.subarray(at, end) : Buffer.concat([ring.subarray(at), ring.subarray(0, end - size)])
  at = end % size
  return bytes.toString('utf8')
}
// Parents first, each once. mkdir's recursive mode tries the deepest folder first and fails once
// for each missing parent: 2,000 calls more at 10,000 stories, on a disk where each mkdir took 0.3
// to 0.4 ms in a busy hour (strace). Another writer (a render thread's) may have made a folder already.
const makeFolder = (folder) => {
  if (made.has(folder)) return
  const parent = path.dirname(folder)
  if (parent !== folder) makeFolder(parent)
  try {
    mkdirSync(folder)
  } catch (error) {
    if (error.code !== 'EEXIST') throw error
  }
  made.add(folder)
}
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
  Atomics.wait(state, ${FILES}, 0)
  if (Atomics.load(state, ${STOP}) !== 0) break
  // Woken late, by a file already written.
  if (Atomics.load(state, ${FILES}) === 0) continue
  const start = at
  const name = number()
  const length = number()
  const file = text(name)
  if (Atomics.load(state, ${FAILED}) === 0) {
    try {
      write(file, length)
    } catch (error) {
      fail(error)
    }
  }
  at = (start + ${HEADER} + name + length) % size
  Atomics.sub(state, ${BYTES}, ${HEADER} + name + length)
  Atomics.sub(state, ${FILES}, 1)
  Atomics.notify(state, ${BYTES})
  Atomics.notify(state, ${FILES})
}
// Stopped: what is queued is dropped.
Atomics.store(state, ${BYTES}, 0)
Atomics.store(state, ${FILES}, 0)
Atomics.notify(state, ${BYTES})
Atomics.notify(state, ${FILES})
`

/**
 * Writes files into a staging folder that exists, as `stagingWriter` in output.ts does (folders
 * made as needed, `wx` so that two pages claiming one path fail the build), on a thread of its own.
 */
export function stagingWriterAside(staging: string): FileSink {
  const shared = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT)
  const state = new Int32Array(shared)
  const ringBuffer = new SharedArrayBuffer(RING)
  const ring = new Uint8Array(ringBuffer)
  const {port1, port2} = new MessageChannel()
  const worker = new Worker(WRITER, {eval: true, workerData: {state: shared, ring: ringBuffer, port: port2, staging: path.resolve(staging)}, transferList: [port2]})
  // Nothing is left to wait for once finish or stop has returned.
  worker.unref()
  port1.unref()
  // A thread that cannot start reports it here, between pages; unheard, it would end the process.
  let crashed: Error | null = null
  worker.once('error', (error) => (crashed = error))
  const encoder = new TextEncoder()
  // Files too large for the ring, written on this thread.
  const writeHere = stagingWriter(staging)
  // Where the next record goes: the writer reads the records in the same order, from the same start.
  let at = 0
  let closed = false

  const failure = (): Error | null => {
    if (crashed !== null) return crashed
    if (Atomics.load(state, FAILED) === 0) return null
    // The writer posts its error before it raises the flag, so the message is there to take.
    const error = receiveMessageOnPort(port1)?.message as {message: string; code?: string} | undefined
    return Object.assign(new Error(error?.message ?? 'the writer thread failed'), {code: error?.code, folder: staging})
  }
  /** Waits until `done` holds of the slot, the writer fails, or it stalls (then false). */
  const waitFor = (slot: number, done: (value: number) => boolean): boolean => {
    // Most calls find the queue short and return at once, without reading the clock.
    let files = -1
    let since = 0
    for (let value = Atomics.load(state, slot); !done(value); value = Atomics.load(state, slot)) {
      if (Atomics.load(state, FAILED) !== 0 || crashed !== null) return true
      const now = Atomics.load(state, FILES)
      if (now !== files) [files, since] = [now, Date.now()]
      else if (Date.now() - since > STALLED_MS) return false
      Atomics.wait(state, slot, value, 1000)
    }
    return true
  }
  const stalled = () => new Error(`the writer thread has written nothing for ${STALLED_MS / 1000} s`)
  const close = () => {
    closed = true
    // Wakes a writer waiting for files, which then ends.
    Atomics.store(state, STOP, 1)
    Atomics.notify(state, FILES)
    port1.close()
    void worker.terminate()
  }

  const putNumber = (n: number) => {
    for (let shift = 24; shift >= 0; shift -= 8) {
      ring[at] = (n >>> shift) & 0xff
      at = (at + 1) % RING
    }
  }
  const putBytes = (bytes: Uint8Array) => {
    const first = Math.min(bytes.length, RING - at)
    ring.set(bytes.subarray(0, first), at)
    ring.set(bytes.subarray(first), 0)
    at = (at + bytes.length) % RING
  }
  /**
   * Encodes `text` straight into the ring, in at most `room` bytes, and returns how many it took.
   * Its length in UTF-8 is not worked out first: that is a pass over every page, 0.2 s at 10,000
   * stories, for a number that encoding gives.
   */
  const putText = (text: string, room: number): number => {
    let read = 0
    let written = 0
    while (read < text.length) {
      const from = (at + written) % RING
      const space = Math.min(RING - from, room - written)
      const done = encoder.encodeInto(read === 0 ? text : text.slice(read), ring.subarray(from, from + space))
      read += done.read
      written += done.written
      if (read < text.length && done.written < space) {
        // A character across the end of the ring: its bytes go round one by one.
        const char = String.fromCodePoint(text.codePointAt(read)!)
        for (const byte of encoder.encode(char)) ring[(at + written++) % RING] = byte
        read += char.length
      }
    }
    at = (at + written) % RING
    return written
  }

  return {
    write(file) {
      if (closed) throw new Error('the writer thread is closed')
      const error = failure()
      if (error !== null) throw error
      const destination = containedPath(staging, file.path)
      const {content} = file
      // For text, room for the most its UTF-8 can be: three bytes a UTF-16 unit.
      const most = typeof content === 'string' ? content.length * 3 : content.byteLength
      const name = encoder.encode(destination)
      if (HEADER + name.length + most > LARGEST_QUEUED) return writeHere(file)
      if (!waitFor(BYTES, (queued) => queued <= RING - (HEADER + name.length + most))) {
        close()
        throw stalled()
      }
      // The header is filled in once the content's size is known; the writer reads nothing of a
      // record before FILES counts it.
      const header = at
      at = (at + HEADER) % RING
      putBytes(name)
      let size = content.length
      if (typeof content === 'string') size = putText(content, most)
      else putBytes(content)
      const end = at
      at = header
      putNumber(name.length)
      putNumber(size)
      at = end
      const record = HEADER + name.length + size
      Atomics.add(state, BYTES, record)
      Atomics.add(state, FILES, 1)
      Atomics.notify(state, FILES)
    },
    finish() {
      if (closed) return
      const error = waitFor(FILES, (queued) => queued === 0) ? failure() : stalled()
      close()
      if (error !== null) throw error
    },
    stop() {
      if (closed) return
      Atomics.store(state, STOP, 1)
      Atomics.notify(state, FILES)
      // The writer drops what is queued once the file it is writing is written.
      waitFor(FILES, (queued) => queued === 0)
      close()
    }
  }
}
