// @ts-check
// The one hash of Broadsheet's source: what the bundle records it was made from (scripts/bundle.js),
// what bin/broadsheet.js compares with it before running the bundle, and what the cache keys its
// files by (cache/version.ts), so that code edited, upgraded or reinstalled never runs a bundle or
// trusts a cache made by other code. Plain JavaScript that imports Node alone: the launcher runs it
// before anything is compiled.
//
// It covers package.json and package-lock.json (the dependencies are in the bundle), tsconfig.json
// (esbuild reads it), scripts/bundle.js (it holds the esbuild options) and every .ts and .js file
// under src/, as sorted path and bytes.
import {createHash} from 'node:crypto'
import {closeSync, existsSync, openSync, readdirSync, readFileSync, readSync} from 'node:fs'
import path from 'node:path'

/** The hash of the source under `root`, 16 hex digits. */
export function sourceHash(/** @type {string} */ root) {
  const sources = readdirSync(path.join(root, 'src'), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.[jt]s$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/bundle.js', ...sources.sort()]
  const hash = createHash('sha256')
  // A checkout installed without a lock file has none: its absence is part of the description.
  for (const file of files) hash.update(`${file}\0`).update(existsSync(path.join(root, file)) ? readFileSync(path.join(root, file)) : '').update('\0')
  return hash.digest('hex').slice(0, 16)
}

/** Where the launcher passes the hash it computed to the CLI it starts, so it is computed once a run. */
export const SOURCE_HASH_VARIABLE = 'BROADSHEET_SOURCE_HASH'

/**
 * The bundle of src/cli.ts, relative to the root: two folders below it, as src/<folder>/ is, so the
 * source's `new URL('../../', import.meta.url)` finds the root from the bundle as well.
 */
export const BUNDLE = 'bundle/cli/cli.mjs'

/** The comment near the top of the bundle that records the hash of the source it was made from. */
export const hashLine = (/** @type {string} */ hash) => `// broadsheet source ${hash}`

/**
 * The source hash the bundle at `file` records, or null when there is none. The hash is inside the
 * bundle, not in a file beside it, so that one rename replaces both and they never disagree. It is
 * in the first line or the second (after a `#!` line), well within 256 bytes.
 */
export function bundledHash(/** @type {string} */ file) {
  let fd
  try {
    fd = openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const head = Buffer.alloc(256)
    const read = readSync(fd, head, 0, head.length, 0)
    return /^\/\/ broadsheet source ([0-9a-f]{16})$/m.exec(head.toString('latin1', 0, read))?.[1] ?? null
  } finally {
    closeSync(fd)
  }
}
