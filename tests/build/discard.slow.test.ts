// What a build lets go of after its commit (the previous output after a swap, the files a warm
// commit moved aside) is renamed out of the way and removed by a process of its own, which the
// build does not wait for (disk/discard.ts); the next build removes a discarded folder whose remover
// stopped (write/recover.ts). The other tests remove these folders before a build returns
// (BROADSHEET_DISCARD=wait, vitest.config.ts); these do not.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {discardFolder, setAside} from '../../src/disk/discard.ts'
import {removeTrash} from '../../src/disk/remove-tree.js'
import {recoverOutput} from '../../src/write/recover.ts'
import {article, repo, tree, writeContent} from './fixture.ts'

const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'BROADSHEET_DISCARD'))
const beside = (root: string) => readdirSync(root).filter((name) => name.startsWith('.dist.'))

async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function cli(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(repo, 'bin/broadsheet.js'), 'build', '--quiet', ...args], {cwd: root, env, encoding: 'utf8'})
  expect(run.status, run.stderr).toBe(0)
}

describe('a folder a build lets go of', () => {
  it('is gone soon after a warm and a cold build return, and the site is the one a --no-cache build makes', async () => {
    const stories = Object.fromEntries(Array.from({length: 40}, (_, i) => [`s${i}.txt`, article(`2024-03-${String(1 + (i % 20)).padStart(2, '0')}`, `Story ${i} about Ukraine`, [`Russia and Ukraine met for the ${i}th time.`])]))
    const {root, content} = writeContent(stories)
    cli(root)
    writeFileSync(path.join(content, 's3.txt'), article('2024-03-21', 'A new day for Ukraine', ['Ukraine and Germany met.']))
    // Warm: the files it replaced were moved aside, then discarded.
    cli(root)
    await until(() => beside(root).length === 0)
    // Cold over an existing output: the previous output is discarded after the swap.
    cli(root, '--no-cache')
    await until(() => beside(root).length === 0)
    cli(root, '--no-cache', '--out', 'fresh')
    expect(tree(path.join(root, 'dist'))).toEqual(tree(path.join(root, 'fresh')))
  }, 120_000)

  it('is removed by a process of its own, after the call returns', async () => {
    const {root} = writeContent({})
    const folder = path.join(root, '.dist.staging-1-ab.undo')
    mkdirSync(path.join(folder, 'a/b'), {recursive: true})
    for (let i = 0; i < 2000; i++) writeFileSync(path.join(folder, 'a/b', `${i}.html`), 'x')
    const saved = process.env['BROADSHEET_DISCARD']
    delete process.env['BROADSHEET_DISCARD']
    try {
      discardFolder(folder, path.join(root, 'dist'))
    } finally {
      process.env['BROADSHEET_DISCARD'] = saved
    }
    // Renamed out of the way at once, under the name the recovery knows.
    expect(existsSync(folder)).toBe(false)
    await until(() => beside(root).length === 0)
  })

  it('is not taken for a stalled one when the folder renamed was made long ago', async () => {
    const {root} = writeContent({})
    const folder = path.join(root, '.dist.staging-1-cd.undo')
    mkdirSync(path.join(folder, 'a/b'), {recursive: true})
    for (let i = 0; i < 2000; i++) writeFileSync(path.join(folder, 'a/b', `${i}.html`), 'x')
    const past = new Date(Date.now() - 3_600_000)
    utimesSync(folder, past, past)
    const trash = path.basename(setAside(folder, path.join(root, 'dist'))!)
    expect(trash).toMatch(/^\.dist\.trash-/)
    expect(Date.now() - statSync(path.join(root, trash)).mtimeMs).toBeLessThan(60_000)
    // The next build's recovery leaves it to its remover.
    expect(recoverOutput(path.join(root, 'dist'))).toEqual([])
    expect(beside(root)).toEqual([trash])
    removeTrash(path.join(root, trash))
    expect(beside(root)).toEqual([])
  })

  it('left by a remover that stopped is removed by the next build; one being emptied is left to its remover', () => {
    const {root} = writeContent({})
    const stalled = path.join(root, '.dist.trash-0123abcd')
    const live = path.join(root, '.dist.trash-4567ef01')
    for (const folder of [stalled, live]) {
      mkdirSync(path.join(folder, 'x'), {recursive: true})
      writeFileSync(path.join(folder, 'x/index.html'), 'old')
    }
    const past = new Date(Date.now() - 120_000)
    utimesSync(stalled, past, past)
    expect(recoverOutput(path.join(root, 'dist'))).toEqual([])
    expect(beside(root)).toEqual(['.dist.trash-4567ef01'])
  })
})
