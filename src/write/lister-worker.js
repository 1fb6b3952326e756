// @ts-check
// The lister thread's entry point (write/listing.ts starts it): the files of an output folder, as
// paths with `/`, posted back once. Plain JavaScript that imports Node alone, type-checked through
// the JSDoc below, so the thread starts in milliseconds from the source and from the bundle alike.
import {existsSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {isMainThread, parentPort, workerData} from 'node:worker_threads'

/** The `kind` of this thread's workerData. */
export const LISTER_KIND = 'broadsheet-lister'

/**
 * A walk of its own, each path made from its folder's as it goes: readdirSync's recursive mode
 * gave each entry its folder's full path, to be taken apart again (path.relative, then split and
 * joined), and took about twice as long over the 28,354 files of the 10,000-story bench site.
 * @param {string} dir
 */
export function listFiles(dir) {
  if (!existsSync(dir)) return []
  /** @type {string[]} */
  const files = []
  /** @param {string} folder @param {string} prefix */
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder, {withFileTypes: true})) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`)
      else if (entry.isFile()) files.push(prefix + entry.name)
    }
  }
  walk(dir, '')
  return files
}

const job = /** @type {{kind?: unknown, dir?: unknown} | null} */ (workerData)
if (!isMainThread && job?.kind === LISTER_KIND && typeof job.dir === 'string') parentPort?.postMessage(listFiles(job.dir))
