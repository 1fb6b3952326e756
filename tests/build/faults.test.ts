// Faults injected in-process (the spawned ones, SIGKILL, a real full disk and a read-only folder,
// are in faults.slow.test.ts): a damaged cache that still parses, an output rename that fails at
// every point of a commit, a disk that fills at every point of a build. After each, the message
// must say truly what state the output folder is in (checked against a hash of the folder), and
// the next build must give the bytes of a --no-cache build.
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {outputCachePaths, readManifestFile} from '../../src/cache/manifest.ts'
import {writeJournal} from '../../src/write/journal.ts'
import {recoverOutput} from '../../src/write/recover.ts'
import {article, buildIn, runCli, tree, writeContent, writeJson} from './fixture.ts'
import {expectTruthful, leftovers, sameAsNoCache} from './faults.ts'

const stories = {
  'russia.txt': article('2024-03-05', 'Russia and Ukraine talk', ['Russia met Ukraine in Geneva. The United States watched.'], 'By JANE DOE\n\n'),
  'ukraine.txt': article('2024-03-05', 'Ukraine answers Russia', ['Ukraine said Russia must leave. Germany agreed.']),
  'germany.txt': article('2024-03-04', 'Germany sends aid to Ukraine', ['Germany and France sent aid to Ukraine.'], 'By JOHN ROE\n\n'),
  'france.txt': article('2024-02-28', 'France hosts summit', ['France hosted Germany and the United States.', 'The summit ended with a statement on trade.']),
  'undated.txt': 'Undated note about Russia\n\nRussia and the United States met.\n'
}

const cacheDir = (root: string) => path.join(root, '.broadsheet-cache')

/** Changes one letter of `file` at the first place `word` occurs, keeping it valid JSON. */
function changeLetter(file: string, word: string, replacement: string): void {
  const text = readFileSync(file, 'utf8')
  expect(text, file).toContain(word)
  expect(replacement.length).toBe(word.length)
  writeFileSync(file, text.replace(word, replacement))
}

describe('3. a cache file changed so that it still parses is a miss, never trusted', () => {
  it('a letter changed in a parse shard: the right text is published, on this build and the next', async () => {
    const {root} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    await buildIn(root, {config, cache: true})
    const parsed = path.join(cacheDir(root), 'parsed')
    const shard = readdirSync(parsed).find((name) => name.endsWith('.ndjson') && readFileSync(path.join(parsed, name), 'utf8').includes('Geneva'))!
    changeLetter(path.join(parsed, shard), 'Geneva', 'Genevb')
    JSON.parse(readFileSync(path.join(parsed, shard), 'utf8').split('\n')[1]!)

    // A change every page shows, so every page is made again from the cache's entries.
    writeJson(config, {baseUrl: 'https://news.example/', title: 'The Test Gazette'})
    const warm = await buildIn(root, {config, cache: true})
    expect(warm.read('2024/03/05/russia-and-ukraine-talk/index.html')).toContain('Geneva')
    expect(Object.values(tree(warm.out)).some((bytes) => Buffer.from(bytes, 'base64').toString('utf8').includes('Genevb'))).toBe(false)
    await sameAsNoCache(root, {config})
    // And on the build after, which finds nothing changed.
    const again = await buildIn(root, {config, cache: true})
    expect(again.read('2024/03/05/russia-and-ukraine-talk/index.html')).not.toContain('Genevb')
  })

  it('a letter changed in stamps.json: no false "file changed" error, no story dropped', async () => {
    const {root, content} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    const first = await buildIn(root, {config, cache: true})
    const stamps = path.join(cacheDir(root), 'parsed', 'stamps.json')
    const text = readFileSync(stamps, 'utf8')
    // The content hash of france.txt, one letter changed: still a string, still JSON.
    const entry = new RegExp(`"${path.join(content, 'france.txt').replace(/[/.]/g, '\\$&')}":\\["[^"]+","([^"]+)"\\]`).exec(text)!
    const hash = entry[1]!
    const letter = /[a-zA-Z]/.exec(hash)!
    const changed = hash.slice(0, letter.index) + (letter[0] === 'a' ? 'b' : 'a') + hash.slice(letter.index + 1)
    writeFileSync(stamps, text.replace(hash, changed))

    writeFileSync(path.join(content, 'russia.txt'), stories['russia.txt'].replace('watched', 'looked on'))
    const warm = await buildIn(root, {config, cache: true})
    expect(warm.result.report.errors).toEqual([])
    expect(warm.result.report.stories.length).toBe(first.result.report.stories.length)
    await sameAsNoCache(root, {config})
  })
})

