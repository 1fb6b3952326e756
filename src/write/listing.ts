// The files an output folder holds, as paths with `/`. A rebuild compares them with the last
// build's manifest (a page deleted by hand is made again). At 10,000 stories that is 20,000 files
// in 17,000 folders, about 0.2 s of system calls: a thread of its own lists them while this one
// reads and parses the content.
import {existsSync, readdirSync, type Dirent} from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, {recursive: true, withFileTypes: true}) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

/**
 * The same, made on another thread. Plain CommonJS in a string, so the worker loads no module of
 * Broadsheet's (nor tsx under the tests) and starts in milliseconds.
 */
const LISTER = `
const {existsSync, readdirSync} = require('node:fs')
const path = require('node:path')
const {parentPort, workerData: dir} = require('node:worker_threads')
parentPort.postMessage(existsSync(dir)
  ? readdirSync(dir, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  : [])
`

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
      const worker = new Worker(LISTER, {eval: true, workerData: dir})
      worker.once('message', (files: string[]) => settle(() => files))
      worker.once('error', () => settle(() => listFiles(dir)))
      worker.once('exit', () => settle(() => listFiles(dir)))
    } catch {
      settle(() => listFiles(dir))
    }
  })
}
