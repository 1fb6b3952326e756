// The five faults of the issue "a failed or interrupted build leaves the previous output as it
// was", each injected for real: a SIGKILL at a chosen rename of the output folder (the test hook
// BROADSHEET_TEST_KILL_AFTER_RENAMES, src/write/faults.ts, or strace's syscall injection), a
// tmpfs that fills, a read-only folder in the output. After each, the message must be true of the
// folder, and the next build must give the bytes of a --no-cache build.
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {fingerprint, tempFolder} from '../hostile/setup.ts'
import {article, runCli, seedPath, tree} from './fixture.ts'
import {expectTruthful, leftovers} from './faults.ts'
import {repo} from '../support/cli.ts'

const launcher = path.join(repo, 'bin/broadsheet.js')

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** `broadsheet ...args` in a process of its own, through the launcher a person runs; `prefix` runs it under another program (strace). */
function broadsheet(args: string[], cwd: string, env: Record<string, string> = {}, prefix: string[] = []): Promise<Run> {
  const command = [...prefix, process.execPath, launcher, ...args]
  const child = spawn(command[0]!, command.slice(1), {cwd, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
}

/** A server command (`preview`, `dev`) started until it says where it serves, then stopped. */
async function serveBriefly(args: string[], cwd: string): Promise<{stdout: string; stderr: string}> {
  const child = spawn(process.execPath, [launcher, ...args, '--port', '0'], {cwd, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const closed = new Promise((resolve) => child.once('close', resolve))
  await new Promise<void>((resolve) =>
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      if (stdout.includes('Serving')) resolve()
    })
  )
  child.kill('SIGTERM')
  await closed
  return {stdout, stderr}
}

/** `count` stories made from the seed, each its own headline and day. */
function corpus(root: string, count: number): Record<string, string> {
  const seed = readFileSync(seedPath, 'utf8')
  const files: Record<string, string> = {}
  mkdirSync(path.join(root, 'content'), {recursive: true})
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const month = String((i % 12) + 1).padStart(2, '0')
    const name = `${i}.txt`
    files[name] = seed.replace(' date 2022-11-08 ', ` date 2021-${month}-${day} Story ${i}: `)
    writeFileSync(path.join(root, 'content', name), files[name])
  }
  return files
}

/** A --no-cache build of `root`'s content into a folder of its own: its fingerprint. */
async function noCache(root: string, args: string[] = []): Promise<Record<string, string>> {
  const out = path.join(root, 'no-cache-dist')
  rmSync(out, {recursive: true, force: true})
  const run = await broadsheet(['build', '--quiet', '--no-cache', '--out', out, ...args], root)
  expect(run.code, run.stderr).toBe(0)
  const print = fingerprint(out)
  rmSync(out, {recursive: true, force: true})
  return print
}

const killed = (run: Run) => expect({code: run.code, signal: run.signal}, run.stderr).toEqual({code: null, signal: 'SIGKILL'})

describe('1. killed while a cached build moves its files into the output folder', () => {
  // The reproduction had 2,000 stories and 40 edits; 600 and 12 make the same mixed site
  // (killed after 60 renames, well into the moves) in a third of the CI time.
  it('600 stories, 12 edited, killed mid-move, the edits undone: the next build puts the previous output back and equals --no-cache', async () => {
    const root = tempFolder('broadsheet-faults-')
    const files = corpus(root, 600)
    writeFileSync(path.join(root, 'broadsheet.config.json'), JSON.stringify({baseUrl: 'https://news.example/'}))
    expect((await broadsheet(['build', '--quiet'], root)).code).toBe(0)
    const before = fingerprint(path.join(root, 'dist'))

    const edited = Object.keys(files).slice(0, 600).filter((_, i) => i % 50 === 7)
    expect(edited).toHaveLength(12)
    for (const name of edited) writeFileSync(path.join(root, 'content', name), files[name]!.replace('North Korea on Tuesday accused', 'North Korea on Tuesday again accused'))
    // Well into the moves: each file replaced is two renames (aside, then in).
    const kill = await broadsheet(['build', '--quiet'], root, {BROADSHEET_TEST_KILL_AFTER_RENAMES: '60'})
    killed(kill)
    const mixed = fingerprint(path.join(root, 'dist'))
    expect(mixed).not.toEqual(before)
    expect(leftovers(root).some((name) => name.endsWith('.journal'))).toBe(true)

    for (const name of edited) writeFileSync(path.join(root, 'content', name), files[name]!)
    const next = await broadsheet(['build'], root)
    expect(next.code, next.stderr).toBe(0)
    expect(next.stderr).toMatch(/^broadsheet build: dist: a build was stopped while it replaced files; put the previous version of \d+ files back/m)
    expect(fingerprint(path.join(root, 'dist'))).toEqual(before)
    expect(fingerprint(path.join(root, 'dist'))).toEqual(await noCache(root))
    expect(leftovers(root)).toEqual([])
    // And every build after it.
    expect((await broadsheet(['build', '--quiet'], root)).code).toBe(0)
    expect(fingerprint(path.join(root, 'dist'))).toEqual(before)
  }, 600_000)
})

describe('2. killed between the two renames of a cold build\'s swap', () => {
  async function site(): Promise<{root: string; before: Record<string, string>}> {
    const root = tempFolder('broadsheet-faults-')
    corpus(root, 30)
    expect((await broadsheet(['build', '--quiet', '--no-cache'], root)).code).toBe(0)
    const before = fingerprint(path.join(root, 'dist'))
    writeFileSync(path.join(root, 'broadsheet.config.json'), JSON.stringify({title: 'Changed title'}))
    return {root, before}
  }

  const strace = spawnSync('strace', ['-V']).status === 0

  it.each([
    ['the test hook', false],
    ['strace -e inject=rename:signal=SIGKILL:when=2', true]
  ] as const)('(%s) leaves no dist; build, preview and dev each put the previous output back and say so', async (_name, viaStrace) => {
    if (viaStrace && !strace) console.log('strace is not installed: the swap is killed through the test hook instead')
    const {root, before} = await site()
    const killSwap = () =>
      viaStrace && strace
        ? broadsheet(['build', '--quiet', '--no-cache'], root, {}, ['strace', '-f', '-qq', '-o', '/dev/null', '-e', 'trace=rename', '-e', 'inject=rename:signal=SIGKILL:when=2'])
        : broadsheet(['build', '--quiet', '--no-cache'], root, {BROADSHEET_TEST_KILL_AFTER_RENAMES: '1'})
    killed(await killSwap())
    expect(existsSync(path.join(root, 'dist'))).toBe(false)
    expect(readdirSync(root).filter((name) => name.endsWith('.old'))).toHaveLength(1)
    const preview = await serveBriefly(['preview'], root)
    expect(preview.stderr).toMatch(/^broadsheet preview: dist was missing: a build was stopped between the two renames of its final swap; put the previous output back from \.dist\.staging-\d+-[0-9a-f]+\.old$/m)
    expect(fingerprint(path.join(root, 'dist'))).toEqual(before)
    expect(leftovers(root)).toEqual([])

    killed(await killSwap())
    const dev = await serveBriefly(['dev'], root)
    expect(dev.stderr).toMatch(/^broadsheet dev: dist was missing: .* put the previous output back/m)
    expect(existsSync(path.join(root, 'dist/index.html'))).toBe(true)

    killed(await killSwap())
    const next = await broadsheet(['build'], root)
    expect(next.code, next.stderr).toBe(0)
    expect(next.stderr).toMatch(/^broadsheet build: dist was missing: .* put the previous output back/m)
    expect(fingerprint(path.join(root, 'dist'))).toEqual(await noCache(root))
    expect(leftovers(root)).toEqual([])
  }, 300_000)
})

/** Whether this process may mount a tmpfs (root, or a container that allows it). */
function mountTmpfs(dir: string, size: string): boolean {
  mkdirSync(dir, {recursive: true})
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

const mounted: string[] = []
afterAll(() => {
  for (const dir of mounted) spawnSync('umount', [dir])
})

describe('4. a full disk', () => {
  it('on a 2 MB tmpfs (or, where none can be mounted, an injected failing write): nothing of the build is left, the output and the cache are as they were, one line says so, and once space is freed the next build succeeds', async () => {
    const root = tempFolder('broadsheet-faults-')
    const disk = path.join(root, 'disk')
    const onTmpfs = mountTmpfs(disk, '2m')
    if (onTmpfs) mounted.push(disk)
    // Said in the test output: which of the two ran.
    console.log(onTmpfs ? 'ENOSPC test: ran on a real 2 MB tmpfs' : 'ENOSPC test: could not mount a tmpfs; ran with an injected failing write (BROADSHEET_TEST_DISK_BYTES)')
    const content = path.join(root, 'content')
    mkdirSync(content)
    for (let i = 0; i < 20; i++) writeFileSync(path.join(content, `${i}.txt`), article(`2024-03-${String(i + 1).padStart(2, '0')}`, `Germany and France story ${i}`, [`Germany met France on day ${i}.`, 'The talks went on.']))
    const config = path.join(root, 'broadsheet.config.json')
    writeFileSync(config, JSON.stringify({baseUrl: 'https://news.example/'}))
    const args = ['build', '--quiet', '--out', 'disk/dist']
    expect((await runCli(args, root)).status).toBe(0)
    // A change that every page shows, and a story more: the next build stages every page again.
    writeFileSync(config, JSON.stringify({baseUrl: 'https://news.example/', title: 'The Test Gazette'}))
    writeFileSync(path.join(content, 'new.txt'), article('2024-03-28', 'Germany answers France', ['Germany said France was right.']))

    const filler = path.join(disk, 'filler')
    const cacheDir = path.join(disk, '.broadsheet-cache')
    const failures: string[] = []
    for (const free of [8 * 1024, 64 * 1024, 160 * 1024]) {
      let env: Record<string, string> = {}
      if (onTmpfs) {
        rmSync(filler, {force: true})
        const stats = statfsSync(disk)
        writeFileSync(filler, Buffer.alloc(Math.max(0, stats.bavail * stats.bsize - free)))
      } else env = {BROADSHEET_TEST_DISK_BYTES: String(free)}
      const before = {out: tree(path.join(disk, 'dist')), cache: tree(cacheDir)}
      const run = await runCli(args, root, env)
      expect(run.status, `${free} bytes free: ${run.stderr}`).toBe(1)
      const lines = run.stderr.trim().split('\n')
      expect(lines, run.stderr).toHaveLength(1)
      expect(lines[0]).toMatch(new RegExp(`^broadsheet build: no space left on the device that holds ${disk}/`))
      expectTruthful(run.stderr, 'disk/dist', before.out, tree(path.join(disk, 'dist')))
      expect(lines[0]).toMatch(/; disk\/dist is unchanged$/)
      expect(tree(cacheDir)).toEqual(before.cache)
      expect(leftovers(disk)).toEqual([])
      failures.push(lines[0]!)
    }
    // It filled while writing the cache and while writing the new pages, and said where.
    expect(failures.some((line) => line.includes('.broadsheet-cache'))).toBe(true)
    expect(failures.some((line) => line.includes(`${disk}/dist (writing its new files beside it)`))).toBe(true)

    // Space freed, no manual step.
    rmSync(filler, {force: true})
    const freed = await runCli(args, root)
    expect(freed.status, freed.stderr).toBe(0)
    expect(fingerprint(path.join(disk, 'dist'))).toEqual(await noCache(root))
  }, 300_000)
})

describe('5. a read-only folder in the output', () => {
  it('fails a cached build, which says the output is unchanged, and it is', async () => {
    const root = tempFolder('broadsheet-faults-')
    const content = path.join(root, 'content')
    mkdirSync(content)
    for (let i = 0; i < 12; i++) writeFileSync(path.join(content, `${i}.txt`), article(`2024-03-${String(i + 1).padStart(2, '0')}`, `Germany and France story ${i}`, [`Germany met France on day ${i}.`, 'The talks went on.']))
    writeFileSync(path.join(root, 'broadsheet.config.json'), JSON.stringify({baseUrl: 'https://news.example/'}))
    expect((await runCli(['build', '--quiet'], root)).status).toBe(0)
    // A new story: the home page, the sitemap, the search files, its neighbours' pages and the
    // tag pages all change; tags/ is the last folder the commit reaches.
    writeFileSync(path.join(content, 'new.txt'), article('2024-03-20', 'Germany answers France', ['Germany said France was right.']))
    const tags = path.join(root, 'dist', 'tags')
    // Root writes into a folder without write permission; an immutable folder stops even root.
    const asRoot = process.getuid?.() === 0
    const readOnly = (on: boolean) =>
      asRoot ? execFileSync('chattr', ['-R', on ? '+i' : '-i', tags], {stdio: 'ignore'}) : execFileSync('chmod', ['-R', on ? 'a-w' : 'u+w', tags], {stdio: 'ignore'})
    readOnly(true)
    try {
      const before = tree(path.join(root, 'dist'))
      const run = await runCli(['build', '--quiet'], root)
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(/operation not permitted|permission denied/i)
      expect(expectTruthful(run.stderr, 'dist', before, tree(path.join(root, 'dist')))).toBe('unchanged')
      expect(leftovers(root)).toEqual([])
    } finally {
      readOnly(false)
    }
    expect((await runCli(['build', '--quiet'], root)).status).toBe(0)
    expect(fingerprint(path.join(root, 'dist'))).toEqual(await noCache(root))
  }, 120_000)
})
