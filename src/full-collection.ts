// A full garbage collection on demand, for the two moments of a build when most of the heap has
// just become garbage: the parse results once the model is made, the search postings once their
// files are written. V8 sets its next collection at a multiple of what the last full one found
// live; collecting right then keeps that multiple small, where waiting lets the heap grow on top of
// the garbage. While the pages of a large site are written, the multiple itself is held down
// (lowerHeapGrowth).
// `gc` is exposed to a fresh context only, so the build's own globals stay as they are.
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

let collect: (() => void) | undefined

export function fullCollection(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}

/**
 * V8 lets the old generation grow up to four times what survived the last full collection before
 * it collects again: at 10,000 stories that was 900 MB of heap for 260 MB of live data. A build
 * makes garbage that outlives a young-generation collection (pages waiting to be written); growing
 * by about a third keeps the peak near what is live, at the cost of more (short) full collections.
 * V8 reads this flag each time it sets a new limit, so it applies from then on, in workers too.
 */
export function buildHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=35')
}

/** A heap this large (live and garbage) when the pages are to be written is worth holding down. */
const LARGE_HEAP = 512 * 1024 * 1024

/**
 * For a large heap, lets it grow by 15 % of what is live between full collections, until the
 * returned function puts the build's growth back; the next full collection sets its limit by it.
 * Meant for rendering, when the site's bodies become garbage page by page: V8 let the heap grow by
 * about 40 % there, 180 to 200 MB of garbage at 100,000 stories, which was then the peak of a build
 * (1,489 and 1,490 MB in two runs). With 15 %, V8's own collections, which mark mostly on a
 * background thread, kept the pages' phase under 1,240 MB, and the build's peak (1,321 MB) moved to
 * the end of the search index. Collecting on demand instead (`fullCollection` whenever the heap had
 * grown by a fifth) did as well for memory but stopped the build 0.4 s each time, 15 times; applied
 * from the start of a build, the lower growth made parsing and the model no leaner and the build
 * slower. A small heap is left alone: at 10,000 stories (130 MB of heap there) the frequent
 * collections cost 0.5 s of 12 (a median of 12.22 s against 11.69 s, three runs each, into a tmpfs)
 * to save at most 20 MB of a peak under 300.
 */
export function lowerHeapGrowth(): () => void {
  if (getHeapStatistics().used_heap_size < LARGE_HEAP) return () => {}
  setFlagsFromString('--heap-growing-percent=15')
  return buildHeapGrowth
}
