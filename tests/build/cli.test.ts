// The build command as a person runs it, in-process: in a temp folder (so the repo's own
// broadsheet.config.json is not picked up), its exit code, its summary line and the files it leaves.
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {article, buildIn, listFiles, runCli, tree, writeContent, writeJson} from './fixture.ts'

const SUMMARY = /^(\d+) files? → (\d+) stor(?:y|ies), (\d+) output files?; (\d+) errors?, (\d+) warnings?, (\d+) duplicates?, (\d+) skipped in \d+\.\d s$/m

function summary(stdout: string) {
  const m = SUMMARY.exec(stdout)
  if (!m) throw new Error(`no summary line in ${JSON.stringify(stdout)}`)
  const [files, stories, pages, errors, warnings, duplicates, skipped] = m.slice(1).map(Number) as number[]
  return {files: files!, stories: stories!, pages: pages!, errors: errors!, warnings: warnings!, duplicates: duplicates!, skipped: skipped!}
}

describe('broadsheet build --report', () => {
  it('writes the report as JSON, and the summary line adds up to the files found', async () => {
    const text = article('2024-03-05', 'Copied story', ['Text.'])
    const {root, content} = writeContent({
      'a.txt': article('2024-03-05', 'Markets rally', ['Stocks rose.'], 'By JANE DOE\n\n'),
      'b.txt': text,
      'copy-of-b.txt': text,
      'undated.txt': 'An undated story\n\nText.\n',
      'bad.txt': '\n\n\n',
      'draft.md': '---\ntitle: Not yet\ndraft: true\n---\nText.\n',
      '.hidden.txt': text,
      'a.txt~': text,
      'notes.pdf': 'not an article'
    })
    const {status, stdout, stderr} = await runCli(['build', '--content', 'content', '--out', 'dist', '--report', 'report.json'], root)
    expect(status, stderr).toBe(0)
    const line = summary(stdout)
    const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as Record<string, Array<Record<string, unknown>>>
    expect(Object.keys(report)).toEqual(['stories', 'errors', 'warnings', 'duplicates', 'skipped'])

    expect(line.files).toBe(9)
    expect(line.stories).toBe(report['stories']!.length)
    expect(line.stories).toBe(3)
    expect(line.duplicates).toBe(1)
    expect(line.skipped).toBe(4)
    expect(line.errors).toBe(1)
    expect(line.files).toBe(line.stories + line.errors + line.duplicates + line.skipped)
    expect(line.warnings).toBe(report['warnings']!.length)
    expect(line.pages).toBe(listFiles(path.join(root, 'dist')).length)

    const rel = (s: unknown) => path.relative(content, path.resolve(root, String(s)))
    expect(report['stories']!.map((s) => [rel(s['source']), s['url'], s['headline']])).toEqual([
      ['a.txt', '2024/03/05/markets-rally/', 'Markets rally'],
      ['b.txt', '2024/03/05/copied-story/', 'Copied story'],
      ['undated.txt', 'stories/an-undated-story/', 'An undated story']
    ])
    expect(report['errors']!.map((e) => [rel(e['source']), e['line'], typeof e['message']])).toEqual([['bad.txt', expect.any(Number), 'string']])
    expect(report['duplicates']!.map((d) => [rel(d['source']), rel(d['sameAs'])])).toEqual([['copy-of-b.txt', 'b.txt']])
    expect(report['skipped']!.map((s) => rel(s['source'])).sort()).toEqual(['.hidden.txt', 'a.txt~', 'draft.md', 'notes.pdf'])
    // Every diagnostic is also printed as file:line: severity: message.
    expect(stderr).toMatch(/content\/bad\.txt:\d+: error: /)
  })
})

describe('the summary line', () => {
  it('counts one of a thing in the singular', async () => {
    const {root} = writeContent({'a.txt': article('2024-03-05', 'Markets rally', ['Stocks rose.'])})
    const {status, stdout, stderr} = await runCli(['build', '--content', 'content', '--out', 'dist'], root)
    expect(status).toBe(0)
    expect(stdout).toMatch(/^1 file → 1 story, \d+ output files; 0 errors, 0 warnings, 0 duplicates, 0 skipped in /)
    expect(stderr).toMatch(/^read: 1 file in content$/m)
    expect(stderr).toMatch(/^parse: 1 article \(0 from the cache\), 0 errors, 0 warnings$/m)
    expect(stderr).toMatch(/^model: 1 story, 1 day, \d+ tags?$/m)
  })
})

