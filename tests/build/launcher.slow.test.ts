// bin/broadsheet.js runs the CLI from an esbuild bundle cached per version of the source. Each test
// runs it in a copy of the repo (bin, src, templates, package.json, package-lock.json,
// tsconfig.json, and node_modules as links to the real packages), so edits others make to src/
// meanwhile cannot change the hash between two runs, and no test touches the repo's own
// node_modules/.broadsheet/.
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {repo, seedPath, tree, writeContent} from './fixture.ts'

const tsxCli = path.join(repo, 'node_modules/tsx/dist/cli.mjs')
const copies: string[] = []

// rmSync removes the links in a copy's node_modules, never the packages they point to.
afterAll(() => {
  for (const root of copies) rmSync(root, {recursive: true, force: true})
})

/** A copy of the repo to launch from; `without` names packages left out of its node_modules. */
function copyRepo(without: string[] = []): string {
  const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-launcher-'))
  copies.push(root)
  for (const item of ['bin', 'src', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.join(repo, item), path.join(root, item), {recursive: true})
  }
  mkdirSync(path.join(root, 'node_modules'))
  for (const name of readdirSync(path.join(repo, 'node_modules'))) {
    if (name === '.broadsheet' || without.includes(name)) continue
    symlinkSync(path.join(repo, 'node_modules', name), path.join(root, 'node_modules', name))
  }
  return root
}

/** The hash the launcher names its bundle by, computed here from its description. */
function expectedHash(root: string): string {
  const src = (readdirSync(path.join(root, 'src'), {recursive: true}) as string[])
    .filter((file) => /\.[jt]s$/.test(file) && statSync(path.join(root, 'src', file)).isFile())
    .map((file) => `src/${file.split(path.sep).join('/')}`)
    .sort()
  const hash = createHash('sha256')
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'bin/broadsheet.js', ...src]) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

function bundles(root: string): string[] {
  const folder = path.join(root, 'node_modules/.broadsheet')
  return existsSync(folder) ? readdirSync(folder).sort() : []
}

type Run = {status: number | null; stdout: string; stderr: string}

