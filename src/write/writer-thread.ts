// Writing a site's files on a thread of their own. Creating 20,000 files in 17,000 folders is
// system calls that wait on the file system: measured at 10,000 stories, 5 to 25 s of a build,
// depending on how busy the disk is. Made on the thread that renders, that time is lost; made on
// another, it overlaps the rendering of the next pages.
//
// The writer is plain CommonJS in a string, so the thread loads no module of Broadsheet's (nor tsx
// under the tests) and starts in milliseconds. Pages go to it as bytes, moved rather than copied.
import {receiveMessageOnPort, MessageChannel, Worker} from 'node:worker_threads'
import type {OutputFile} from '../model/types.ts'
import {containedPath} from './output.ts'

export interface FileSink {
  /**
   * Queues a file of the staging folder; throws if an earlier one failed. Content that is a plain
   * Uint8Array spanning its whole buffer is the writer's from then on (see `handedOver`).
   */
  write(file: OutputFile): void
  /** Returns once every queued file is written; throws the first error. The sink is then closed. */
  finish(): void
  /** Returns once the thread will write no more files, queued ones dropped. Safe to call twice. */
  stop(): void
}

/**
 * Bytes made for one file and nothing else, such as the search index's shards (a quarter of a
 * gigabyte at 100,000 stories), are moved to the writer, not copied: each copied original stayed
 * behind as memory outside the heap until a collection, and they piled up faster than V8 collected
 * them. A Buffer may be a file the templates keep for the next build, and a view may share its
 * buffer: those are copied.
 */
function handedOver(content: Uint8Array): content is Uint8Array<ArrayBuffer> {
  return !Buffer.isBuffer(content) && content.buffer instanceof ArrayBuffer && content.byteOffset === 0 && content.byteLength === content.buffer.byteLength
}

// Slots of the shared state.
const BYTES = 0
const FILES = 1
const FAILED = 2
const STOP = 3

/** Bytes queued at most: rendering waits beyond this, so a slow disk cannot fill the memory. */
const QUEUED_BYTES = 4 * 1024 * 1024

/**
 * A writer that has written nothing for this long while files wait is taken to be gone: a thread
 * that failed to start says so only on the event loop, which a waiting render thread never turns.
 */
const STALLED_MS = 60_000

const WRITER = `
const {mkdirSync, writeFileSync} = require('node:fs')
const path = require('node:path')
const {workerData} = require('node:worker_threads')
const {state: shared, port} = workerData
const state = new Int32Array(shared)
const made = new Set()
const fail = (error) => {
  port.postMessage({message: error.message, code: error.code})
  Atomics.store(state, ${FAILED}, 1)
  Atomics.notify(state, ${BYTES})
  Atomics.notify(state, ${FILES})
}
process.on('uncaughtException', fail)
port.on('message', ({file, bytes}) => {
  if (Atomics.load(state, ${FAILED}) === 0 && Atomics.load(state, ${STOP}) === 0) {
    try {
      const folder = path.dirname(file)
      if (!made.has(folder)) {
        mkdirSync(folder, {recursive: true})
        made.add(folder)
      }
      writeFileSync(file, bytes, {flag: 'wx'})
    } catch (error) {
      fail(error)
    }
  }
  Atomics.sub(state, ${BYTES}, bytes.length)
  Atomics.sub(state, ${FILES}, 1)
  Atomics.notify(state, ${BYTES})
  Atomics.notify(state, ${FILES})
})
`

/**
 * Writes files into a staging folder that exists, as `stagingWriter` in output.ts does (folders
 * made as needed, `wx` so that two pages claiming one path fail the build), on a thread of its own.
 */
export function stagingWriterAside(staging: string): FileSink {
  const shared = new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT)
  const state = new Int32Array(shared)
  const {port1, port2} = new MessageChannel()
  const worker = new Worker(WRITER, {eval: true, workerData: {state: shared, port: port2}, transferList: [port2]})
  // Nothing is left to wait for once finish or stop has returned.
  worker.unref()
  port1.unref()
  // A thread that cannot start reports it here, between pages; unheard, it would end the process.
  let crashed: Error | null = null
  worker.once('error', (error) => (crashed = error))
  const encoder = new TextEncoder()
  let closed = false

  const failure = (): Error | null => {
    if (crashed !== null) return crashed
    if (Atomics.load(state, FAILED) === 0) return null
    // The writer posts its error before it raises the flag, so the message is there to take.
    const error = receiveMessageOnPort(port1)?.message as {message: string; code?: string} | undefined
    return Object.assign(new Error(error?.message ?? 'the writer thread failed'), {code: error?.code})
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
    port1.close()
    void worker.terminate()
  }

  return {
    write(file) {
      if (closed) throw new Error('the writer thread is closed')
      const error = failure()
      if (error !== null) throw error
      const destination = containedPath(staging, file.path)
      // Encoded here as writeFileSync would have; a copy for bytes that may share their buffer.
      const bytes = typeof file.content === 'string' ? encoder.encode(file.content) : handedOver(file.content) ? file.content : new Uint8Array(file.content)
      if (!waitFor(BYTES, (queued) => queued < QUEUED_BYTES)) {
        close()
        throw stalled()
      }
      Atomics.add(state, BYTES, bytes.length)
      Atomics.add(state, FILES, 1)
      port1.postMessage({file: destination, bytes}, [bytes.buffer])
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
      // Queued files are dropped one by one without touching the disk: this returns within one file.
      waitFor(FILES, (queued) => queued === 0)
      close()
    }
  }
}
