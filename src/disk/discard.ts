// Folders a build no longer needs once its output is in place: the previous output after a swap,
// and the files a warm commit moved aside. Removing them is most of what a build's last step would
// cost (28,000 files: 3 to 10 s on this kind of disk, which scans recently freed inodes when it
// makes files), and nothing waits for it: each is renamed out of the way at once, and removed by a
// process of its own (remove-tree.js) that the build does not wait for. A folder such a process
// left (a machine that stopped) is removed by the next build's recovery (write/recover.ts).
import {spawn} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {renameSync, rmSync, utimesSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {removeTrash, TRASH} from './remove-tree.js'

// Two folders below the root, like src/disk/ and bundle/cli/: the same URL from the source and the bundle.
const REMOVER = new URL('../../src/disk/remove-tree.js', import.meta.url)

/** `BROADSHEET_DISCARD=wait` removes the folder before returning (the tests, which then delete their own). */
const WAIT = 'wait'

/** Whether `name`, beside an output folder, is a folder a build discarded. */
export function isTrash(name: string): boolean {
  return TRASH.test(name)
}

/** Lets go of `folder`, beside the output folder `target`: renamed now, removed by another process. */
export function discardFolder(folder: string, target: string): void {
  const trash = setAside(folder, target)
  if (trash === null) return
  if (process.env['BROADSHEET_DISCARD'] === WAIT) return removeTrash(trash)
  try {
    spawn(process.execPath, [fileURLToPath(REMOVER), trash], {detached: true, stdio: 'ignore'}).unref()
  } catch {
    removeTrash(trash)
  }
}

/**
 * `folder` renamed to a trash name beside `target`, dated now; null when it could not be renamed
 * (another file system, or gone already), and was removed here instead.
 */
export function setAside(folder: string, target: string): string | null {
  const trash = path.join(path.dirname(target), `.${path.basename(target)}.trash-${randomBytes(6).toString('hex')}`)
  try {
    renameSync(folder, trash)
  } catch {
    rmSync(folder, {recursive: true, force: true})
    return null
  }
  // A rename keeps a folder's own time: the previous output of a swap would carry the time of the
  // build that made it, and the next build's recovery would take it for a folder no remover is
  // emptying and remove it itself (12 s of a 25 s rebuild of 10,000 stories, measured).
  const now = new Date()
  try {
    utimesSync(trash, now, now)
  } catch {
    // The recovery then removes it a minute early at worst.
  }
  return trash
}
