// Writing a site's files on a thread of their own. Creating 20,000 files in 17,000 folders is
// system calls that wait on the file system: measured at 10,000 stories, 5 to 25 s of a build,
// depending on how busy the disk is. Made on the thread that renders, that time is lost; made on
// another, it overlaps the rendering of the next pages.
//
// Against a bounded window of 64 `fs.promises.writeFile` calls on libuv's pool, replaying the
// 28,893 files of the 10,000-story bench site with 350 µs of rendering before each
// (bench/writer-sink.ts, medians of three), the ring took 11.9 s against 17.6 on disk and 11.0 s
// against 15.1 on a tmpfs; writing on the rendering thread took 24.1 s and 11.3 s.
//
// The writer thread runs write/writer-worker.js, a module that imports Node alone, so it starts in
// milliseconds. Pages go to it through a ring of shared memory that they are encoded straight into:
// no buffer a page, nothing left for either thread to collect.
import path from 'node:path'
import {receiveMessageOnPort, MessageChannel, Worker} from 'node:worker_threads'
import type {OutputFile} from '../model/types.ts'
import {containedPath, stagingWriter} from './output.ts'
import {BYTES, FAILED, FILES, HEADER, sameFile, STOP, WRITER_KIND} from './writer-worker.js'

export interface FileSink {
  /**
   * Queues a file of the staging folder (a copy of its content); throws if an earlier one failed.
   * With `compareWith` (an absolute path), the file is written only if that one does not hold the
   * same bytes.
   */
  write(file: OutputFile, compareWith?: string | null): void
  /**
   * Returns once every queued file is written; throws the first error. The sink is then closed.
   * Returns the paths of the files left unwritten because the file compared held their bytes.
   */
  finish(): string[]
  /** Returns once the thread will write no more files, queued ones dropped. Safe to call twice. */
  stop(): void
}


/**
 * Bytes of the ring that files pass through: rendering waits when it is full, so a slow disk cannot
 * fill the memory. Writing 20,000 pages of 44 KB into a tmpfs, the ring takes about 100 MB of
 * resident memory where a buffer a page took 180, and 10 % less time.
 */
const RING = 8 * 1024 * 1024
/** A file larger than this is written by the caller's thread, not queued: it would hold the ring. */
const LARGEST_QUEUED = RING / 4

/**
 * Files queued before the writer is woken. It writes a page in about 20 µs and a page takes about
 * 400 µs to render, so it sleeps between pages, and waking it for each one (17,764 pages after a
 * template change at 10,000 stories) took the rendering thread 0.46 s of its 12.8. Woken for every
 * 16th, and whenever the caller waits for it, it writes the same files in runs.
 */
const WAKE_AFTER = 16

/**
 * A writer that has written nothing for this long while files wait is taken to be gone: a thread
 * that failed to start says so only on the event loop, which a waiting render thread never turns.
 */
const STALLED_MS = 60_000

const NOTHING = new Uint8Array(0)

/** The writer thread's entry point, found from the source (src/write/) and the bundle (two folders below the root) alike. */
const WRITER = new URL('../../src/write/writer-worker.js', import.meta.url)

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
  const worker = new Worker(WRITER, {workerData: {kind: WRITER_KIND, state: shared, ring: ringBuffer, port: port2, staging: path.resolve(staging)}, transferList: [port2]})
  // Nothing is left to wait for once finish or stop has returned.
  worker.unref()
  port1.unref()
  // A thread that cannot start reports it here, between pages; unheard, it would end the process.
  let crashed: Error | null = null
  worker.once('error', (error) => (crashed = error))
  const encoder = new TextEncoder()
  // Files too large for the ring, written (or compared) on this thread.
  const writeHere = stagingWriter(staging)
  /** Files left unwritten because the file compared held their bytes: the writer's and this thread's. */
  const same: string[] = []
  /** The files queued with a file to compare with, by the path the writer names them by. */
  const comparing = new Map<string, string>()
  let posted: {message: string; code?: string} | null = null
  /** Takes what the writer posted: the files it found the same, and its error. */
  const takeMessages = () => {
    for (let taken = receiveMessageOnPort(port1); taken !== undefined; taken = receiveMessageOnPort(port1)) {
      const message = taken.message as {same: string[]} | {message: string; code?: string}
      if ('same' in message) for (const destination of message.same) same.push(comparing.get(destination)!)
      else posted ??= message
    }
  }
  // Where the next record goes: the writer reads the records in the same order, from the same start.
  let at = 0
  let closed = false

  const failure = (): Error | null => {
    if (crashed !== null) return crashed
    if (Atomics.load(state, FAILED) === 0) return null
    // The writer posts its error before it raises the flag, so the message is there to take.
    takeMessages()
    return Object.assign(new Error(posted?.message ?? 'the writer thread failed'), {code: posted?.code, folder: staging})
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
      // The writer may be asleep with fewer than WAKE_AFTER files queued.
      Atomics.notify(state, FILES)
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
    write(file, compareWith = null) {
      if (closed) throw new Error('the writer thread is closed')
      const error = failure()
      if (error !== null) throw error
      const destination = containedPath(staging, file.path)
      const {content} = file
      // For text, room for the most its UTF-8 can be: three bytes a UTF-16 unit.
      const most = typeof content === 'string' ? content.length * 3 : content.byteLength
      const name = encoder.encode(destination)
      const against = compareWith === null ? NOTHING : encoder.encode(compareWith)
      const room = HEADER + name.length + against.length + most
      if (room > LARGEST_QUEUED) {
        if (compareWith !== null && sameFile(compareWith, [typeof content === 'string' ? Buffer.from(content) : content])) same.push(file.path)
        else writeHere(file)
        return
      }
      if (!waitFor(BYTES, (queued) => queued <= RING - room)) {
        close()
        throw stalled()
      }
      // The header is filled in once the content's size is known; the writer reads nothing of a
      // record before FILES counts it.
      if (compareWith !== null) comparing.set(destination, file.path)
      const header = at
      at = (at + HEADER) % RING
      putBytes(name)
      putBytes(against)
      let size = content.length
      if (typeof content === 'string') size = putText(content, most)
      else putBytes(content)
      const end = at
      at = header
      putNumber(name.length)
      putNumber(size)
      putNumber(against.length)
      at = end
      const record = HEADER + name.length + against.length + size
      Atomics.add(state, BYTES, record)
      if (Atomics.add(state, FILES, 1) + 1 >= WAKE_AFTER) Atomics.notify(state, FILES)
    },
    finish() {
      if (closed) return []
      const error = waitFor(FILES, (queued) => queued === 0) ? failure() : stalled()
      if (error === null) takeMessages()
      close()
      if (error !== null) throw error
      return same
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
