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
 * puts V8's own choice back. Meant for rendering, when the site's bodies become garbage page by
 * page: V8 let the heap grow by about 40 % there, 180 to 200 MB of garbage at 100,000 stories,
 * which was then the peak of a build (1,489 MB). With 15 % the pages were written in at most
 * 1,271 MB, below the peaks of the model and the search index (1,281 MB), by V8's own
 * collections, which mark mostly on a background thread. Collecting on
 * demand instead (`fullCollection` whenever the heap had grown by a fifth) did as well but stopped
 * the build 0.4 s each time, 15 times. Applied from the start of a build it made parsing and the
 * model no leaner and the build slower.
 */
export function lowerHeapGrowth(): () => void {
  setFlagsFromString('--heap-growing-percent=15')
  // 0 is V8's default: a factor chosen from how fast it collects and the program allocates.
  return () => setFlagsFromString('--heap-growing-percent=0')
}
