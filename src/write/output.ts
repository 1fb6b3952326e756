// Writes the site into a fresh folder beside the output folder and swaps it in at the end, so a
// failed or interrupted build leaves the previous site exactly as it was.
//
// The swap is two renames: `dist` → `.dist.staging-<pid>-<id>.old`, then the staging folder →
// `dist`. Between them there is no `dist`; a build killed there leaves the previous site in the
// `.old` folder, and the next start of build, dev or preview renames it back (write/recover.ts).
// Linux can exchange two folders in one step (renameat2 with RENAME_EXCHANGE), but Node cannot
// call it; making `dist` a symlink to versioned folders, swapped by renaming a new symlink over
// it, would close the gap too, but would make the output folder a symlink, which some hosts and
// rsync setups copy as a link rather than as the site. The gap is two system calls long.
import {randomBytes} from 'node:crypto'
import {closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync} from 'node:fs'
import path from 'node:path'
import type {OutputFile} from '../model/types.ts'
import {chargeWrite, outputRenamed} from '../disk/faults.ts'
import {withFolder} from '../disk/folder-error.ts'
import {discardFolder} from '../disk/discard.ts'
import {OutputFailure} from './failure.ts'

export interface Output {
  /** The temporary folder being written. */
  readonly staging: string
  write(file: OutputFile): void
  /**
   * Swap the staging folder in for the output folder. `beforeReplace` runs once the old output is
   * out of the way and before the new one takes its place (the build drops its manifest there).
   * On failure the old output is put back and an OutputFailure says where things stand.
   */
  commit(beforeReplace?: () => void): void
  /** Remove the staging folder; the output folder is untouched. Safe to call twice. */
  abort(): void
  readonly count: number
}

/** The staging folder of a build of `target`: beside it, hidden, named by the process that makes it. */
export function stagingName(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.staging-${process.pid}-${randomBytes(6).toString('hex')}`)
}

export function openOutput(outDir: string): Output {
  const target = path.resolve(outDir)
  const staging = stagingName(target)
  try {
    mkdirSync(staging, {recursive: true})
  } catch (error) {
    throw withFolder(error, path.dirname(target))
  }
  const put = stagingWriter(staging)
  let count = 0
  let open = true

  return {
    staging,
    get count() {
      return count
    },
    write(file) {
      if (!open) throw new Error('output already closed')
      put(file)
      count++
    },
    commit(beforeReplace) {
      if (!open) throw new Error('output already closed')
      open = false
      const old = `${staging}.old`
      const hadOld = existsSync(target)
      if (hadOld) {
        try {
          renameSync(target, old)
        } catch (error) {
          rmSync(staging, {recursive: true, force: true})
          throw new OutputFailure(withFolder(error, path.dirname(target)), {kind: 'unchanged'})
        }
      }
      // No output folder from here until the next rename: a build killed in between is put right
      // by the next start (write/recover.ts).
      try {
        if (hadOld) outputRenamed()
        beforeReplace?.()
        renameSync(staging, target)
      } catch (error) {
        let restored = true
        if (hadOld) {
          try {
            renameSync(old, target)
          } catch {
            restored = false
          }
        }
        rmSync(staging, {recursive: true, force: true})
        throw new OutputFailure(withFolder(error, path.dirname(target)), restored ? {kind: 'unchanged'} : {kind: 'missing', old})
      }
      try {
        outputRenamed()
      } catch (error) {
        throw new OutputFailure(error, {kind: 'replaced'})
      }
      if (hadOld) discardFolder(old, target)
    },
    abort() {
      open = false
      rmSync(staging, {recursive: true, force: true})
    }
  }
}

/**
 * Writes files into a staging folder that exists. Several threads may write into one staging
 * folder at once, each with its own writer: folders are made with `recursive`, which does not mind
 * another thread having made them first.
 */
export function stagingWriter(staging: string): (file: OutputFile) => void {
  const made = new Set<string>([staging])
  return (file) => {
    const destination = containedPath(staging, file.path)
    const folder = path.dirname(destination)
    if (!made.has(folder)) {
      try {
        mkdirSync(folder, {recursive: true})
      } catch (error) {
        throw withFolder(error, staging)
      }
      made.add(folder)
    }
    // `wx`: two pages claiming one path is a bug in the model, never silently last-wins.
    try {
      chargeWrite(destination, typeof file.content === 'string' ? Buffer.byteLength(file.content) : file.content.byteLength)
      writeFileSync(destination, file.content, {flag: 'wx'})
    } catch (error) {
      throw withFolder(error, staging)
    }
  }
}

/**
 * Resolve a page path inside `root`, or throw. `path.relative` rather than `startsWith`, which
 * would take `/dist2` to be inside `/dist`.
 */
/** The text of `file` in the output folder `target` as the last build left it, or null if it has none. */
export function readOutputFile(target: string, file: string): string | null {
  try {
    return readFileSync(containedPath(target, file), 'utf8')
  } catch {
    return null
  }
}

export function containedPath(root: string, relative: string): string {
  if (relative === '' || /[\u0000-\u001f\u007f\\]/.test(relative) || path.isAbsolute(relative)) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: not a plain relative path`)
  }
  const resolved = path.resolve(root, relative)
  const back = path.relative(root, resolved)
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) {
    throw new Error(`refusing to write ${JSON.stringify(relative)}: outside the output folder`)
  }
  return resolved
}

/**
 * Writes `text` to `file` under a temporary name and renames it into place, so a reader never sees
 * half a file; on failure the temporary file goes too. The cache's own files are written by
 * cache/file.ts, which adds a checksum; this is for other files beside the output.
 */
export function writeFileAtomically(file: string, text: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    if (typeof text === 'string') writeFileSync(temporary, text)
    else {
      const fd = openSync(temporary, 'w')
      try {
        for (const piece of text) writeSync(fd, piece)
      } finally {
        closeSync(fd)
      }
    }
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw withFolder(error, path.dirname(file))
  }
}
