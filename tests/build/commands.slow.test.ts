// One spawned smoke test per command, through the launcher a person starts (bin/broadsheet.js):
// every other command test runs `main` in-process (tests/support/cli.ts). build and help are in
// launcher.slow.test.ts, dev in tests/browser/dev.slow.test.ts.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {repo, spawnCli} from '../support/cli.ts'
import {article, seedPath, writeContent} from './fixture.ts'

const seedHeadline = 'N. Korea slams US for raising alleged arms supply to Russia'

describe('each command, spawned through bin/broadsheet.js', () => {
  const {root} = writeContent({'seed.txt': readFileSync(seedPath, 'utf8'), 'other.txt': article('2022-11-09', 'Russia answers', ['Russia said it had bought no arms from North Korea.'])})

  it('parse prints the parsed seed as JSON', async () => {
    const {status, stdout} = await spawnCli(['parse', 'content/seed.txt'], root)
    expect(status).toBe(0)
    expect((JSON.parse(stdout) as Array<{headline: string}>)[0]?.headline).toBe(seedHeadline)
  })

  it('check reports a clean folder', async () => {
    expect(await spawnCli(['check'], root)).toMatchObject({status: 0, stdout: '2 files, 2 articles, 0 errors, 0 warnings\n'})
  })

  it('tags lists the tags with their counts', async () => {
    const {status, stdout} = await spawnCli(['tags'], root)
    expect(status).toBe(0)
    expect(stdout).toMatch(/^2\tRussia\tplace$/m)
  })

  it('new writes a dated file and prints its path', async () => {
    const {status, stdout} = await spawnCli(['new', '--content', 'drafts', 'Harbour reopens'], root)
    expect(status).toBe(0)
    expect(existsSync(path.resolve(root, stdout.trim()))).toBe(true)
  })

  it('preview serves a built site until SIGTERM', async () => {
    expect((await spawnCli(['build', '--quiet'], root)).status).toBe(0)
    const child = spawn(process.execPath, [path.join(repo, 'bin/broadsheet.js'), 'preview', '--port', '0'], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk
        const found = /at (http:\/\/\S+)/.exec(output)
        if (found) resolve(found[1]!)
      })
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}: ${output}`)))
    })
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(seedHeadline)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })
})
