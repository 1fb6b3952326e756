// A full garbage collection on demand, for the two moments of a build when most of the heap has
// just become garbage: the parse results once the model is made, the search postings once their
// files are written. V8 sets its next collection at a multiple of what the last full one found
// live; collecting right then keeps that multiple small, where waiting lets the heap grow on top of
// the garbage. `gc` is exposed to a fresh context only, so the build's own globals stay as they are.
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
