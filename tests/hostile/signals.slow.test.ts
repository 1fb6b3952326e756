// A SIGTERM or SIGINT in the middle of writing, sent to the launcher a person starts
// (bin/broadsheet.js): the previous site survives and the staging folder goes.
import {spawn} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {seedPath} from '../build/fixture.ts'
import {repo, spawnCli} from '../support/cli.ts'
import {fingerprint, staging, tempFolder} from './setup.ts'

const launcher = path.join(repo, 'bin/broadsheet.js')

const tempRoot = () => tempFolder('broadsheet-signals-')

describe('6. the previous site survives a signal', () => {
  // Big enough that writing takes a while; the kill lands once the staging folder exists.
  function corpus(root: string, count: number): void {
    const seed = readFileSync(seedPath, 'utf8')
    mkdirSync(path.join(root, 'content'))
    for (let i = 0; i < count; i++) {
      const day = String((i % 28) + 1).padStart(2, '0')
      const month = String((i % 12) + 1).padStart(2, '0')
      writeFileSync(path.join(root, 'content', `${i}.txt`), seed.replace(' date 2022-11-08 ', ` date 2021-${month}-${day} Story ${i}: `))
    }
  }

  async function killMidBuild(root: string, signal: NodeJS.Signals, args: readonly string[]) {
    // The launcher imports the bundle into its own process, so the signal reaches the build itself.
    const child = spawn(process.execPath, [launcher, 'build', '--quiet', ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on('exit', (code, sig) => resolve({code, signal: sig})))
    let seen: string[] = []
    let done = false
    void exited.then(() => (done = true))
    while (!done && seen.length === 0) {
      seen = staging(root)
      if (seen.length === 0) await new Promise((r) => setTimeout(r, 5))
    }
    expect(seen, `the build finished before its staging folder was seen: ${stderr}`).not.toEqual([])
    child.kill(signal)
    const exit = await exited
    return {exit, stderr}
  }

  it.each([
    ['SIGTERM', 143, ['--no-cache']],
    ['SIGINT', 130, []]
  ] as const)('%s while writing leaves the old output intact and removes the staging folder', async (signal, code, args) => {
    const root = tempRoot()
    corpus(root, 2000)
    expect((await spawnCli(['build', '--quiet', ...args], root)).status).toBe(0)
    const old = fingerprint(path.join(root, 'dist'))
    // A change that every page shows (the site title), so the second build rewrites everything.
    writeFileSync(path.join(root, 'broadsheet.config.json'), JSON.stringify({title: 'Changed title'}))
    const {exit, stderr} = await killMidBuild(root, signal, args)
    expect(exit).toEqual({code, signal: null})
    expect(stderr).toContain(`stopped by ${signal}`)
    expect(staging(root)).toEqual([])
    expect(fingerprint(path.join(root, 'dist'))).toEqual(old)
  }, 240_000)
})
