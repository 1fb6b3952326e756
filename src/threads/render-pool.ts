// Rendering shared among threads. Every thread walks the same pages in the same order (cheap: a
// page costs nothing until its key or content is asked for) and makes the ones whose position
// falls to it, writing them into the one staging folder. The site model is copied to each worker
// once, without the bodies (and footer notes and teasers) of the stories whose pages other threads
// make; what comes back is only each worker's manifest lines and counts.
//
// This module is also the workers' entry point: a worker loads it and finds its job in workerData.
import {isMainThread, parentPort, workerData, type Worker} from 'node:worker_threads'
import type {PendingFile, Site, Story, Templates} from '../model/types.ts'
import {siteFeedStories} from '../render/feeds/index.ts'
import {sitePages} from '../render/site.ts'
import {openShare, type Share, type SharePlan, type ShareResult} from '../write/site-writer.ts'
import {startWorker} from './worker.ts'

interface Job {
  kind: 'broadsheet-render-thread'
  site: Site
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
 * several bodies, go to thread 0, the main thread, which holds them all.
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

/** What only a story's own page shows (and the feeds, its body): the bulk of a story. */
const OWN_PAGE_ONLY = ['paragraphs', 'footer', 'recommended'] as const

/** The site as a worker needs it: only the stories whose pages it makes keep what their page alone shows. */
function siteForWorker(site: Site, thread: number, threads: number): Site {
  return {
    ...site,
    stories: site.stories.map((story) => (threadOfStory(story.index, threads) === thread ? story : {...story, paragraphs: [], footer: [], recommended: []}))
  }
}

/**
 * Lets thread `thread` of `threads` go of what only other threads' story pages show (bodies, footer
 * notes, Recommended Stories), once the search index, which reads every body, is made: at 100,000
 * stories that is hundreds of megabytes. Thread 0 keeps the bodies its feeds show. The site is
 * changed in place, so nothing else can hold on to them. Reading one afterwards throws: a page that
 * needs it belongs to another thread, and rendering it from an empty list would publish a blank story.
 */
export function releaseOtherStories(site: Site, thread: number, threads: number): void {
  if (threads === 1) return
  const feeds = feedBodies(site, thread)
  for (const story of site.stories) {
    const owner = threadOfStory(story.index, threads)
    if (owner !== thread) release(story, feeds, `render thread ${thread} read the %s of story ${story.index}, whose page thread ${owner} renders`)
  }
}

/**
 * What thread `thread` calls with each file it has written: once a story's page is written, nothing
 * reads what only that page shows, and the thread lets go of it, as of other threads' stories.
 */
export function releaseWritten(site: Site, thread: number): (file: PendingFile) => void {
  const feeds = feedBodies(site, thread)
  return (file) => {
    if (typeof file.body === 'number') release(site.stories[file.body]!, feeds, `render thread ${thread} read the %s of story ${file.body} after writing its page`)
  }
}

/** The stories whose bodies thread `thread` keeps to the end: thread 0 makes the site's feeds. */
function feedBodies(site: Site, thread: number): ReadonlySet<number> {
  return new Set(thread === 0 ? siteFeedStories(site).map((s) => s.index) : [])
}

/** Replaces a story's own-page fields by getters that throw `why` (`%s`: the field). */
function release(story: Story, feeds: ReadonlySet<number>, why: string): void {
  for (const field of OWN_PAGE_ONLY) {
    if (field === 'paragraphs' && feeds.has(story.index)) continue
    Object.defineProperty(story, field, {
      get() {
        throw new Error(why.replace('%s', field))
      }
    })
  }
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
export function startRenderPool(site: Site, templates: Templates, plan: SharePlan, threads: number): RenderPool {
  const controls: Int32Array[] = []
  const workers: Worker[] = []
  const results: Array<Promise<ShareResult>> = []
  for (let thread = 1; thread < threads; thread++) {
    const control = new SharedArrayBuffer(8)
    const control32 = new Int32Array(control)
    controls.push(control32)
    const job: Job = {kind: 'broadsheet-render-thread', site: siteForWorker(site, thread, threads), templates, plan, thread, threads, control}
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
    releaseOtherStories(job.site, job.thread, job.threads)
    const written = releaseWritten(job.site, job.thread)
    let position = 0
    for (const file of sitePages(job.site, job.templates)) {
      if (!ownsFile(file, position++, job.thread, job.threads)) continue
      if (Atomics.load(control, STOP) === 1) return
      share.put(file)
      written(file)
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
