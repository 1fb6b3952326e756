// A full garbage collection on demand, for the two moments of a build when most of the heap has
// just become garbage: the parse results once the model is made, the search postings once their
// files are written. V8 sets its next collection at a multiple of what the last full one found
// live; collecting right then keeps that multiple small, where waiting lets the heap grow on top of
// the garbage. While the pages are written, the multiple itself is held down (lowerHeapGrowth).
// `gc` is exposed to a fresh context only, so the build's own globals stay as they are.
import {setFlagsFromString} from 'node:v8'
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
 * Lets the heap grow by 15 % of what is live between full collections, until the returned function
 * puts V8's own choice back; the next full collection sets its limit by it. Meant for rendering,
 * when the site's bodies become garbage page by page: V8 let the heap grow by about 40 % there,
 * 180 to 200 MB of garbage at 100,000 stories, which was then the peak of a build (1,489 and
 * 1,490 MB in two runs). With 15 %, V8's own collections, which mark mostly on a background
 * thread, kept the pages' phase under 1,240 MB, and the build's peak (1,321 MB) moved to the end
 * of the search index. At 10,000 stories it took 289 to 297 MB against 308 to 315, in the same
 * time (writing to a tmpfs, four runs each). Collecting on demand instead (`fullCollection`
 * whenever the heap had grown by a fifth) did as well for memory but stopped the build 0.4 s each
 * time, 15 times; applied from the start of a build, the lower growth made parsing and the model
 * no leaner and the build slower.
 */
export function lowerHeapGrowth(): () => void {
  setFlagsFromString('--heap-growing-percent=15')
  // 0 is V8's default: a factor chosen from how fast it collects and the program allocates.
  return () => setFlagsFromString('--heap-growing-percent=0')
}