describe('an output rename that fails partway through a commit', () => {
  it('is undone whatever the rename that failed, and the message tells the truth', async () => {
    const {root, content} = writeContent(stories)
    writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    expect((await runCli(['build', '--quiet'], root)).status).toBe(0)
    // An edit that changes story pages, the lists, tags, search shards and the sitemap, and adds files.
    writeFileSync(path.join(content, 'new.txt'), article('2024-03-06', 'Germany answers France', ['Germany said France was right.']))
    writeFileSync(path.join(content, 'france.txt'), stories['france.txt'].replace('statement on trade', 'statement on farming'))
    let failures = 0
    // The first renames one by one, then ever further apart: every kind of move, not every move.
    for (let at = 1; ; at += Math.max(1, Math.floor(at / 3))) {
      const before = tree(path.join(root, 'dist'))
      const run = await runCli(['build', '--quiet'], root, {BROADSHEET_TEST_FAIL_AT_RENAME: String(at)})
      if (run.status === 0) break
      failures++
      expect(run.stderr, `rename ${at}`).toContain(`injected at output rename ${at}`)
      expectTruthful(run.stderr, 'dist', before, tree(path.join(root, 'dist')))
      expect(run.stderr, `rename ${at}`).toMatch(/; dist is unchanged$/m)
      expect(leftovers(root), `rename ${at}`).toEqual([])
    }
    // Story pages, lists, tag pages, search shards and the sitemap moved: over a hundred renames, a
    // dozen and more of them failed.
    expect(failures).toBeGreaterThan(12)
    await sameAsNoCache(root, {config: path.join(root, 'broadsheet.config.json')})
  }, 120_000)

  it('in the swap of a cold build: the old output is put back, or the new one is whole and the message says so', async () => {
    const {root} = writeContent(stories)
    writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    expect((await runCli(['build', '--quiet', '--no-cache'], root)).status).toBe(0)
    writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/', title: 'Changed'})
    for (const at of [1, 2]) {
      const before = tree(path.join(root, 'dist'))
      const run = await runCli(['build', '--quiet', '--no-cache'], root, {BROADSHEET_TEST_FAIL_AT_RENAME: String(at)})
      expect(run.status).toBe(1)
      expectTruthful(run.stderr, 'dist', before, tree(path.join(root, 'dist')))
      expect(run.stderr).toMatch(at === 1 ? /; dist is unchanged$/m : /; dist holds the new site/m)
    }
    await sameAsNoCache(root, {config: path.join(root, 'broadsheet.config.json')})
  })
})

