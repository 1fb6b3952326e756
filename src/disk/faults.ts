// Fault injection for the tests, read from the environment here and nowhere else. A build arms it
// once (`armFaults`); with neither variable set, both hooks are a comparison and a return.
//
// - BROADSHEET_TEST_KILL_AFTER_RENAMES=N: the process kills itself with SIGKILL (no handler, no
//   cleanup, as a power cut or the OOM killer would) right after its Nth rename that changes the
//   output folder: the moves of an incremental build and the two renames of a cold build's swap.
// - BROADSHEET_TEST_FAIL_AT_RENAME=N: right after that Nth rename, the build fails with EIO
//   instead, as a disk that goes bad or a folder made read-only halfway would make it fail.
// - BROADSHEET_TEST_DISK_BYTES=N: the disk is taken to have N bytes free for this build; a write
//   on this thread that would pass them fails with ENOSPC, as a full disk fails it. (Files written
//   by the writer thread of a site of 1,000 stories or more are not counted.)
import process from 'node:process'

let killAfter = 0
let failAt = 0
let renames = 0
let budget = Number.POSITIVE_INFINITY

/** Reads the variables for a build that starts now. */
export function armFaults(): void {
  killAfter = positive(process.env['BROADSHEET_TEST_KILL_AFTER_RENAMES']) ?? 0
  failAt = positive(process.env['BROADSHEET_TEST_FAIL_AT_RENAME']) ?? 0
  renames = 0
  budget = positive(process.env['BROADSHEET_TEST_DISK_BYTES']) ?? Number.POSITIVE_INFINITY
}

function positive(text: string | undefined): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null
  return Number(text)
}

/** Called after each rename that changes the output folder. */
export function outputRenamed(): void {
  if (killAfter === 0 && failAt === 0) return
  renames++
  if (killAfter > 0 && renames >= killAfter) process.kill(process.pid, 'SIGKILL')
  if (renames === failAt) throw Object.assign(new Error(`EIO: i/o error, rename (injected at output rename ${failAt})`), {code: 'EIO', syscall: 'rename'})
}

/** Called before `bytes` are written to `file`. */
export function chargeWrite(file: string, bytes: number): void {
  if (budget === Number.POSITIVE_INFINITY) return
  if (bytes > budget) {
    budget = 0
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {code: 'ENOSPC', errno: -28, syscall: 'write', path: file})
  }
  budget -= bytes
}
