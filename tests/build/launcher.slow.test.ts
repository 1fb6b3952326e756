// bin/broadsheet.js runs the CLI from the bundle scripts/bundle.js makes (`npm run bundle`) while it
// records the hash of the source as it is, and through tsx otherwise. Each test runs them in a copy
// of the repo (bin, src, templates, scripts/bundle.js, package.json, package-lock.json,
// tsconfig.json, and node_modules as links to the real packages), so edits others make to src/
// meanwhile cannot change the hash between two runs, and no test touches the repo's own bundle/.
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {repo, seedPath, tree, writeContent} from './fixture.ts'

const tsxCli = path.join(repo, 'node_modules/tsx/dist/cli.mjs')
const copies: string[] = []

// rmSync removes the links in a copy's node_modules, never the packages they point to.
afterAll(() => {
  for (const root of copies) rmSync(root, {recursive: true, force: true})
})

/** A copy of the repo to launch from, without a bundle. */
function copyRepo(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-launcher-'))
  copies.push(root)
  for (const item of ['bin', 'src', 'templates', 'scripts/bundle.js', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.join(repo, item), path.join(root, item), {recursive: true})
  }
  mkdirSync(path.join(root, 'node_modules'))
  for (const name of readdirSync(path.join(repo, 'node_modules'))) {
    if (name.startsWith('.')) continue
    symlinkSync(path.join(repo, 'node_modules', name), path.join(root, 'node_modules', name))
  }
  return root
}

/** The hash of the source, computed here from its description (src/disk/source-hash.js). */
function expectedHash(root: string): string {
  const src = (readdirSync(path.join(root, 'src'), {recursive: true}) as string[])
    .filter((file) => /\.[jt]s$/.test(file) && statSync(path.join(root, 'src', file)).isFile())
    .map((file) => `src/${file.split(path.sep).join('/')}`)
    .sort()
  const hash = createHash('sha256')
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/bundle.js', ...src]) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

const bundleFile = (root: string) => path.join(root, 'bundle/cli/cli.mjs')
const bundleFolder = (root: string) => readdirSync(path.join(root, 'bundle/cli')).sort()

type Run = {status: number | null; stdout: string; stderr: string}

function bundle(root: string): Run {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/bundle.js')], {cwd: root, encoding: 'utf8'})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

function launch(root: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/broadsheet.js'), ...args], {cwd, encoding: 'utf8', env: {...process.env, ...env}})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

function viaTsx(root: string, args: string[], cwd: string): Run {
  const run = spawnSync(process.execPath, [tsxCli, path.join(root, 'src/cli.ts'), ...args], {cwd, encoding: 'utf8'})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

function editSource(root: string, n = 1): void {
  const slug = path.join(root, 'src/model/slug.ts')
  writeFileSync(slug, `${readFileSync(slug, 'utf8')}\n// edit ${n}\n`)
}

/**
 * Changes the usage line in the bundle only, its recorded hash kept: `--help` then tells which of
 * the two ran, the bundle or the source.
 */
function markBundle(root: string): void {
  const file = bundleFile(root)
  const text = readFileSync(file, 'utf8')
  expect(text).toContain('Usage: broadsheet <command>')
  writeFileSync(file, text.replace('Usage: broadsheet <command>', 'Usage: BUNDLED <command>'))
}

/** The seed and a generated story of each section, in a temp folder that is also the working directory. */
function someContent(): {root: string; content: string} {
  const files: Record<string, string | Uint8Array> = {'seed.txt': readFileSync(seedPath)}
  for (const [name, text] of Object.entries(plainFiles(3))) files[name.replace('/', '-')] = text
  return writeContent(files)
}

/** The summary line without its timing, the one part two runs may not share. */
const untimed = (stdout: string) => stdout.replace(/ in \d+\.\d s\n$/, '')

const debug = {DEBUG: 'broadsheet:launcher'}
const fromBundle = (root: string) => `broadsheet:launcher bundle/cli/cli.mjs, made from source ${expectedHash(root)}\n`

describe('scripts/bundle.js', () => {
  it('bundles src/cli.ts into bundle/cli/cli.mjs, recording the source hash on its second line, and leaves nothing else', () => {
    const root = copyRepo()
    const made = bundle(root)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(new RegExp(`^bundle/cli/cli\\.mjs: src/cli\\.ts bundled, source ${expectedHash(root)}, in \\d+\\.\\d s\\n$`))
    expect(bundleFolder(root)).toEqual(['cli.mjs'])
    expect(readFileSync(bundleFile(root), 'utf8').split('\n', 2)).toEqual(['#!/usr/bin/env node', `// broadsheet source ${expectedHash(root)}`])
  })

  it('does nothing when the bundle is of the current source, and replaces it by a rename after an edit', () => {
    const root = copyRepo()
    expect(bundle(root).status).toBe(0)
    const first = statSync(bundleFile(root))
    const again = bundle(root)
    expect(again).toEqual({status: 0, stdout: '', stderr: ''})
    const same = statSync(bundleFile(root))
    expect([same.ino, same.mtimeMs]).toEqual([first.ino, first.mtimeMs])

    editSource(root)
    expect(bundle(root).status).toBe(0)
    // A new file renamed over the old one: a launcher that opened the old one reads it whole.
    expect(statSync(bundleFile(root)).ino).not.toBe(first.ino)
    expect(readFileSync(bundleFile(root), 'utf8')).toContain(`// broadsheet source ${expectedHash(root)}\n`)
    expect(bundleFolder(root)).toEqual(['cli.mjs'])
  })

  it('keeps the previous bundle, byte for byte, when bundling fails', () => {
    const root = copyRepo()
    expect(bundle(root).status).toBe(0)
    const before = readFileSync(bundleFile(root))
    const slug = path.join(root, 'src/model/slug.ts')
    writeFileSync(slug, `${readFileSync(slug, 'utf8')}\nexport const broken = (\n`)
    const failed = bundle(root)
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(/src\/model\/slug\.ts/)
    expect(failed.stderr).toMatch(/^bundle: Build failed with 1 error/m)
    expect(readFileSync(bundleFile(root)).equals(before)).toBe(true)
    expect(bundleFolder(root)).toEqual(['cli.mjs'])
  })

  it('lets two runs started together both succeed, leaving one whole bundle the launcher runs', async () => {
    const root = copyRepo()
    const start = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.join(root, 'scripts/bundle.js')], {cwd: root, stdio: 'ignore'})
        child.once('exit', resolve)
      })
    expect(await Promise.all([start(), start()])).toEqual([0, 0])
    expect(bundleFolder(root)).toEqual(['cli.mjs'])
    const {root: work} = writeContent({})
    const launched = launch(root, ['--help'], work, debug)
    expect(launched.status).toBe(0)
    expect(launched.stderr).toBe(fromBundle(root))
    expect(launched.stdout).toBe(viaTsx(root, ['--help'], work).stdout)
  })
})

