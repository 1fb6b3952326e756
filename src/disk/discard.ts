// Folders a build no longer needs once its output is in place: the previous output after a swap,
// and the files a warm commit moved aside. Removing them is most of what a build's last step would
// cost (28,000 files: 3 to 10 s on this kind of disk, which scans recently freed inodes when it
// makes files), and nothing waits for it: each is renamed out of the way at once, and removed by a
// process of its own (remove-tree.js) that the build does not wait for. A folder such a process
// left (a machine that stopped) is removed by the next build's recovery (write/recover.ts).
import {spawn} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {renameSync, rmSync} from 'node:fs'
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
  const trash = path.join(path.dirname(target), `.${path.basename(target)}.trash-${randomBytes(6).toString('hex')}`)
  try {
    renameSync(folder, trash)
  } catch {
    // Another file system, or gone already: removed here, as before.
    rmSync(folder, {recursive: true, force: true})
    return
  }
  if (process.env['BROADSHEET_DISCARD'] === WAIT) return removeTrash(trash)
  try {
    spawn(process.execPath, [fileURLToPath(REMOVER), trash], {detached: true, stdio: 'ignore'}).unref()
  } catch {
    removeTrash(trash)
  }
}
