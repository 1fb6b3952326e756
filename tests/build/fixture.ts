// Hugo-style integration fixture: write a few content files to a temp folder, build, read the output.
import {mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll} from 'vitest'
import {build, type BuildOptions, type BuildResult} from '../../src/build/index.ts'
import {bundledTemplates} from '../../src/read/templates.ts'

/** The seed: the bundled sample content, the one story of the portal's shape the repository carries. */
export const seedPath = new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url).pathname

export interface Built {
  root: string
  content: string
  out: string
  result: BuildResult
  read(file: string): string
  exists(file: string): boolean
  files(): string[]
}

// Every folder a test file made goes when its tests are done, not at the end of the run
// (tests/temp-folder.ts): the outputs of whole-corpus builds would otherwise pile up on disk.
const roots: string[] = []
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, {recursive: true, force: true})
})

export function writeContent(files: Record<string, string | Uint8Array>): {root: string; content: string} {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-'))
  roots.push(root)
  const content = path.join(root, 'content')
  mkdirSync(content)
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(content, name)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, text)
  }
  return {root, content}
}

export async function buildIn(
  root: string,
  options: Partial<BuildOptions> = {}
): Promise<Built> {
  const content = options.content ?? path.join(root, 'content')
  const out = options.out ?? path.join(root, 'dist')
  const result = await build({content, out, templates: bundledTemplates, strict: false, drafts: false, cache: false, ...options})
  return {
    root,
    content,
    out,
    result,
    read: (file) => readFileSync(path.join(out, file), 'utf8'),
    exists: (file) => existsSync(path.join(out, file)),
    files: () => listFiles(out)
  }
}

export async function buildFiles(files: Record<string, string | Uint8Array>, options: Partial<BuildOptions> = {}) {
  const {root} = writeContent(files)
  return buildIn(root, options)
}

export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return (readdirSync(dir, {recursive: true, withFileTypes: true}) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
}

export function article(date: string, headline: string, body: string[], extra = ''): string {
  return ` date ${date} ${headline}\n\n${extra}${body.join('\n\n')}\n`
}

/** Every file of a folder and its bytes, for byte-for-byte comparisons of two builds. */
export function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const file of listFiles(dir)) files[file] = readFileSync(path.join(dir, file)).toString('base64')
  return files
}

export function writeJson(file: string, value: unknown): string {
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, JSON.stringify(value))
  return file
}

export {repo, runCli} from '../support/cli.ts'
