// @ts-check
// The lister thread's entry point (write/listing.ts starts it): the files of an output folder, as
// paths with `/`, posted back once. Plain JavaScript that imports Node alone, type-checked through
// the JSDoc below, so the thread starts in milliseconds from the source and from the bundle alike.
import {existsSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {isMainThread, parentPort, workerData} from 'node:worker_threads'

/** The `kind` of this thread's workerData. */
export const LISTER_KIND = 'broadsheet-lister'

/** @param {string} dir */
export function listFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

const job = /** @type {{kind?: unknown, dir?: unknown} | null} */ (workerData)
if (!isMainThread && job?.kind === LISTER_KIND && typeof job.dir === 'string') parentPort?.postMessage(listFiles(job.dir))
