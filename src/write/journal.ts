// The journal of an incremental build's commit (write/site-writer.ts): written, and synced to the
// disk, before the first change to the output folder, and removed once the new manifest is in
// place. It lists the files the commit moves in (and which of them are new) and the files it
// removes; every file it replaces or removes is moved, not deleted, into the undo folder, under its
// number in those lists (`m12`, `r3`: one flat folder, no folder a file to make). That is all it
// takes to put the output folder back as it was: remove the new files, move the undo folder's
// files back to where the lists say they came from. A commit that fails does so at
// once; one that was killed is found by the next start (write/recover.ts), which does the same
// unless the manifest the journal names is in place (the commit got that far: the new site is
// whole, and only the undo folder is left to remove).
import {existsSync, mkdirSync, renameSync, rmdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {readCacheFile, writeCacheFile} from '../cache/file.ts'
import {containedPath} from './output.ts'

export interface Journal {
  format: 2
  /** The process that commits: a journal of a live process is its business, not a leftover. */
  pid: number
  /** The output folder, resolved. */
  out: string
  staging: string
  undo: string
  /** Files the commit moves in, in order; the old file at `moves[i]` is kept aside as `m<i>`. */
  moves: string[]
  /** Of those, the files the output folder did not have. */
  added: string[]
  /** Files the commit removes; `removes[i]` is kept aside as `r<i>`. */
  removes: string[]
  /** The id of the manifest that the commit puts in place last. */
  manifest: string
}

/** What a build keeps of an output folder in `.broadsheet-cache/` beside it. */
/** Writes the journal durably: it must be on the disk before the output folder changes. */
export function writeJournal(file: string, journal: Journal): void {
  writeCacheFile(file, JSON.stringify(journal), {sync: true})
}

/** The journal in `file`: null if there is none, 'damaged' if there is one that cannot be read. */
export function readJournal(file: string): Journal | null | 'damaged' {
  if (!existsSync(file)) return null
  const payload = readCacheFile(file)
  if (payload === null) return 'damaged'
  try {
    const journal = JSON.parse(payload.toString('utf8')) as Journal
    const valid =
      journal.format === 2 &&
      Number.isInteger(journal.pid) &&
      [journal.out, journal.staging, journal.undo, journal.manifest].every((s) => typeof s === 'string') &&
      [journal.moves, journal.added, journal.removes].every((list) => Array.isArray(list) && list.every((s) => typeof s === 'string'))
    return valid ? journal : 'damaged'
  } catch {
    return 'damaged'
  }
}

export interface RolledBack {
  /** Whether the output folder is now as it was before the commit. */
  ok: boolean
  /** Files put back from the undo folder. */
  restored: number
  /** Files the commit had added, removed. */
  removed: number
}

/** Where the file the output had at `moves[index]` (kind 'm') or `removes[index]` ('r') is kept during a commit. */
export function asideName(kind: 'm' | 'r', index: number): string {
  return `${kind}${index}`
}

/**
 * Puts the output folder back as it was before the journal's commit. Safe to run again after it
 * was stopped halfway: what was put back is no longer in the undo folder.
 */
export function rollBack(journal: Journal): RolledBack {
  const target = journal.out
  // The undo folder is made before the journal is written: without it the old files are lost.
  let ok = existsSync(journal.undo)
  let restored = 0
  let removed = 0
  for (const file of journal.added) {
    try {
      const destination = containedPath(target, file)
      if (existsSync(destination)) {
        rmSync(destination)
        removed++
      }
      removeEmptyParents(target, path.dirname(destination))
    } catch {
      ok = false
    }
  }
  const putBack = (kind: 'm' | 'r', files: string[]) => {
    for (const [index, file] of files.entries()) {
      try {
        const destination = containedPath(target, file)
        const aside = path.join(journal.undo, asideName(kind, index))
        if (!existsSync(aside)) continue
        mkdirSync(path.dirname(destination), {recursive: true})
        renameSync(aside, destination)
        restored++
      } catch {
        ok = false
      }
    }
  }
  if (ok) {
    putBack('m', journal.moves)
    putBack('r', journal.removes)
  }
  if (ok) {
    rmSync(journal.undo, {recursive: true, force: true})
    rmSync(journal.staging, {recursive: true, force: true})
  }
  return {ok, restored, removed}
}

/** Removes `dir` and its parents up to `root` while they are empty. */
export function removeEmptyParents(root: string, dir: string): void {
  for (let current = dir; path.relative(root, current) !== '' && !path.relative(root, current).startsWith('..'); current = path.dirname(current)) {
    try {
      rmdirSync(current)
    } catch {
      return
    }
  }
}
