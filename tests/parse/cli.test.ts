// The parse and check commands, run in-process as a person runs them in a folder: stdout and exit code.
import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {runCli, type CliRun} from '../support/cli.ts'

const seed = fileURLToPath(new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url))
const work = mkdtempSync(path.join(tmpdir(), 'broadsheet-cli-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function run(...args: string[]): Promise<CliRun> {
  return runCli(args, work)
}

function write(rel: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(work, rel)), {recursive: true})
  writeFileSync(path.join(work, rel), content)
}

describe('broadsheet parse', () => {
  it('prints one JSON object per file, in order, with failed files marked', async () => {
    cpSync(seed, path.join(work, 'seed.txt'))
    write('bad.txt', '\nno headline\n')
    const {status, stdout} = await run('parse', 'seed.txt', 'missing.txt', 'bad.txt')
    expect(status).toBe(1)
    expect(stdout.startsWith('[\n  {\n    "source": "seed.txt",')).toBe(true)
    const out = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(out.map((o) => o['source'])).toEqual(['seed.txt', 'missing.txt', 'bad.txt'])
    expect(out[0]).toMatchObject({headline: 'N. Korea slams US for raising alleged arms supply to Russia', date: '2022-11-08', commentCount: 19})
    expect((out[0]?.['recommended'] as unknown[]).length).toBe(20)
    expect(out[1]).toMatchObject({error: true, headline: null, diagnostics: [{severity: 'error', line: 0, message: 'cannot read the file: no such file'}]})
    expect(out[2]).toMatchObject({error: true, diagnostics: [{severity: 'error', line: 1}]})
  })
  it('marks a file that is not an article as skipped, with its reason, and exits 0', async () => {
    cpSync(seed, path.join(work, 'seed.txt'))
    write('page.html', '<!DOCTYPE html>\n<html><head><title>x</title></head><body><p>Hi</p></body></html>\n')
    const {status, stdout} = await run('parse', 'seed.txt', 'page.html')
    expect(status).toBe(0)
    const out = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(out[1]).toMatchObject({source: 'page.html', error: false, skipped: 'an HTML page, not an article'})
  })

  it('exits 0 when every file parses', async () => {
    expect((await run('parse', 'seed.txt')).status).toBe(0)
  })
})

describe('broadsheet check', () => {
  it('reports each diagnostic as file:line: severity: message, then a summary; exit 1 on error', async () => {
    write('content/good.txt', ' date 2022-11-08 Fine\n\nBody.\n')
    write('content/undated.txt', 'Undated\n\nBody.\n')
    write('content/sub/bad.txt', ' date 2022-13-45 Bad\n\nBody.\n')
    write('content/.hidden.txt', '\n')
    write('content/pwn.md', '---js\n{title: (globalThis.pwned = 1)}\n---\n')
    symlinkSync(seed, path.join(work, 'content/link.txt'))
    const {status, stdout} = await run('check')
    expect(stdout.split('\n')).toEqual([
      'content/link.txt:0: warning: skipped: symlink refused',
      'content/pwn.md:1: error: front matter in "js" refused: only YAML front matter is read (code in front matter is never run)',
      'content/sub/bad.txt:1: error: impossible date "2022-13-45": there is no month 13',
      '4 files, 2 articles, 2 errors, 1 warning',
      ''
    ])
    expect(status).toBe(1)
  })
  it('exits 0 without errors and takes --content', async () => {
    write('clean/a.txt', ' date 2022-11-08 Fine\n\nBody.\n')
    const {status, stdout} = await run('check', '--content', 'clean')
    expect(stdout).toBe('1 file, 1 article, 0 errors, 0 warnings\n')
    expect(status).toBe(0)
  })
})
