// @ts-check
// Removes a folder a build has let go of (disk/discard.ts starts it, as a process of its own that
// outlives the build). Plain JavaScript that imports Node alone, so it runs from the source and from
// the bundle alike. It removes nothing but a folder named as discard.ts names them.
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** `.<output folder>.trash-<id>`: what discard.ts renames a folder to before handing it here. */
export const TRASH = /^\..+\.trash-[0-9a-f]+$/

/** @param {string} folder */
export function removeTrash(folder) {
  if (!TRASH.test(path.basename(folder))) throw new Error(`not a folder a build discarded: ${folder}`)
  // One entry at a time: each removal moves the folder's own time, which tells the next build's
  // recovery (write/recover.ts) that a remover is still at work on it.
  /** @type {string[]} */
  let names = []
  try {
    names = readdirSync(folder)
  } catch {
    // Gone already, or not a folder: the rmSync below says which.
  }
  for (const name of names) rmSync(path.join(folder, name), {recursive: true, force: true})
  rmSync(folder, {recursive: true, force: true})
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const folder of process.argv.slice(2)) removeTrash(folder)
}