function launch(root: string, args: string[], cwd: string): Run {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/broadsheet.js'), ...args], {cwd, encoding: 'utf8'})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

function viaTsx(root: string, args: string[], cwd: string): Run {
  const run = spawnSync(process.execPath, [tsxCli, path.join(root, 'src/cli.ts'), ...args], {cwd, encoding: 'utf8'})
  return {status: run.status, stdout: run.stdout, stderr: run.stderr}
}

/** The seed and a generated story of each section, in a temp folder that is also the working directory. */
function someContent(): {root: string; content: string} {
  const files: Record<string, string | Uint8Array> = {'seed.txt': readFileSync(seedPath)}
  for (const [name, text] of Object.entries(plainFiles(3))) files[name.replace('/', '-')] = text
  return writeContent(files)
}

/** The summary line without its timing, the one part two runs may not share. */
const untimed = (stdout: string) => stdout.replace(/ in \d+\.\d s\n$/, '')

function buildBoth(root: string, extra: string[] = []) {
  const {root: work, content} = someContent()
  const args = (out: string) => ['build', '--content', content, '--out', path.join(work, out), '--no-cache', '--quiet', ...extra]
  const launched = launch(root, args('launched'), work)
  const compiled = viaTsx(root, args('compiled'), work)
  return {work, launched, compiled}
}

describe('bin/broadsheet.js', () => {
  it('builds a site byte for byte as `tsx src/cli.ts build` does, from a bundle named by the source hash', () => {
    const root = copyRepo()
    const {work, launched, compiled} = buildBoth(root)
    expect(launched.status).toBe(0)
    expect(compiled.status).toBe(0)
    expect(launched.stderr).toBe(compiled.stderr)
    expect(untimed(launched.stdout)).toBe(untimed(compiled.stdout))
    expect(untimed(launched.stdout)).toMatch(/^4 files → 4 stories, \d+ output files; 0 errors/)
    const built = tree(path.join(work, 'launched'))
    expect(Object.keys(built).length).toBeGreaterThan(10)
    expect(built).toEqual(tree(path.join(work, 'compiled')))
    expect(bundles(root)).toEqual([`cli-${expectedHash(root)}.mjs`])
  })

  it('renders on two threads from the bundle as tsx does, the threads never running the command line', () => {
    // A render thread loads the whole bundle, src/cli.ts included; run there, the CLI would print its
    // usage or start a second build.
    const root = copyRepo()
    const {work, launched, compiled} = buildBoth(root, ['--jobs', '2'])
    expect(launched.status).toBe(0)
    expect(compiled.status).toBe(0)
    expect(launched.stderr).toBe(compiled.stderr)
    expect(untimed(launched.stdout)).toBe(untimed(compiled.stdout))
    expect(launched.stdout.split('\n')).toHaveLength(2)
    expect(tree(path.join(work, 'launched'))).toEqual(tree(path.join(work, 'compiled')))
  })

  it('reuses the bundle on the next run without rewriting it', () => {
    const root = copyRepo()
    const {root: work, content} = someContent()
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
    const [name] = bundles(root)
    const file = path.join(root, 'node_modules/.broadsheet', name ?? 'none')
    const before = statSync(file)
    const again = launch(root, ['check', '--content', content], work)
    expect(again.status).toBe(0)
    expect(again.stdout).toMatch(/^4 files, 4 articles, 0 errors/m)
    const after = statSync(file)
    expect(bundles(root)).toEqual([name])
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
  })

  it('makes a new bundle when the source changes and removes the old one', () => {
    const root = copyRepo()
    const {root: work, content} = someContent()
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
    const old = bundles(root)
    const slug = path.join(root, 'src/model/slug.ts')
    writeFileSync(slug, `${readFileSync(slug, 'utf8')}\n// an edit\n`)
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
    expect(bundles(root)).toEqual([`cli-${expectedHash(root)}.mjs`])
    expect(bundles(root)).not.toEqual(old)
  })

  it('keeps an older bundle while a running process holds a lease on it, and removes it once that process has ended', () => {
    const root = copyRepo()
    const {root: work, content} = someContent()
    const edit = (n: number) => {
      const slug = path.join(root, 'src/model/slug.ts')
      writeFileSync(slug, `${readFileSync(slug, 'utf8')}\n// edit ${n}\n`)
    }
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
    const [first] = bundles(root)
    // A launcher leaves no lease behind once it has exited.
    expect(bundles(root)).toEqual([first])
    // This test's own process is running: as if a long build were still using the first bundle.
    const running = `${first!.replace(/\.mjs$/, '')}.${process.pid}.lease`
    writeFileSync(path.join(root, 'node_modules/.broadsheet', running), '')
    edit(1)
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
    const second = `cli-${expectedHash(root)}.mjs`
    expect(bundles(root)).toEqual([first, running, second].sort())
    // The same lease, now of a process that has ended.
    const ended = spawnSync(process.execPath, ['-e', '']).pid
    rmSync(path.join(root, 'node_modules/.broadsheet', running))
    writeFileSync(path.join(root, 'node_modules/.broadsheet', `${first!.replace(/\.mjs$/, '')}.${ended}.lease`), '')
    edit(2)
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
    expect(bundles(root)).toEqual([`cli-${expectedHash(root)}.mjs`])
  })

  it('answers no command, --help and an unknown command exactly as the tsx CLI does', () => {
    const root = copyRepo()
    const {root: work} = writeContent({})
    for (const args of [[], ['--help'], ['frobnicate']]) {
      const launched = launch(root, args, work)
      expect(launched).toEqual(viaTsx(root, args, work))
    }
    expect(launch(root, [], work).status).toBe(2)
    expect(launch(root, ['--help'], work)).toMatchObject({status: 0, stdout: expect.stringMatching(/^Usage: broadsheet <command>/)})
  })

  it('lets two launchers started together on new source both run, leaving one whole bundle', async () => {
    const root = copyRepo()
    const {root: work, content} = someContent()
    const start = (out: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.join(root, 'bin/broadsheet.js'), 'build', '--content', content, '--out', path.join(work, out), '--no-cache', '--quiet'], {cwd: work, stdio: 'ignore'})
        child.once('exit', resolve)
      })
    expect(await Promise.all([start('one'), start('two')])).toEqual([0, 0])
    expect(tree(path.join(work, 'one'))).toEqual(tree(path.join(work, 'two')))
    expect(bundles(root)).toEqual([`cli-${expectedHash(root)}.mjs`])
    // The bundle is complete: a third run imports it as it is.
    expect(launch(root, ['check', '--content', content], work).status).toBe(0)
  })

  it('runs the CLI through tsx when esbuild is not installed', () => {
    const root = copyRepo(['esbuild'])
    const {work, launched, compiled} = buildBoth(root)
    expect(launched.status).toBe(0)
    expect(launched.stderr).toBe(compiled.stderr)
    expect(untimed(launched.stdout)).toBe(untimed(compiled.stdout))
    expect(tree(path.join(work, 'launched'))).toEqual(tree(path.join(work, 'compiled')))
    expect(bundles(root)).toEqual([])
  })

  it('runs the CLI through tsx, with a note, when the bundle cannot be written', () => {
    const root = copyRepo()
    writeFileSync(path.join(root, 'node_modules/.broadsheet'), 'a file where the folder should be')
    const {root: work} = writeContent({})
    const launched = launch(root, ['--help'], work)
    expect(launched.status).toBe(0)
    expect(launched.stdout).toBe(viaTsx(root, ['--help'], work).stdout)
    expect(launched.stderr).toMatch(/^broadsheet: could not bundle src\/cli\.ts \(.*\); running it through tsx\n$/)
  })

  it('serves the dev client from the bundle, read from src/serve/dev-client.js', async () => {
    const root = copyRepo()
    const {root: work, content} = someContent()
    const child = spawn(process.execPath, [path.join(root, 'bin/broadsheet.js'), 'dev', '--port', '0', '--content', content, '--out', path.join(work, 'dist')], {
      cwd: work,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stderr.on('data', (chunk) => (output += chunk))
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
      const response = await fetch(`${url}__broadsheet/dev.js`)
      expect(response.status).toBe(200)
      expect(await response.text()).toBe(readFileSync(path.join(root, 'src/serve/dev-client.js'), 'utf8'))
      // The running server holds a lease on its bundle, so a launcher on newer source keeps it.
      expect(bundles(root)).toEqual([`cli-${expectedHash(root)}.mjs`, `cli-${expectedHash(root)}.${child.pid}.lease`].sort())
    } finally {
      child.kill('SIGTERM')
      await exited
    }
    expect(bundles(root)).toEqual([`cli-${expectedHash(root)}.mjs`])
  })
})
