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
import {openShard, type Shard, type ShardPlan, type ShardResult} from '../write/site-writer.ts'
import {startWorker} from './worker.ts'

interface Job {
  kind: 'broadsheet-render-shard'
  site: Site
  templates: Templates
  plan: ShardPlan
  shard: number
  shards: number
  /** [stop asked, worker stopped]: lets an abort wait until no worker can write any more. */
  control: SharedArrayBuffer
}

const STOP = 0
const STOPPED = 1

/**
 * Whether `file`, at `position` of `sitePages`, is made by thread `shard` of `shards`. A story's
 * page goes by the story, so a worker needs only its own stories' bodies; the feeds, which show
 * several bodies, go to thread 0, the main thread, which holds them all.
 */
export function ownsFile(file: PendingFile, position: number, shard: number, shards: number): boolean {
  if (file.body === 'several') return shard === 0
  return (file.body === undefined ? threadOfPosition(position, shards) : threadOfStory(file.body, shards)) === shard
}

/** The thread that makes story `index`'s page, by the rule of ownsFile. */
function threadOfStory(index: number, shards: number): number {
  return index % shards
}

/**
 * The thread of any other file. The main thread also makes the search index and the feeds (1.3 s
 * at 10,000 stories) and finished about 3 s after its worker, so it takes half a share of these.
 */
function threadOfPosition(position: number, shards: number): number {
  // In halves of a share: one for the main thread, two for each worker.
  const slot = position % (2 * shards - 1)
  return Math.ceil(slot / 2)
}

/** What only a story's own page shows (and the feeds, its body): the bulk of a story. */
const OWN_PAGE_ONLY = ['paragraphs', 'footer', 'recommended'] as const

/** The site as a worker needs it: only the stories whose pages it makes keep what their page alone shows. */
function siteForWorker(site: Site, shard: number, shards: number): Site {
  return {
    ...site,
    stories: site.stories.map((story) => (threadOfStory(story.index, shards) === shard ? story : {...story, paragraphs: [], footer: [], recommended: []}))
  }
}

/**
 * Lets thread `shard` of `shards` go of what only other threads' story pages show (bodies, footer
 * notes, Recommended Stories), once the search index, which reads every body, is made: at 100,000
 * stories that is hundreds of megabytes. Thread 0 keeps the bodies its feeds show. The site is
 * changed in place, so nothing else can hold on to them. Reading one afterwards throws: a page that
 * needs it belongs to another thread, and rendering it from an empty list would publish a blank story.
 */
export function releaseOtherStories(site: Site, shard: number, shards: number): void {
  if (shards === 1) return
  const feeds = feedBodies(site, shard)
  for (const story of site.stories) {
    const owner = threadOfStory(story.index, shards)
    if (owner !== shard) release(story, feeds, `render thread ${shard} read the %s of story ${story.index}, whose page thread ${owner} renders`)
  }
}

/**
 * What thread `shard` calls with each file it has written: once a story's page is written, nothing
 * reads what only that page shows, and the thread lets go of it, as of other threads' stories.
 */
export function releaseWritten(site: Site, shard: number): (file: PendingFile) => void {
  const feeds = feedBodies(site, shard)
  return (file) => {
    if (typeof file.body === 'number') release(site.stories[file.body]!, feeds, `render thread ${shard} read the %s of story ${file.body} after writing its page`)
  }
}

/** The stories whose bodies thread `shard` keeps to the end: thread 0 makes the site's feeds. */
function feedBodies(site: Site, shard: number): ReadonlySet<number> {
  return new Set(shard === 0 ? siteFeedStories(site).map((s) => s.index) : [])
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
  readonly results: Promise<ShardResult[]>
  /** Stops every worker and returns once none of them can write another file. */
  stop(): void
}

/**
 * Starts threads 1 … shards-1; the caller makes thread 0's share itself. A worker that fails
 * rejects `results` with its error.
 */
export function startRenderPool(site: Site, templates: Templates, plan: ShardPlan, shards: number): RenderPool {
  const controls: Int32Array[] = []
  const workers: Worker[] = []
  const results: Array<Promise<ShardResult>> = []
  for (let shard = 1; shard < shards; shard++) {
    const control = new SharedArrayBuffer(8)
    const control32 = new Int32Array(control)
    controls.push(control32)
    const job: Job = {kind: 'broadsheet-render-shard', site: siteForWorker(site, shard, shards), templates, plan, shard, shards, control}
    const worker = startWorker(import.meta.url, job)
    workers.push(worker)
    results.push(
      new Promise((resolve, reject) => {
        let result: ShardResult | null = null
        worker.once('message', (message: ShardResult) => (result = message))
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

function runShard(job: Job): void {
  const control = new Int32Array(job.control)
  let shard: Shard | null = null
  try {
    shard = openShard(job.plan)
    releaseOtherStories(job.site, job.shard, job.shards)
    const written = releaseWritten(job.site, job.shard)
    let position = 0
    for (const file of sitePages(job.site, job.templates)) {
      if (!ownsFile(file, position++, job.shard, job.shards)) continue
      if (Atomics.load(control, STOP) === 1) return
      shard.put(file)
      written(file)
    }
    parentPort!.postMessage(shard.finish())
  } finally {
    // After finish this does nothing; after a stop or an error it waits until the shard's writer
    // thread, if it has one, can write nothing more.
    shard?.stop()
    Atomics.store(control, STOPPED, 1)
    Atomics.notify(control, STOPPED)
  }
}

// An error thrown here reaches the parent as the worker's 'error' event.
if (!isMainThread && (workerData as Job | null)?.kind === 'broadsheet-render-shard') runShard(workerData as Job)
