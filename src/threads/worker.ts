// Starting a worker thread that runs one of Broadsheet's own modules, from the source or the bundle.
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'

/**
 * A worker running the module at `moduleUrl`, which finds its job in workerData. From the bundle
 * (plain JavaScript, every module in one file) the file loads as it is. The TypeScript source needs
 * tsx's loader, which Node 20 does not carry into workers (`--import tsx` in a worker's flags fails
 * with "Unknown file extension"), so such a worker starts at ts-worker.js, which registers it first.
 */
export function startWorker(moduleUrl: string, job: unknown): Worker {
  if (!moduleUrl.endsWith('.ts')) return new Worker(new URL(moduleUrl), {workerData: job})
  // tsx's `esm/api` resolves to its CommonJS build under require(); the ES module sits beside it.
  const tsxDir = path.dirname(createRequire(moduleUrl).resolve('tsx/package.json'))
  const tsx = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href
  return new Worker(new URL('./ts-worker.js', import.meta.url), {argv: [tsx, moduleUrl], workerData: job})
}
