// Reading and parsing shared with a helper thread, for a build that parses thousands of files and
// has no cache to take them from. Both threads take batches of files from one shared counter, and
// each reads and parses its own; only what parsing gave crosses to the caller, once (about 16 ms a
// thousand files), the text of a file never does. parseEntry is pure, so a file parses to the same
// entry on either thread, and each lands at its file's position: the site does not depend on which
// thread parsed what.
//
// This module is also the helper's entry point: a worker loads it and finds its job in workerData.
import {isMainThread, parentPort, workerData} from 'node:worker_threads'
import {parseEntry} from '../build/parse-entry.ts'
import type {ParsedFile} from '../model/parsed.ts'
import {createVocabulary} from '../model/tags/index.ts'
import type {ProviderProfile, TagsConfig} from '../model/types.ts'
import {compileProfiles} from '../parse/provider-rules.ts'
import {providerProfiles} from '../parse/providers.ts'
import {readContentFile} from '../read/file.ts'
import {startWorker} from './worker.ts'

interface Job {
  kind: 'broadsheet-parse-helper'
  sources: string[]
  maxFileBytes: number
  tags: TagsConfig
  /** The site's own provider profiles, as its config gives them. */
  providers: ProviderProfile[]
  /** The next position to claim, shared by both threads. */
  next: SharedArrayBuffer
}

type Message = {from: number; outcomes: ParsedFile[]} | {done: true}

/**
 * Files a thread claims at once: reads overlap within a batch, and a message carries one. Small
 * enough that neither thread is left long with nothing to do at the end.
 */
const BATCH = 32

export interface ParseHelper {
  /** The next positions of `sources` for the calling thread to read and parse, or null when none are left. */
  claim(): {from: number; to: number} | null
  /**
   * Settles once the helper has posted every file it claimed, or has failed; the helper is then
   * gone. The caller parses itself any file left without an outcome.
   */
  readonly finished: Promise<void>
}

/**
 * Starts the helper on `sources`; `settle` is called on this thread with each file the helper
 * parsed, between turns of the event loop.
 */
export function startParseHelper(
  sources: readonly string[],
  maxFileBytes: number,
  tags: TagsConfig,
  providers: ProviderProfile[],
  settle: (position: number, outcome: ParsedFile) => void
): ParseHelper {
  const next = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const counter = new Int32Array(next)
  const job: Job = {kind: 'broadsheet-parse-helper', sources: [...sources], maxFileBytes, tags, providers, next}
  const worker = startWorker(import.meta.url, job)
  // Let go of at the end: through it the worker's listener reaches everything parsed, which the
  // build lets go of after choosing tags (while it did not, 10,000 stories peaked 30 MB higher).
  let deliver: typeof settle | null = settle
  const finished = new Promise<void>((resolve) => {
    const end = () => {
      if (deliver === null) return
      deliver = null
      // Nothing more for it to claim; then it goes, and its heap, the parse's garbage, with it.
      Atomics.store(counter, 0, sources.length)
      void worker.terminate()
      resolve()
    }
    worker.on('message', (message: Message) => {
      if (deliver === null) return
      if ('done' in message) return end()
      for (const [i, outcome] of message.outcomes.entries()) deliver(message.from + i, outcome)
    })
    // A helper that fails leaves its files to the caller: the build is slower, not wrong.
    worker.once('error', end)
    worker.once('exit', end)
  })
  return {
    claim() {
      const from = Atomics.add(counter, 0, BATCH)
      return from < sources.length ? {from, to: Math.min(from + BATCH, sources.length)} : null
    },
    finished
  }
}

async function runHelper(job: Job): Promise<void> {
  const counter = new Int32Array(job.next)
  const vocabulary = createVocabulary(job.tags)
  const options = {providers: compileProfiles(providerProfiles(job.providers))}
  for (let from = Atomics.add(counter, 0, BATCH); from < job.sources.length; from = Atomics.add(counter, 0, BATCH)) {
    const batch = job.sources.slice(from, from + BATCH)
    const outcomes = await Promise.all(
      batch.map(async (source): Promise<ParsedFile> => {
        const read = await readContentFile(source, source, job.maxFileBytes)
        if ('error' in read) return read
        return {hash: read.hash, stamp: read.stamp, entry: parseEntry(read.text, read.diagnostics, source, vocabulary, options)}
      })
    )
    parentPort!.postMessage({from, outcomes} satisfies Message)
  }
  parentPort!.postMessage({done: true} satisfies Message)
}

// An error thrown here reaches the parent as the worker's 'error' event.
if (!isMainThread && (workerData as Job | null)?.kind === 'broadsheet-parse-helper') void runHelper(workerData as Job)
