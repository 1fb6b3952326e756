// Rendering shared among threads. Every thread walks the same pages in the same order (cheap: a
// page costs nothing until its key or content is asked for) and makes the ones whose position
// falls to it, writing them into the one staging folder. The site model is copied to each worker
// once, with the bodies (and footer notes and teasers) of only the stories whose pages it makes, in
// a body store of its own (`ThreadBodies`); what comes back is only each worker's manifest lines
// and counts.
//
// This module is also the workers' entry point: a worker loads it and finds its job in workerData.
import {isMainThread, parentPort, workerData, type Worker} from 'node:worker_threads'
import {PartsBodies, type SiteBodies} from '../model/bodies.ts'
import type {BodyPart, BodyParts, PendingFile, Site, Templates} from '../model/types.ts'
import {siteFeedStories} from '../render/feeds/index.ts'
import {sitePages} from '../render/site.ts'
import {openShare, type Share, type SharePlan, type ShareResult} from '../write/site-writer.ts'
import {startWorker} from './worker.ts'

interface Job {
  kind: 'broadsheet-render-thread'
  site: Site
  /** The bodies of the stories whose pages the worker makes; null for every other story. */
  bodies: BodyParts
  templates: Templates
  plan: SharePlan
  thread: number
  threads: number
  /** [stop asked, worker stopped]: lets an abort wait until no worker can write any more. */
  control: SharedArrayBuffer
}

const STOP = 0
const STOPPED = 1

/**
 * Whether `file`, at `position` of `sitePages`, is made by thread `thread` of `threads`. A story's
 * page goes by the story, so a worker needs only its own stories' bodies; the feeds, which show
 * several bodies, go to thread 0, the main thread, which keeps their paragraphs (`mainThreadBodies`).
 */
export function ownsFile(file: PendingFile, position: number, thread: number, threads: number): boolean {
  if (file.body === 'several') return thread === 0
  return (file.body === undefined ? threadOfPosition(position, threads) : threadOfStory(file.body, threads)) === thread
}

/** The thread that makes story `index`'s page, by the rule of ownsFile. */
function threadOfStory(index: number, threads: number): number {
  return index % threads
}

/**
 * The thread of any other file. The main thread also makes the search index and the feeds (1.3 s
 * at 10,000 stories) and finished about 3 s after its worker, so it takes half a share of these.
 */
function threadOfPosition(position: number, threads: number): number {
  // In halves of a share: one for the main thread, two for each worker.
  const slot = position % (2 * threads - 1)
  return Math.ceil(slot / 2)
}

/**
 * The render pool's body store: what thread `thread` of `threads` holds. The bodies of the stories
 * whose pages it makes, each until its page is written; on thread 0, which makes the site's feeds
 * after the pages, also the feed stories' paragraphs, to the end. Asked for anything else it
 * throws, naming the story and the thread that renders its page.
 */
export class ThreadBodies extends PartsBodies {
  readonly #thread: number
  readonly #threads: number
  /** Stories whose paragraphs outlast their page: the feeds'. */
  readonly #feeds: ReadonlySet<number>

  constructor(parts: BodyParts, thread: number, threads: number, feeds: ReadonlySet<number>) {
    super(parts)
    this.#thread = thread
    this.#threads = threads
    this.#feeds = feeds
  }