describe('4. a full disk (injected: a budget of bytes this build may write)', () => {
  it('at every point of a build: removes what it wrote, keeps the output and the cache, says so in one line; the next build succeeds', async () => {
    const {root, content} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    expect((await runCli(['build', '--quiet'], root)).status).toBe(0)
    writeFileSync(path.join(content, 'new.txt'), article('2024-03-06', 'Germany answers France', ['Germany said France was right.']))
    writeJson(config, {baseUrl: 'https://news.example/', title: 'The Test Gazette'})
    const ran = new Set<string>()
    for (const budget of [0, 100, 2_000, 20_000, 60_000, 120_000, 200_000, 300_000, 400_000]) {
      const before = {out: tree(path.join(root, 'dist')), cache: tree(cacheDir(root))}
      const run = await runCli(['build', '--quiet'], root, {BROADSHEET_TEST_DISK_BYTES: String(budget)})
      if (run.status === 0) break
      const lines = run.stderr.trim().split('\n')
      expect(lines, `budget ${budget}`).toHaveLength(1)
      expect(lines[0]).toMatch(/^broadsheet build: no space left on the device that holds \/\S+/)
      ran.add(/that holds (\S+?)(:|;| \()/.exec(lines[0]!)![1]!)
      expectTruthful(run.stderr, 'dist', before.out, tree(path.join(root, 'dist')))
      expect(lines[0]).toMatch(/; dist is unchanged$/)
      expect(tree(cacheDir(root)), `budget ${budget}: the cache as it was`).toEqual(before.cache)
      expect(leftovers(root), `budget ${budget}`).toEqual([])
    }
    // It filled both while writing the cache and while writing the new output.
    expect([...ran].some((folder) => folder.endsWith('.broadsheet-cache/parsed') || folder.endsWith('.broadsheet-cache')), [...ran].join(' ')).toBe(true)
    expect([...ran].some((folder) => folder.endsWith('/dist')), [...ran].join(' ')).toBe(true)
    // Space freed: no manual step.
    expect((await runCli(['build', '--quiet'], root)).status).toBe(0)
    await sameAsNoCache(root, {config})
  }, 120_000)

  it('names the space the new output needs when it fills while writing it', async () => {
    const {root} = writeContent(stories)
    writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    expect((await runCli(['build', '--quiet', '--no-cache'], root)).status).toBe(0)
    const run = await runCli(['build', '--quiet', '--no-cache'], root, {BROADSHEET_TEST_DISK_BYTES: '50000'})
    expect(run.stderr).toMatch(/^broadsheet build: no space left on the device that holds \S+\/dist \(writing its new files beside it\): it needs about \d+(\.\d)? (KB|MB) free there; this build removed what it had written; dist is unchanged$/m)
    expect(existsSync(path.join(root, 'dist/index.html'))).toBe(true)
  })
})

describe('the next start, after a build that was killed', () => {
  /** A process id no process can have: above Linux's largest pid_max (2^22). */
  const deadPid = () => 4_194_305

  async function built() {
    const {root, content} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    await buildIn(root, {config, cache: true})
    return {root, content, config, out: path.join(root, 'dist'), paths: outputCachePaths(path.join(root, 'dist'))}
  }

  it('finishes a commit whose manifest is in place: the new output stays, what was kept aside goes', async () => {
    const {root, out, paths} = await built()
    const before = tree(out)
    const pid = deadPid()
    const staging = path.join(root, `.dist.staging-${pid}-abcdef`)
    mkdirSync(`${staging}.undo`, {recursive: true})
    writeFileSync(path.join(`${staging}.undo`, 'm0'), 'the previous index.html')
    writeJournal(paths.journal, {format: 2, pid, out, staging, undo: `${staging}.undo`, moves: ['index.html'], added: [], removes: [], manifest: readManifestFile(paths.manifest)!.id!})
    const lines = recoverOutput(out)
    expect(lines.join('\n')).toMatch(/stopped after its last step/)
    expect(tree(out)).toEqual(before)
    expect(leftovers(root)).toEqual([])
  })

  it('undoes a commit whose manifest is not in place, and a damaged journal makes every page again', async () => {
    const {root, out, paths, config} = await built()
    const before = tree(out)
    const pid = deadPid()
    const staging = path.join(root, `.dist.staging-${pid}-abcdef`)
    // What a commit killed after two moves leaves: index.html replaced (the old one aside), a file added.
    mkdirSync(`${staging}.undo`, {recursive: true})
    renameSync(path.join(out, 'index.html'), path.join(`${staging}.undo`, 'm0'))
    writeFileSync(path.join(out, 'index.html'), 'the new index.html')
    writeFileSync(path.join(out, 'added.html'), 'a new file')
    writeJournal(paths.journal, {format: 2, pid, out, staging, undo: `${staging}.undo`, moves: ['added.html', 'index.html'].sort(), added: ['added.html'], removes: [], manifest: 'another'})
    // 'added.html' sorts first: the old index.html is m1, not m0.
    renameSync(path.join(`${staging}.undo`, 'm0'), path.join(`${staging}.undo`, 'm1'))
    expect(recoverOutput(out).join('\n')).toMatch(/put the previous version of 1 file back and removed 1 file it had added, so .*dist is the previous output again/)
    expect(tree(out)).toEqual(before)
    expect(leftovers(root)).toEqual([])

    // A journal that does not check out: the manifest goes, and the next build makes every page.
    writeFileSync(path.join(out, 'index.html'), 'damaged by hand')
    writeFileSync(paths.journal, 'not a journal')
    const next = await buildIn(root, {config, cache: true})
    expect(next.result.recovered?.join('\n')).toMatch(/its journal is damaged; every page will be made again/)
    expect(next.result.cache.kept).toBe(0)
    await sameAsNoCache(root, {config})
  })

  it('removes the staging folders and temporary files of builds that are gone, and leaves a running build\'s alone', async () => {
    const {root, out, paths} = await built()
    const dead = deadPid()
    for (const name of [`.dist.staging-${dead}-aa`, `.dist.staging-${dead}-bb.undo`, `.dist.staging-${process.pid}-cc`]) mkdirSync(path.join(root, name))
    writeFileSync(path.join(paths.dir, `x.json.${dead}.0123abcd.tmp`), 'left over')
    writeFileSync(path.join(paths.dir, `y.json.${process.pid}.0123abcd.tmp`), 'being written')
    const lines = recoverOutput(out).join('\n')
    expect(lines).toMatch(/removed 2 folders left beside .*dist by a build that was stopped/)
    expect(lines).toMatch(/removed 1 temporary file left in/)
    expect(readdirSync(root).filter((name) => name.includes('.staging-'))).toEqual([`.dist.staging-${process.pid}-cc`])
    expect(readdirSync(paths.dir).filter((name) => name.endsWith('.tmp'))).toEqual([`y.json.${process.pid}.0123abcd.tmp`])
  })
})
