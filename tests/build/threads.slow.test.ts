// Rendering shared among threads (`--jobs`): the same bytes as one thread, cold and cached, and a
// failure in a thread leaves the previous site and no staging folder.
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {tmpdir} from 'node:os'
import {loadConfig} from '../../src/read/config.ts'
import {readArticles} from '../../src/build/read-stage.ts'
import {openParseCache} from '../../src/cache/parsed.ts'
import {buildSiteFromMentions} from '../../src/model/site.ts'
import type {SiteConfig} from '../../src/model/types.ts'
import {bundledTemplates, readTemplates} from '../../src/read/templates.ts'
import {startRenderPool} from '../../src/threads/render-pool.ts'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {buildIn, runCli, seedPath, tree, writeContent} from './fixture.ts'

/** The seed and 1,300 generated stories: a few thousand pages. */
function newsroom(): {root: string; content: string} {
  const files: Record<string, string | Buffer> = {'seed.txt': readFileSync(seedPath)}
  for (const [name, text] of Object.entries(plainFiles(1300))) files[`bbc/${name}`] = text
  return writeContent(files)
}

function stagingFolders(root: string): string[] {
  return readdirSync(root).filter((name) => name.includes('.staging-'))
}

describe('--jobs', () => {
  it('three threads write the same bytes as one', async () => {
    const {root} = newsroom()
    const one = await buildIn(root, {out: path.join(root, 'one'), jobs: 1})
    const three = await buildIn(root, {out: path.join(root, 'three'), jobs: 3})
    expect(three.result.published).toBe(true)
    expect(three.result.pages).toBe(one.result.pages)
    expect(one.result.pages).toBeGreaterThan(2000)
    expect(tree(three.out)).toEqual(tree(one.out))
  }, 240_000)

  it('a cached build on threads keeps what did not change and matches an uncached build after an edit', async () => {
    const {root, content} = newsroom()
    const out = path.join(root, 'dist')
    const first = await buildIn(root, {out, cache: true, jobs: 2})
    expect(first.result.cache.kept).toBe(0)

    const story = path.join(content, 'bbc', 'politics', readdirSync(path.join(content, 'bbc', 'politics')).sort()[0]!)
    writeFileSync(story, readFileSync(story, 'utf8').replace(/\n\n/, '\n\nA paragraph added for this test.\n\n'))
    const second = await buildIn(root, {out, cache: true, jobs: 2})
    // Most pages do not show that story; far from all of them were rendered again.
    expect(second.result.cache.kept).toBeGreaterThan(second.result.pages / 2)

    const fresh = await buildIn(root, {out: path.join(root, 'fresh'), jobs: 1})
    expect(tree(out)).toEqual(tree(fresh.out))
  }, 240_000)

  it('a worker whose pages fail rejects with the error', async () => {
    const {content} = newsroom()
    const config = loadConfig({}) as SiteConfig
    const report = {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}
    const {articles, mentions} = await readArticles({content, drafts: false}, config, openParseCache(null, 'test'), report)
    const {site, bodies} = buildSiteFromMentions(articles, mentions, config)
    const templates = readTemplates(bundledTemplates)
    templates['story.liquid'] = String(templates['story.liquid']).replace('{{ story.headline }}', '{{ story.headline | no_such_filter }}')
    const staging = mkdtempSync(path.join(tmpdir(), 'broadsheet-staging-'))
    // Thread 0 is the caller's and renders nothing here: only the worker's failure can reject.
    const pool = startRenderPool(site, bodies, templates, {staging, previous: null, present: [], writerThread: false, flat: false, compareWith: null}, 2)
    await expect(pool.results).rejects.toThrow(/no_such_filter/)
    pool.stop()
  }, 240_000)

  it('a failing page stops every thread; the old site stays, with no staging folder', async () => {
    const {root} = newsroom()
    const out = path.join(root, 'dist')
    await buildIn(root, {out, jobs: 1})
    const before = tree(out)

    // Only story pages fail, and with three threads each thread has some of them.
    const templates = path.join(root, 'templates')
    cpSync(bundledTemplates, templates, {recursive: true})
    const story = path.join(templates, 'story.liquid')
    writeFileSync(story, readFileSync(story, 'utf8').replace('{{ story.headline }}', '{{ story.headline | no_such_filter }}'))
    await expect(buildIn(root, {out, templates, jobs: 3})).rejects.toThrow(/no_such_filter/)
    expect(tree(out)).toEqual(before)
    expect(stagingFolders(root)).toEqual([])
  }, 240_000)

  it('on the command line: --jobs 2 gives the same site as --jobs 1; a bad value is refused by name', async () => {
    const {root} = newsroom()
    mkdirSync(path.join(root, 'work'))
    const two = await runCli(['build', '--content', '../content', '--out', 'two', '--quiet', '--no-cache', '--jobs', '2'], path.join(root, 'work'))
    const one = await runCli(['build', '--content', '../content', '--out', 'one', '--quiet', '--no-cache', '--jobs', '1'], path.join(root, 'work'))
    expect(two.status, two.stderr).toBe(0)
    expect(one.status, one.stderr).toBe(0)
    expect(tree(path.join(root, 'work', 'two'))).toEqual(tree(path.join(root, 'work', 'one')))

    const bad = await runCli(['build', '--content', '../content', '--out', 'one', '--jobs', 'many'], path.join(root, 'work'))
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('--jobs must be a whole number of at least 1, got "many"')
  }, 240_000)
})