describe('bin/broadsheet.js', () => {
  // One bundled copy for the tests that change nothing in it.
  let bundled = ''
  beforeAll(() => {
    bundled = copyRepo()
    const made = bundle(bundled)
    expect(made.status, made.stderr).toBe(0)
  })

  function buildBoth(root: string, extra: string[] = []) {
    const {root: work, content} = someContent()
    const args = (out: string) => ['build', '--content', content, '--out', path.join(work, out), '--no-cache', '--quiet', ...extra]
    const launched = launch(root, args('launched'), work, debug)
    const compiled = viaTsx(root, args('compiled'), work)
    return {work, launched, compiled}
  }

  it('builds a site from the bundle byte for byte as `tsx src/cli.ts build` does', () => {
    const {work, launched, compiled} = buildBoth(bundled)
    expect(launched.status).toBe(0)
    expect(compiled.status).toBe(0)
    expect(launched.stderr).toBe(fromBundle(bundled) + compiled.stderr)
    expect(untimed(launched.stdout)).toBe(untimed(compiled.stdout))
    expect(untimed(launched.stdout)).toMatch(/^4 files → 4 stories, \d+ output files; 0 errors/)
    const built = tree(path.join(work, 'launched'))
    expect(Object.keys(built).length).toBeGreaterThan(10)
    expect(built).toEqual(tree(path.join(work, 'compiled')))
  })

  it('renders on two threads from the bundle as tsx does, the threads never running the command line', () => {
    // A render thread loads the whole bundle, src/cli.ts included; run there, the CLI would print its
    // usage or start a second build.
    const {work, launched, compiled} = buildBoth(bundled, ['--jobs', '2'])
    expect(launched.status).toBe(0)
    expect(compiled.status).toBe(0)
    expect(launched.stderr).toBe(fromBundle(bundled) + compiled.stderr)
    expect(untimed(launched.stdout)).toBe(untimed(compiled.stdout))
    expect(launched.stdout.split('\n')).toHaveLength(2)
    expect(tree(path.join(work, 'launched'))).toEqual(tree(path.join(work, 'compiled')))
  })

  it('answers no command, --help and an unknown command exactly as the tsx CLI does, printing nothing more', () => {
    const {root: work} = writeContent({})
    for (const args of [[], ['--help'], ['frobnicate']]) {
      expect(launch(bundled, args, work)).toEqual(viaTsx(bundled, args, work))
    }
    expect(launch(bundled, [], work).status).toBe(2)
    expect(launch(bundled, ['--help'], work)).toMatchObject({status: 0, stdout: expect.stringMatching(/^Usage: broadsheet <command>/), stderr: ''})
  })

  it('runs the bundle while it records the source hash, and the source through tsx, silently, once the source is edited', () => {
    const root = copyRepo()
    expect(bundle(root).status).toBe(0)
    markBundle(root)
    const {root: work, content} = someContent()
    expect(launch(root, ['--help'], work)).toMatchObject({status: 0, stdout: expect.stringMatching(/^Usage: BUNDLED <command>/), stderr: ''})
    const args = (out: string) => ['build', '--content', content, '--out', path.join(work, out), '--no-cache', '--quiet']
    const fromTheBundle = launch(root, args('bundle'), work)
    expect(fromTheBundle.status).toBe(0)
    const bundleStat = statSync(bundleFile(root))

    editSource(root)
    const help = launch(root, ['--help'], work)
    expect(help).toEqual(viaTsx(root, ['--help'], work))
    expect(help.stdout).toMatch(/^Usage: broadsheet <command>/)
    expect(launch(root, ['--help'], work, debug).stderr).toMatch(new RegExp(`^broadsheet:launcher src/cli\\.ts through tsx: the source is ${expectedHash(root)}, the bundle's [0-9a-f]{16}\\n$`))
    const fromSource = launch(root, args('source'), work)
    expect(fromSource.status).toBe(0)
    expect(fromSource.stderr).toBe(fromTheBundle.stderr)
    expect(untimed(fromSource.stdout)).toBe(untimed(fromTheBundle.stdout))
    expect(tree(path.join(work, 'source'))).toEqual(tree(path.join(work, 'bundle')))
    // The launcher bundles nothing: the old bundle is as it was, alone.
    const after = statSync(bundleFile(root))
    expect([after.ino, after.mtimeMs]).toEqual([bundleStat.ino, bundleStat.mtimeMs])
    expect(bundleFolder(root)).toEqual(['cli.mjs'])

    // Bundled again, the launcher runs the new bundle.
    expect(bundle(root).status).toBe(0)
    expect(launch(root, ['--help'], work, debug)).toMatchObject({status: 0, stdout: help.stdout, stderr: fromBundle(root)})
  })

  it('runs the source through tsx, with one line that says how to make the bundle, when there is none', () => {
    const root = copyRepo()
    const {root: work} = writeContent({})
    const launched = launch(root, ['--help'], work)
    expect(launched.status).toBe(0)
    expect(launched.stdout).toBe(viaTsx(root, ['--help'], work).stdout)
    expect(launched.stderr).toBe('broadsheet: no bundle/cli/cli.mjs (`npm run bundle` makes it); running src/cli.ts through tsx\n')
  })

  it('serves the dev client from the bundle, read from src/serve/dev-client.js', async () => {
    const {root: work, content} = someContent()
    const child = spawn(process.execPath, [path.join(bundled, 'bin/broadsheet.js'), 'dev', '--port', '0', '--content', content, '--out', path.join(work, 'dist')], {
      cwd: work,
      env: {...process.env, ...debug},
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      output += chunk
      stderr += chunk
    })
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk
          const found = /at (http:\/\/\S+\/)/.exec(output)
          if (found?.[1]) resolve(found[1])
        })
        child.once('exit', (code) => reject(new Error(`dev exited with ${code}:\n${output}`)))
      })
      expect(stderr.startsWith(fromBundle(bundled)), stderr).toBe(true)
      const response = await fetch(`${url}__broadsheet/dev.js`)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(readFileSync(path.join(bundled, 'src/serve/dev-client.js'), 'utf8'))
    } finally {
      child.kill('SIGTERM')
      await exited
    }
  })
})
