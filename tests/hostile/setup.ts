// A content folder of hostile files in a fresh temp folder, with what a fixture folder in git
// cannot hold: symlinks that point outside it, and a secret beside it that must never be read.
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll} from 'vitest'
import type {BuildReport} from '../../src/model/types.ts'
import {walk} from './scan.ts'

export const hostileFixtures = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url))
/** Text that exists only outside the content folder; finding it in the output means a leak. */
export const SECRET = 'SECRET-7d1f0c-OUTSIDE-THE-CONTENT-FOLDER'

export function hostileFolder(): {root: string; content: string} {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-hostile-'))
  const content = path.join(root, 'content')
  cpSync(hostileFixtures, content, {recursive: true})
  writeFileSync(path.join(root, 'secret.txt'), ` date 2022-11-12 ${SECRET}\n\n${SECRET} body.\n`)
  mkdirSync(path.join(root, 'outside'))
  writeFileSync(path.join(root, 'outside', 'story.txt'), ` date 2022-11-12 ${SECRET} folder\n\n${SECRET}.\n`)
  symlinkSync(path.join(root, 'secret.txt'), path.join(content, 'link-to-secret.txt'))
  symlinkSync('../secret.txt', path.join(content, 'relative-link-to-secret.txt'))
  symlinkSync(path.join(root, 'outside'), path.join(content, 'linked-folder'))
  symlinkSync('/etc/passwd', path.join(content, 'passwd.txt'))
  symlinkSync(path.join(content, 'no-such-file.txt'), path.join(content, 'dangling.txt'))
  // `café.txt` in Latin-1: Linux allows any bytes in a name; Node reads it back with U+FFFD.
  writeFileSync(Buffer.concat([Buffer.from(`${content}/caf`), Buffer.from([0xe9]), Buffer.from('-latin-1-name.txt')]), ' date 2022-11-12 Latin-1 name\n\nBody.\n')
  return {root, content}
}

export type Fate = 'story' | 'failed' | 'duplicate' | 'skipped'

/**
 * Each input file's fate according to the report, keyed by its path relative to the content
 * folder. A file named twice (a story that is also skipped) is an error the caller checks.
 */
export function fates(content: string, report: BuildReport): {fate: Map<string, Fate[]>; inputs: string[]} {
  const fate = new Map<string, Fate[]>()
  const add = (source: string, kind: Fate) => {
    const rel = path.relative(content, source).split(path.sep).join('/')
    fate.set(rel, [...(fate.get(rel) ?? []), kind])
  }
  for (const s of report.stories) add(s.source, 'story')
  for (const d of report.duplicates) add(d.source, 'duplicate')
  for (const s of report.skipped) add(s.source, 'skipped')
  const told = new Set(fate.keys())
  // A file with an error and no story is a failed file; its errors may be several.
  for (const e of report.errors) if (!told.has(path.relative(content, e.source).split(path.sep).join('/'))) add(e.source, 'failed')
  for (const [rel, kinds] of fate) if (kinds.every((k) => k === 'failed')) fate.set(rel, ['failed'])
  return {fate, inputs: walk(content)}
}

const SUMMARY = /^(\d+) files? → (\d+) stor(?:y|ies), (\d+) output files?; (\d+) errors?, (\d+) warnings?, (\d+) duplicates?, (\d+) skipped in [\d.]+ s$/m

export function summaryLine(stdout: string) {
  const m = SUMMARY.exec(stdout)
  if (!m) throw new Error(`no summary line in ${JSON.stringify(stdout)}`)
  const [files, stories, pages, errors, warnings, duplicates, skipped] = m.slice(1).map(Number) as [number, number, number, number, number, number, number]
  return {files, stories, pages, errors, warnings, duplicates, skipped}
}

/** Path → sha256 of every file under `dir`: "byte-identical" made checkable. */
export function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(walk(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]))
}

/** Staging folders the writer makes beside the output: `.dist.staging-*`, `..dist.changes.staging-*`. */
export function staging(root: string): string[] {
  return readdirSync(root).filter((name) => /^\.+dist\..*staging/.test(name) || name.endsWith('.old'))
}

const made: string[] = []
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true})
})

/** Removes `dir` when the test file's tests are done. */
export function removeLater(dir: string): void {
  made.push(dir)
}

/** A temp folder of this test file's, removed when its tests are done. */
export function tempFolder(prefix: string): string {
  const root = mkdtempSync(path.join(tmpdir(), prefix))
  removeLater(root)
  return root
}
