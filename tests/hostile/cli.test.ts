// Issue 5 through the command line, in-process: the summary line adds up on the hostile folder, a
// lower maxFileBytes from --config, and the previous site surviving a failed --strict build. A
// SIGTERM or SIGINT in the middle of writing is in signals.slow.test.ts.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {BuildReport} from '../../src/model/types.ts'
import {seedPath} from '../build/fixture.ts'
import {runCli} from '../support/cli.ts'
import {fates, fingerprint, hostileFolder, removeLater, staging, summaryLine, tempFolder} from './setup.ts'


function run(cwd: string, ...args: string[]) {
  return runCli(args, cwd)
}

const tempRoot = () => tempFolder('broadsheet-hostile-cli-')

describe('the summary line on the hostile folder', () => {
  it('adds up to the files found, and matches --report', async () => {
    const {root, content} = hostileFolder()
    removeLater(root)
    const {status, stdout} = await run(root, 'build', '--content', 'content', '--out', 'dist', '--report', 'report.json', '--no-cache', '--quiet')
    expect(status).toBe(0)
    const line = summaryLine(stdout)
    const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as BuildReport
    const {fate, inputs} = fates(content, {...report, stories: report.stories.map((s) => ({...s, source: path.join(root, s.source)})), errors: report.errors.map((e) => ({...e, source: path.join(root, e.source)})), warnings: [], duplicates: report.duplicates.map((d) => ({...d, source: path.join(root, d.source)})), skipped: report.skipped.map((s) => ({...s, source: path.join(root, s.source)}))})
    expect(line.files).toBe(inputs.length)
    expect(line.stories + line.errors + line.duplicates + line.skipped).toBe(line.files)
    expect([...fate.keys()].sort()).toEqual(inputs)
    expect(line.stories).toBe(report.stories.length)
    expect(line.skipped).toBe(report.skipped.length)
    expect(line.duplicates).toBe(report.duplicates.length)
    expect(line.errors).toBe([...fate.values()].filter((k) => k[0] === 'failed').length)
  })
})

describe('maxFileBytes', () => {
  it('makes a file over the configured limit an error for that file; the rest builds', async () => {
    const root = tempRoot()
    mkdirSync(path.join(root, 'content'))
    writeFileSync(path.join(root, 'content', 'small.txt'), ' date 2022-11-08 Small story\n\nBody.\n')
    writeFileSync(path.join(root, 'content', 'big.txt'), ` date 2022-11-08 Big story\n\n${'Words and more words. '.repeat(100)}\n`)
    writeFileSync(path.join(root, 'site.json'), JSON.stringify({maxFileBytes: 1000}))
    const {status, stdout} = await run(root, 'build', '--config', 'site.json', '--report', 'report.json', '--no-cache', '--quiet')
    expect(status).toBe(0)
    expect(summaryLine(stdout)).toMatchObject({files: 2, stories: 1, errors: 1})
    const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as BuildReport
    expect(report.errors).toEqual([{source: 'content/big.txt', line: 0, message: expect.stringMatching(/too large to be an article: \d+ bytes or more \(the limit is 1000 bytes\)/)}])
    expect(report.stories.map((s) => s.source)).toEqual(['content/small.txt'])
  })
})

describe('6. the previous site survives', () => {
  it('a failed --strict build leaves the old output byte-identical and no staging folder', async () => {
    const root = tempRoot()
    mkdirSync(path.join(root, 'content'))
    writeFileSync(path.join(root, 'content', 'seed.txt'), readFileSync(seedPath))
    expect((await run(root, 'build', '--quiet')).status).toBe(0)
    const old = fingerprint(path.join(root, 'dist'))
    writeFileSync(path.join(root, 'content', 'new.txt'), ' date 2022-11-09 A new story\n\nBody.\n')
    writeFileSync(path.join(root, 'content', 'bad.txt'), ' date 2022-02-30 Bad date\n\nBody.\n')
    const strict = await run(root, 'build', '--strict', '--quiet', '--base-url', 'https://news.example/')
    expect(strict.status).toBe(1)
    expect(summaryLine(strict.stdout)).toMatchObject({files: 3, errors: 1})
    expect(fingerprint(path.join(root, 'dist'))).toEqual(old)
    expect(staging(root)).toEqual([])
  })
})
