// The files an output folder holds, as paths with `/`. A rebuild compares them with the last
// build's manifest (a page deleted by hand is made again). At 10,000 stories that is 20,000 files
// in 17,000 folders, about 0.2 s of system calls: a thread of its own lists them while this one
// reads and parses the content.
import {Worker} from 'node:worker_threads'
import {LISTER_KIND, listFiles} from './lister-worker.js'

export {listFiles}

/** The lister thread's entry point, found from the source (src/write/) and the bundle (two folders below the root) alike. */
const LISTER = new URL('../../src/write/lister-worker.js', import.meta.url)

/** `listFiles` on another thread; on this one if the worker fails. Never rejects. */
export function listFilesAside(dir: string): Promise<string[]> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (files: () => string[]) => {
      if (settled) return
      settled = true
      resolve(files())
    }
    try {
      const worker = new Worker(LISTER, {workerData: {kind: LISTER_KIND, dir}})
      worker.once('message', (files: string[]) => settle(() => files))
      worker.once('error', () => settle(() => listFiles(dir)))
      worker.once('exit', () => settle(() => listFiles(dir)))
    } catch {
      settle(() => listFiles(dir))
    }
  })
}