describe('broadsheet build --strict', () => {
  it('exits 1 on a file with an error and leaves the previous output byte-identical', async () => {
    const {root, content} = writeContent({'a.txt': article('2024-03-05', 'Good story', ['Text.'])})
    expect((await runCli(['build'], root)).status).toBe(0)
    const before = tree(path.join(root, 'dist'))
    expect(Object.keys(before)).toContain('2024/03/05/good-story/index.html')

    writeFileSync(path.join(content, 'b.txt'), article('2024-03-06', 'Second good story', ['Text.']))
    writeFileSync(path.join(content, 'bad.txt'), '\n\n\n')
    const strict = await runCli(['build', '--strict'], root)
    expect(strict.status).toBe(1)
    expect(strict.stderr).toMatch(/content\/bad\.txt:\d+: error: /)
    expect(strict.stderr).toContain('nothing published; dist is unchanged')
    expect(summary(strict.stdout).errors).toBe(1)
    expect(tree(path.join(root, 'dist'))).toEqual(before)

    const lenient = await runCli(['build'], root)
    expect(lenient.status).toBe(0)
    expect(existsSync(path.join(root, 'dist/2024/03/06/second-good-story/index.html'))).toBe(true)
  })
})

describe('a build that cannot start', () => {
  it('names the missing folder, exits 1 and leaves the output as it was, without a stack trace', async () => {
    const {root} = writeContent({'a.txt': article('2024-03-05', 'Good story', ['Text.'])})
    expect((await runCli(['build'], root)).status).toBe(0)
    const before = tree(path.join(root, 'dist'))
    for (const args of [['--content', 'no-such-folder'], ['--templates', 'no-such-templates']]) {
      const failed = await runCli(['build', ...args], root)
      expect(failed.status).toBe(1)
      expect(failed.stderr).toMatch(/^broadsheet build: .*no-such-.*; dist is unchanged$/m)
      expect(failed.stderr).not.toMatch(/\n\s+at /)
      expect(tree(path.join(root, 'dist'))).toEqual(before)
    }
  })
})

describe('configuration errors', () => {
  it.each([
    [{colour: 'red'}, '"colour"'],
    [{pageSize: '20'}, 'pageSize'],
    [{homeDays: 0}, 'homeDays'],
    [{baseUrl: 'ftp://example.org/'}, 'baseUrl'],
    [{tags: {max: 'six'}}, 'tags.max'],
    [{tags: {colour: 1}}, '"tags.colour"']
  ])('%j names the key, exits 1 and leaves the output untouched', async (config, key) => {
    const {root} = writeContent({'a.txt': article('2024-03-05', 'Good story', ['Text.'])})
    expect((await buildIn(root, {config: writeJson(path.join(root, 'good.json'), {})})).result.published).toBe(true)
    const before = tree(path.join(root, 'dist'))
    writeJson(path.join(root, 'broadsheet.config.json'), config)
    const {status, stderr} = await runCli(['build'], root)
    expect(status).toBe(1)
    expect(stderr).toContain('broadsheet.config.json')
    expect(stderr).toContain(key)
    expect(tree(path.join(root, 'dist'))).toEqual(before)
  })

  it('a config file given with --config is read, and a bad --base-url is an error', async () => {
    const {root} = writeContent({'a.txt': article('2024-03-05', 'Good story', ['Text.'])})
    writeJson(path.join(root, 'site.json'), {title: 'The Test Gazette', homeDays: 3})
    expect((await runCli(['build', '--config', 'site.json'], root)).status).toBe(0)
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('<title>The Test Gazette</title>')
    const bad = await runCli(['build', '--config', 'site.json', '--base-url', 'not a url'], root)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toContain('--base-url must be an absolute http(s) URL')
  })
})

describe('time zones', () => {
  it('never move a story to another day: builds under UTC+14 and UTC-8 are byte-identical', async () => {
    const files = {
      'eve.txt': article('2023-12-31', 'New Year’s Eve story', ['Text.']),
      'day.txt': article('2024-01-01', 'New Year’s Day story', ['Text.']),
      'front.md': '---\ntitle: Front matter date\ndate: 2024-03-01\n---\nText.\n',
      'leap.md': '---\ntitle: Leap day in front matter\ndate: 2024-02-29T23:30:00-08:00\n---\nText.\n',
      '2022/01/01/path.txt': 'Dated by path\n\nText.\n'
    }
    const trees: Array<{root: string; files: Record<string, string>}> = []
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
      const {root} = writeContent(files)
      const {status, stderr} = await runCli(['build', '--no-cache'], root, {TZ: tz})
      expect(status, stderr).toBe(0)
      trees.push({root, files: tree(path.join(root, 'dist'))})
    }
    expect(trees[1]!.files).toEqual(trees[0]!.files)
    expect(trees[2]!.files).toEqual(trees[0]!.files)
    const dist = path.join(trees[0]!.root, 'dist')
    const read = (file: string) => readFileSync(path.join(dist, file), 'utf8')
    expect(read('2023/12/31/new-years-eve-story/index.html')).toContain('Sunday, 31 December 2023')
    expect(read('2024/01/01/new-years-day-story/index.html')).toContain('Monday, 1 January 2024')
    expect(read('2024/03/01/front-matter-date/index.html')).toContain('Friday, 1 March 2024')
    expect(read('2022/01/01/dated-by-path/index.html')).toContain('Saturday, 1 January 2022')
    expect(existsSync(path.join(dist, '2024/02/29/leap-day-in-front-matter/index.html'))).toBe(true)
  })
})
