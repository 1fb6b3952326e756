// What a build that was killed (SIGKILL, power cut, the OOM killer) leaves behind, put right at the
// next start of build, dev or preview, before anything trusts the output folder or the cache:
//
// - `.dist.staging-<pid>-<id>.old` with no `dist`: killed between the two renames of a cold
//   build's swap (write/output.ts). The previous site is renamed back into place.
// - a journal (write/journal.ts): killed while an incremental build moved files into `dist`. The
//   files it replaced are put back and those it added removed, so `dist` is the previous site
//   again and the manifest, which the killed build had not replaced, describes it. If the
//   journal is damaged, the files are put back as far as the undo folder allows and the manifest
//   is removed, so that the next build makes every page and swaps in a whole new site.
// - staging, `.old` and `.undo` folders and temporary cache files of processes that are gone;
//   and a folder a finished build discarded (disk/discard.ts) whose remover has stopped.
//
// Each of these is said, one line each, by whoever calls `recoverOutput`.
import {existsSync, readdirSync, renameSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {count} from '../text/count.ts'
import {OutputFailure} from './failure.ts'
import {isTrash} from '../disk/discard.ts'
import {removeTrash} from '../disk/remove-tree.js'
import {outputCachePaths, readManifestFile} from '../cache/manifest.ts'
import {readJournal, rollBack, type Journal} from './journal.ts'

/** Whether process `pid` is running: its leftovers are its own business. */
function alive(pid: number | null): boolean {
  if (pid === null) return false
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface Leftover {
  name: string
  pid: number | null
  kind: 'staging' | 'old' | 'undo'
}

/** Folders beside `target` that builds of it make: `.dist.staging-<pid>-<id>[.old|.undo]`. */
function leftoversOf(target: string): Leftover[] {
  const pattern = new RegExp(`^\\.${escaped(path.basename(target))}\\.staging-(?:(\\d+)-)?[0-9a-f]+(\\.old|\\.undo)?$`)
  let names: string[]
  try {
    names = readdirSync(path.dirname(target))
  } catch {
    return []
  }
  return names.flatMap((name) => {
    const match = pattern.exec(name)
    if (match === null) return []
    const kind = match[2] === '.old' ? 'old' : match[2] === '.undo' ? 'undo' : 'staging'
    return [{name, pid: match[1] === undefined ? null : Number(match[1]), kind} as Leftover]
  })
}

/**
 * Puts right what a killed build of `out` left, and returns a line for each thing it did (none
 * when there was nothing). Throws an OutputFailure when the output folder cannot be put back.
 */
export function recoverOutput(out: string): string[] {
  const target = path.resolve(out)
  const parent = path.dirname(target)
  const lines: string[] = []
  const paths = outputCachePaths(target)

  // 1. No output folder, and the previous one set aside by a swap that did not finish.
  const leftovers = leftoversOf(target)
  if (!existsSync(target)) {
    // Whoever made it, it is the only copy of the site; the newest if builds died twice.
    const olds = leftovers.filter((l) => l.kind === 'old').sort((a, b) => changed(path.join(parent, b.name)) - changed(path.join(parent, a.name)))
    const old = olds[0]
    if (old !== undefined) {
      try {
        renameSync(path.join(parent, old.name), target)
      } catch (error) {
        throw new OutputFailure(error, {kind: 'missing', old: path.join(parent, old.name)})
      }
      leftovers.splice(leftovers.indexOf(old), 1)
      // The manifest, if the swap left one, is still the previous build's: the swap removes it
      // before the new site takes the old one's place.
      lines.push(`${out} was missing: a build was stopped between the two renames of its final swap; put the previous output back from ${old.name}`)
    }
  }

  // 2. An incremental build's commit that did not finish.
  const journal = readJournal(paths.journal)
  let undone: string | null = null
  if (journal === 'damaged') {
    // Which files it moved is lost, and with it where the files it kept aside belong: the next
    // build makes every page and swaps in a whole new site.
    rmSync(paths.manifest, {force: true})
    rmSync(paths.journal, {force: true})
    lines.push(`${out}: a build was stopped while it replaced files, and its journal is damaged; every page will be made again`)
  } else if (journal !== null && !alive(journal.pid)) {
    undone = journal.undo
    lines.push(finish(out, journal, paths.manifest))
    rmSync(paths.journal, {force: true})
  }

  // 3. What is left of builds that are gone.
  const removed: string[] = []
  for (const leftover of leftovers) {
    const folder = path.join(parent, leftover.name)
    if (alive(leftover.pid) || folder === undone || !existsSync(folder)) continue
    // An undo folder no journal names (the cache was deleted, or the journal damaged): the files
    // it kept aside cannot be put back, and no manifest may be trusted.
    if (leftover.kind === 'undo') rmSync(paths.manifest, {force: true})
    rmSync(folder, {recursive: true, force: true})
    removed.push(leftover.name)
  }
  if (removed.length > 0) lines.push(`removed ${count(removed.length, 'folder')} left beside ${out} by a build that was stopped: ${removed.join(', ')}`)

  removeStalledTrash(target)
  const temporary = removeTemporaryFiles([paths.dir, path.join(paths.dir, 'parsed')])
  if (temporary > 0) lines.push(`removed ${count(temporary, 'temporary file')} left in ${path.relative(process.cwd(), paths.dir) || paths.dir} by a build that was stopped`)
  return lines
}

/**
 * A folder a build discarded (disk/discard.ts) changes as its remover empties it; one unchanged for
 * this long has no remover left (the machine stopped), and is removed here. A live remover's
 * folder is left to it, and neither is worth a line: the site is as it should be.
 */
const STALLED_TRASH_MS = 60_000

function removeStalledTrash(target: string): void {
  const parent = path.dirname(target)
  const prefix = `.${path.basename(target)}.trash-`
  let names: string[]
  try {
    names = readdirSync(parent).filter((name) => name.startsWith(prefix) && isTrash(name))
  } catch {
    return
  }
  for (const name of names) {
    const folder = path.join(parent, name)
    if (Date.now() - modified(folder) > STALLED_TRASH_MS) removeTrash(folder)
  }
}

/** A killed commit: finished if its manifest is in place, else undone. */
function finish(out: string, journal: Journal, manifestFile: string): string {
  if (readManifestFile(manifestFile)?.id === journal.manifest) {
    rmSync(journal.undo, {recursive: true, force: true})
    rmSync(journal.staging, {recursive: true, force: true})
    return `${out}: a build was stopped after its last step; removed the previous files it had kept aside`
  }
  const result = rollBack(journal)
  if (result.ok) {
    const undone = [result.restored > 0 ? `put the previous version of ${count(result.restored, 'file')} back` : '', result.removed > 0 ? `removed ${count(result.removed, 'file')} it had added` : ''].filter((part) => part !== '')
    return `${out}: a build was stopped while it replaced files; ${undone.length === 0 ? 'it had changed nothing yet' : undone.join(' and ')}, so ${out} is the previous output again`
  }
  // The build that follows makes every page and swaps in a whole new site: what is left aside is of no more use.
  rmSync(manifestFile, {force: true})
  rmSync(journal.undo, {recursive: true, force: true})
  rmSync(journal.staging, {recursive: true, force: true})
  return `${out}: a build was stopped while it replaced files, and not every file could be put back; every page will be made again`
}

/** A folder's mtime, which each entry its remover takes out moves on. */
function modified(folder: string): number {
  try {
    return statSync(folder).mtimeMs
  } catch {
    return Date.now()
  }
}

function changed(file: string): number {
  try {
    return statSync(file).ctimeMs
  } catch {
    return 0
  }
}

/** Temporary cache files (`<name>.<pid>.<id>.tmp`, or `<name>.<pid>.tmp` from older versions) of processes that are gone. */
function removeTemporaryFiles(folders: string[]): number {
  let removed = 0
  for (const folder of folders) {
    let names: string[]
    try {
      names = readdirSync(folder)
    } catch {
      continue
    }
    for (const name of names) {
      const match = /\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/.exec(name)
      if (match === null || alive(Number(match[1]))) continue
      rmSync(path.join(folder, name), {force: true})
      removed++
    }
  }
  return removed
}
