// `broadsheet dev` as an editor uses it: a child process serving a temp content folder; edits on
// disk reach the open tab without a manual reload, and a broken file shows an overlay until fixed.
import {spawn, type ChildProcess} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {checkRss} from '../support/feed-spec.ts'
import {launch, seedFile} from './browser.ts'

const repo = new URL('../../', import.meta.url).pathname
const story = (title: string) => `---\ntitle: ${title}\ndate: 2024-03-05\nslug: harbour-reopens\n---\nThe harbour reopened on Tuesday after a week of storms.\n\nFerries sailed again by noon.\n`

let browser: Browser
let child: ChildProcess
let url: string
let root: string
let content: string
let config: string
let output = ''

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'broadsheet-dev-'))
  content = path.join(root, 'content')
  mkdirSync(content)
  copyFileSync(seedFile, path.join(content, 'seed.txt'))
  writeFileSync(path.join(content, 'harbour.md'), story('Harbour reopens after storm'))
  config = path.join(root, 'broadsheet.config.json')
  writeFileSync(config, '{"title": "Harbour News"}')
  const port = await freePort()
  browser = await launch()
  child = spawn(process.execPath, ['bin/broadsheet.js', 'dev', '--port', String(port), '--content', content, '--out', path.join(root, 'dist'), '--config', config], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', () => output.includes('Serving') && resolve())
    child.once('exit', (code) => reject(new Error(`dev exited with ${code}:\n${output}`)))
  })
  url = `http://127.0.0.1:${port}/`
})

afterAll(async () => {
  await browser?.close()
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  if (root) rmSync(root, {recursive: true, force: true})
})

describe('broadsheet dev', () => {
  it('reloads the open tab on an edit, shows a broken file in an overlay, and clears it when fixed', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}2024/03/05/harbour-reopens/`)
    expect(await page.locator('h1').innerText()).toBe('Harbour reopens after storm')
    expect(await page.locator('#broadsheet-dev-overlay').count()).toBe(0)

    writeFileSync(path.join(content, 'harbour.md'), story('Harbour reopens to ferries after storm'))
    await page.locator('h1', {hasText: 'Harbour reopens to ferries after storm'}).waitFor({timeout: 20_000})

    // A ---js block is refused by the parser: an error for that file, the rest still published.
    writeFileSync(path.join(content, 'broken.md'), '---js\n{title: "x"}\n---\nBody.\n')
    const overlay = page.locator('#broadsheet-dev-overlay')
    await overlay.waitFor({timeout: 20_000})
    expect(await overlay.innerText()).toContain('broken.md')
    expect(await page.locator('h1').innerText()).toBe('Harbour reopens to ferries after storm')

    writeFileSync(path.join(content, 'broken.md'), '---\ntitle: Mended story\ndate: 2024-03-04\n---\nBody.\n')
    await overlay.waitFor({state: 'detached', timeout: 20_000})
    expect(output).toMatch(/broken\.md:\d+: /)
    await page.close()
  })

  it('keeps serving the last good site with an overlay when the config breaks the whole build', async () => {
    const page = await browser.newPage()
    await page.goto(`${url}2024/03/05/harbour-reopens/`)
    expect(await page.locator('.masthead-title').innerText()).toBe('Harbour News')

    writeFileSync(config, '{"title": ')
    const overlay = page.locator('#broadsheet-dev-overlay')
    await overlay.waitFor({timeout: 20_000})
    expect(await overlay.innerText()).toContain('broadsheet.config.json')
    // Nothing was published: the page is still there, and still served.
    expect(await page.locator('h1').innerText()).toBe('Harbour reopens to ferries after storm')
    expect((await page.request.get(`${url}2024/03/05/harbour-reopens/`)).status()).toBe(200)

    writeFileSync(config, '{"title": "Harbour Daily"}')
    await page.locator('.masthead-title', {hasText: 'Harbour Daily'}).waitFor({timeout: 20_000})
    expect(await overlay.count()).toBe(0)
    await page.close()
  })

  it('passes its own origin to the build, so its feeds hold links to the stories it serves', async () => {
    const rss = await (await fetch(`${url}feed.xml`)).text()
    const check = checkRss(rss)
    expect(check.problems).toEqual([])
    expect(check.links).toContain(`${url}2024/03/05/harbour-reopens/`)
    for (const link of check.links) expect((await fetch(link)).status, link).toBe(200)
    expect(output).not.toContain('baseUrl is not set')
  })

  it('never writes its script into the output folder', async () => {
    const html = readFileSync(path.join(root, 'dist', '2024/03/05/harbour-reopens/index.html'), 'utf8')
    expect(html).not.toContain('__broadsheet')
    const served = await (await fetch(`${url}2024/03/05/harbour-reopens/`)).text()
    expect(served).toContain('/__broadsheet/dev.js')
  })
})

