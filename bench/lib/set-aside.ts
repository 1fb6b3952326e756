// Old output moved out of the way before a measured build, and deleted only after the last one.
//
// Why not delete it right away: this machine's disk is ext4 without a journal, and such an ext4,
// when it picks an inode for a new file or folder, skips every inode freed in the last minute, or
// in the last six while the block that holds it waits to be written (`recently_deleted` in
// fs/ext4/ialloc.c), checking each in turn. Right after tens of thousands of files are deleted,
// every file made costs up to a millisecond of system time, so a build measured then is charged
// for the previous build's deletion: 20,000 files and folders took 3.7 s right after 38,000 inodes
// were deleted, 0.85 s two minutes later, and up to 27 s after a few such deletions in a row. A
// rename frees nothing, so no measured build pays for what came before. A bench started right
// after another would still pay for the other's deletion: it waits first.
import {existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

/**
 * How long ext4 may skip a freed inode: RECENTCY_MIN and RECENTCY_DIRTY, 60 s and 300 s more. A
 * build dirties the blocks it makes inodes in, so the longer one counts. Waited out after 130 s
 * only, 100,000 stories took 199.8 s of CPU where they take about 150.
 */
const SKIPPED_MS = 370_000

export interface SetAside {
  /** Moves `dir`, if it exists, into the discard folder, which must be on the same file system. */
  move: (dir: string) => void
  /** Deletes the discard folder, with whatever an earlier, interrupted bench left there, and notes when. */
  empty: () => void
  /** Waits until no deletion by `empty`, in this bench or the last one, can slow a build. */
  settle: (log: (line: string) => void) => Promise<void>
}

export function setAside(discard: string): SetAside {
  const stamp = `${discard}.emptied-at`
  let moved = 0
  return {
    move: (dir) => {
      if (!existsSync(dir)) return
      mkdirSync(discard, {recursive: true})
      renameSync(dir, path.join(discard, `${process.pid}-${moved++}`))
    },
    empty: () => {
      if (!existsSync(discard)) return
      rmSync(discard, {recursive: true, force: true})
      writeFileSync(stamp, String(Date.now()))
    },
    settle: async (log) => {
      const emptied = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0
      const wait = emptied + SKIPPED_MS - Date.now()
      if (!(wait > 0)) return
      log(`waiting ${Math.ceil(wait / 1000)} s: the last bench deleted its old output, and the disk skips freed inodes for up to six minutes`)
      await sleep(wait)
    },
  }
}