  /** Keeps the paragraphs of the feeds' stories: the feeds are written after the pages. */
  override release(index: number): void {
    if (!this.#feeds.has(index)) this.parts.paragraphs[index] = null
    this.parts.footer[index] = null
    this.parts.recommended[index] = null
  }

  /** What the thread calls with each file it has written: once a story's page is written, nothing else reads its body. */
  written(file: PendingFile): void {
    if (typeof file.body === 'number') this.release(file.body)
  }

  protected missing(index: number, part: BodyPart): never {
    const owner = threadOfStory(index, this.#threads)
    const what = `render thread ${this.#thread} read the ${part} of story ${index}`
    if (owner !== this.#thread && !(part === 'paragraphs' && this.#feeds.has(index))) throw new Error(`${what}, whose page thread ${owner} renders`)
    throw new Error(`${what} after writing its page`)
  }
}

/** The stories whose pages thread `thread` of `threads` makes. */
function storiesOfThread(site: Site, thread: number, threads: number): number[] {
  return site.stories.flatMap((story) => (threadOfStory(story.index, threads) === thread ? [story.index] : []))
}

/**
 * Thread 0's body store, taken out of the full build's, which lets go of every body: once the
 * search index, which reads every body, is made, only the pages and feeds of this thread read any
 * (at 100,000 stories, other threads' bodies are hundreds of megabytes). Call after
 * `startRenderPool`, which gives each worker its own.
 */
export function mainThreadBodies(site: Site, all: SiteBodies, threads: number): ThreadBodies {
  const own = storiesOfThread(site, 0, threads)
  const feeds = new Set(siteFeedStories(site).map((story) => story.index))
  const parts = all.partsOf([...own, ...feeds])
  // A feed story another thread renders: thread 0 shows its paragraphs, not its footer or teasers.
  for (const index of feeds) {
    if (threadOfStory(index, threads) !== 0) parts.footer[index] = parts.recommended[index] = null
  }
  for (const story of site.stories) all.release(story.index)
  return new ThreadBodies(parts, 0, threads, feeds)
}

export interface RenderPool {
  /** Each worker's manifest lines and counts, once all have finished. */
  readonly results: Promise<ShareResult[]>
  /** Stops every worker and returns once none of them can write another file. */
  stop(): void
}

/**
 * Starts threads 1 … threads-1; the caller makes thread 0's share itself. A worker that fails
 * rejects `results` with its error.
 */
export function startRenderPool(site: Site, bodies: SiteBodies, templates: Templates, plan: SharePlan, threads: number): RenderPool {
  const controls: Int32Array[] = []
  const workers: Worker[] = []
  const results: Array<Promise<ShareResult>> = []
  for (let thread = 1; thread < threads; thread++) {
    const control = new SharedArrayBuffer(8)
    const control32 = new Int32Array(control)
    controls.push(control32)
    const job: Job = {kind: 'broadsheet-render-thread', site, bodies: bodies.partsOf(storiesOfThread(site, thread, threads)), templates, plan, thread, threads, control}
    const worker = startWorker(import.meta.url, job)
    workers.push(worker)
    results.push(
      new Promise((resolve, reject) => {
        let result: ShareResult | null = null
        worker.once('message', (message: ShareResult) => (result = message))
        worker.once('error', reject)
        worker.once('exit', (code) => {
          Atomics.store(control32, STOPPED, 1)
          if (result !== null) resolve(result)
          else reject(new Error(`a render thread stopped (exit code ${code}) before it finished`))
        })
      })
    )
  }
  const all = Promise.all(results)
  // Marked handled now: the caller awaits it only after rendering its own share, and an early
  // failure must reach it there, not end the process as an unhandled rejection.
  all.catch(() => {})
  return {
    results: all,
    stop() {
      for (const control of controls) Atomics.store(control, STOP, 1)
      // A worker checks before every file, so it stops within one page; after that nothing it does
      // can recreate a staging folder the caller is about to remove.
      for (const control of controls) Atomics.wait(control, STOPPED, 0, 5_000)
      for (const worker of workers) void worker.terminate()
    }
  }
}

function runThread(job: Job): void {
  const control = new Int32Array(job.control)
  let share: Share | null = null
  try {
    share = openShare(job.plan)
    const bodies = new ThreadBodies(job.bodies, job.thread, job.threads, new Set())
    let position = 0
    for (const file of sitePages(job.site, bodies, job.templates)) {
      if (!ownsFile(file, position++, job.thread, job.threads)) continue
      if (Atomics.load(control, STOP) === 1) return
      share.put(file)
      bodies.written(file)
    }
    parentPort!.postMessage(share.finish())
  } finally {
    // After finish this does nothing; after a stop or an error it waits until the share's writer
    // thread, if it has one, can write nothing more.
    share?.stop()
    Atomics.store(control, STOPPED, 1)
    Atomics.notify(control, STOPPED)
  }
}

// An error thrown here reaches the parent as the worker's 'error' event.
if (!isMainThread && (workerData as Job | null)?.kind === 'broadsheet-render-thread') runThread(workerData as Job)
