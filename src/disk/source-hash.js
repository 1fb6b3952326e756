// @ts-check
// The one hash of Broadsheet's source: what bin/broadsheet.js names its bundle by, and what the
// cache keys its files by (cache/version.ts), so that code edited, upgraded or reinstalled never
// trusts a bundle or a cache made by other code. Plain JavaScript that imports Node alone: the
// launcher runs it before anything is compiled.
//
// It covers package.json and package-lock.json (the dependencies are in the bundle), tsconfig.json
// (esbuild reads it), the launcher (it holds the esbuild options) and every .ts and .js file under
// src/, as sorted path and bytes.
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

/** The hash of the source under `root`, 16 hex digits. */
export function sourceHash(/** @type {string} */ root) {
  const sources = readdirSync(path.join(root, 'src'), {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && /\.[jt]s$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/broadsheet.js', ...sources.sort()]
  const hash = createHash('sha256')
  // A checkout installed without a lock file has none: its absence is part of the description.
  for (const file of files) hash.update(`${file}\0`).update(existsSync(path.join(root, file)) ? readFileSync(path.join(root, file)) : '').update('\0')
  return hash.digest('hex').slice(0, 16)
}

/** Where the launcher passes the hash it computed to the CLI it starts, so it is computed once a run. */
export const SOURCE_HASH_VARIABLE = 'BROADSHEET_SOURCE_HASH'
