// The build cache must never change what is built: after every kind of change, a warm build
// (cache on, into the same folder) gives the same bytes as a cold build into a fresh folder.
import {cpSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {bundledTemplates} from '../../src/read/templates.ts'
import {article, buildIn, listFiles, seedPath, tree, writeContent, writeJson} from './fixture.ts'

const stories = {
  'russia.txt': article('2024-03-05', 'Russia and Ukraine talk', ['Russia met Ukraine in Geneva. The United States watched.'], 'By JANE DOE\n\n'),
  'ukraine.txt': article('2024-03-05', 'Ukraine answers Russia', ['Ukraine said Russia must leave. Germany agreed.']),
  'germany.txt': article('2024-03-04', 'Germany sends aid to Ukraine', ['Germany and France sent aid to Ukraine.'], 'By JOHN ROE\n\n'),
  'france.txt': article('2024-02-28', 'France hosts summit', ['France hosted Germany and the United States.']),
  'undated.txt': 'Undated note about Russia\n\nRussia and the United States met.\n'
}

/** The opening bytes of a PNG, then bytes that are not UTF-8; `n` tells two images apart. */
const logo = (n: number) => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00, 0xc3, n])

describe('the build cache', () => {
  it('gives byte-identical output to a cold build after adds, edits, deletes, template and config changes', async () => {
    const {root, content} = writeContent(stories)
    const templates = path.join(root, 'templates')
    cpSync(bundledTemplates, templates, {recursive: true})
    const config = path.join(root, 'broadsheet.config.json')
    writeJson(config, {})
    const file = (name: string) => path.join(content, name)

    const steps: Array<[string, () => void]> = [
      ['the first build', () => {}],
      ['a story added on a new day', () => writeFileSync(file('new.txt'), article('2024-03-06', 'Russia responds to Germany', ['Russia said Germany was wrong.']))],
      ['the seed added', () => cpSync(seedPath, file('seed.txt'))],
      ['a story that a seed teaser names added, so the seed page links to it', () =>
        writeFileSync(file('teaser.txt'), article('2022-11-08', 'N.Korea denies arms dealings with Russia, says it has no plans to do so', ['North Korea said on Tuesday it has never had arms dealings with Russia.']))],
      ['a body edited', () => writeFileSync(file('france.txt'), article('2024-02-28', 'France hosts summit', ['France hosted Germany, Russia and the United States.']))],
      ['a headline edited, so the slug moves', () => writeFileSync(file('ukraine.txt'), article('2024-03-05', 'Ukraine replies to Russia', ['Ukraine said Russia must leave. Germany agreed.']))],
      ['a date edited, so the story changes day and month', () => writeFileSync(file('germany.txt'), article('2024-01-15', 'Germany sends aid to Ukraine', ['Germany and France sent aid to Ukraine.'], 'By JOHN ROE\n\n'))],
      ['a story deleted', () => rmSync(file('russia.txt'))],
      ['a duplicate added', () => writeFileSync(file('z-copy.txt'), readFileSync(file('france.txt')))],
      ['the original of the duplicate deleted', () => rmSync(file('france.txt'))],
      ['a file renamed', () => renameSync(file('z-copy.txt'), file('france-again.txt'))],
      ['a file with an error added', () => writeFileSync(file('bad.txt'), '\n\n\n')],
      ['a template changed', () => {
        const story = path.join(templates, 'story.liquid')
        writeFileSync(story, readFileSync(story, 'utf8').replace('{% block content %}', '{% block content %}<p class="test-marker">changed</p>'))
      }],
      ['the stylesheet changed', () => writeFileSync(path.join(templates, 'assets/style.css'), `${readFileSync(path.join(templates, 'assets/style.css'), 'utf8')}\n/* changed */\n`)],
      // Bytes that are not UTF-8, as in any PNG: a read as text would change them.
      ['an image added to the assets', () => writeFileSync(path.join(templates, 'assets/logo.png'), logo(1))],
      ['the image changed', () => writeFileSync(path.join(templates, 'assets/logo.png'), logo(2))],
      ['the config changed', () => writeJson(config, {title: 'The Test Gazette', homeDays: 1, pageSize: 1})],
      ['the tag config changed', () => writeJson(config, {title: 'The Test Gazette', homeDays: 1, pageSize: 1, tags: {stop: ['Germany'], aliases: {Geneva: 'Switzerland'}}})],
      ['the template change reverted', () => cpSync(path.join(bundledTemplates, 'story.liquid'), path.join(templates, 'story.liquid'))],
      ['everything deleted but one story', () => {
        for (const name of ['seed.txt', 'teaser.txt', 'new.txt', 'ukraine.txt', 'germany.txt', 'undated.txt', 'bad.txt']) rmSync(file(name))
      }]
    ]

    for (const [i, [name, change]] of steps.entries()) {
      change()
      const warm = await buildIn(root, {config, templates, cache: true})
      const cold = await buildIn(root, {config, templates, cache: false, out: path.join(root, `cold-${i}`, 'dist')})
      expect(warm.result.published, name).toBe(true)
      expect(warm.result.report, name).toEqual(cold.result.report)
      expect(tree(warm.out), name).toEqual(tree(cold.out))
      // Without these the test could pass with a cache that is never used. Tag aliases and stop
      // words change what parsing a file yields, so they alone make every file parse again;
      // templates and config are in every page's key, so those steps render every page again.
      if (i > 0) expect(warm.result.cache.parsed > 0, name).toBe(!name.startsWith('the tag config'))
      if (i > 0 && i < 12) expect(warm.result.cache.kept, name).toBeGreaterThan(0)
      if (name.startsWith('an image') || name.startsWith('the image')) {
        expect(readFileSync(path.join(warm.out, 'assets/logo.png')), name).toEqual(logo(name.startsWith('the image') ? 2 : 1))
      }
      if (name.startsWith('a story that a seed teaser names')) {
        expect(warm.read('2022/11/08/n-korea-slams-us-for-raising-alleged-arms-supply-to-russia/index.html')).toContain(
          '<h3 class="teaser-title"><a href="../../../../2022/11/08/n-korea-denies-arms-dealings-with-russia-says-it-has-no-plans-to-do-so/">'
        )
      }
      rmSync(path.join(root, `cold-${i}`), {recursive: true})
    }
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('The Test Gazette')
    expect(listFiles(path.join(root, 'dist')).filter((f) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/index\.html$/.test(f))).toEqual(['2024/02/28/france-hosts-summit/index.html'])
  }, 120_000)

  it('a warm build with nothing changed parses and renders nothing and touches no file', async () => {
    const {root} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {})
    const first = await buildIn(root, {config, cache: true})
    expect(first.result.cache).toEqual({parsed: 0, kept: 0})
    const before = new Map(first.files().map((f) => [f, statSync(path.join(first.out, f)).mtimeMs]))

    const again = await buildIn(root, {config, cache: true})
    expect(again.result.pages).toBe(first.result.pages)
    expect(again.result.cache.kept).toBe(again.result.pages)
    expect(again.result.cache.parsed).toBe(Object.keys(stories).length)
    expect(again.result.files).toBe(Object.keys(stories).length)
    expect(new Map(listFiles(again.out).map((f) => [f, statSync(path.join(again.out, f)).mtimeMs]))).toEqual(before)
  })

  it('a damaged cache is only a slower build', async () => {
    const {root} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {})
    const first = await buildIn(root, {config, cache: true})
    const expected = tree(first.out)
    for (const name of listFiles(path.join(root, '.broadsheet-cache'))) writeFileSync(path.join(root, '.broadsheet-cache', name), '{"version": 1, "trunc')
    const again = await buildIn(root, {config, cache: true})
    expect(again.result.cache).toEqual({parsed: 0, kept: 0})
    expect(tree(again.out)).toEqual(expected)
  })

  it('a --no-cache build in between makes the next cached build start cold', async () => {
    const {root, content} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {})
    await buildIn(root, {config, cache: true})
    // The same output folder, rewritten without the cache from other content.
    writeFileSync(path.join(content, 'france.txt'), article('2024-02-28', 'France hosts a different summit', ['Other text.']))
    await buildIn(root, {config, cache: false})
    writeFileSync(path.join(content, 'france.txt'), stories['france.txt'])
    const cached = await buildIn(root, {config, cache: true})
    expect(cached.result.cache.kept).toBe(0)
    const fresh = await buildIn(root, {config, cache: false, out: path.join(root, 'fresh')})
    expect(tree(cached.out)).toEqual(tree(fresh.out))
  })
})

describe('a change to the templates alone', () => {
  it('takes the last build’s model and report, errors, warnings, duplicates, drafts and skips included, as a build from nothing gives them', async () => {
    const {root, content} = writeContent({
      ...stories,
      'copy.txt': stories['france.txt'],
      'bad.txt': '\n\n\n',
      'draft.md': '---\ntitle: A draft\ndate: 2024-03-01\ndraft: true\n---\n\nNot yet.\n',
      // Windows-1252 bytes: read, with a warning.
      'cp1252.txt': Buffer.from(article('2024-03-02', 'Caf\u00e9 talks in Geneva', ['Russia met Ukraine at a caf\u00e9.']), 'latin1'),
      'page.html': '<!doctype html><html><body>not an article</body></html>\n',
      'photo.jpg': Buffer.from([0xff, 0xd8, 0xff])
    })
    const templates = path.join(root, 'templates')
    cpSync(bundledTemplates, templates, {recursive: true})
    const first = await buildIn(root, {templates, cache: true})
    const story = path.join(templates, 'story.liquid')
    writeFileSync(story, readFileSync(story, 'utf8').replace('{% block content %}', '{% block content %}<p class="test-marker">changed</p>'))
    const lines: string[] = []
    const warm = await buildIn(root, {templates, cache: true, onStep: (line) => lines.push(line)})
    const cold = await buildIn(root, {templates, cache: false, out: path.join(root, 'cold', 'dist')})
    expect(lines.some((line) => line.startsWith('model:') && line.endsWith('as the last build made it'))).toBe(true)
    expect(first.result.report.errors.length * first.result.report.warnings.length * first.result.report.duplicates.length).toBeGreaterThan(0)
    expect(first.result.report.skipped.length).toBeGreaterThanOrEqual(3)
    expect(warm.result.report).toEqual(cold.result.report)
    expect(warm.result.failed).toBe(cold.result.failed)
    expect(tree(warm.out)).toEqual(tree(cold.out))
    expect(warm.read('2024/02/28/france-hosts-summit/index.html')).toContain('test-marker')
    // What the read stage would have taken from the cache: every file read (the listing skips two) but the copy.
    expect(warm.result.cache.parsed).toBe(first.result.files - 2 - 1)
    expect(lines.find((line) => line.startsWith('parse:'))).toBe(`parse: ${cold.result.report.stories.length} articles (${warm.result.cache.parsed} from the cache), 1 error, ${cold.result.report.warnings.length} warning${cold.result.report.warnings.length === 1 ? '' : 's'}`)
  })
})

describe('unchanged files are not read again', () => {
  const headline = (out: string) => /<h1 class="story-headline">([^<]*)</.exec(readFileSync(path.join(out, '2024/02/28/france-hosts-summit/index.html'), 'utf8'))?.[1]

  it('takes a file whose size, time and inode are unchanged from the cache, and reads one whose time moved', async () => {
    const {root, content} = writeContent(stories)
    const out = path.join(root, 'dist')
    const france = path.join(content, 'france.txt')
    // A whole second, so the time can be put back exactly (a Date holds milliseconds, the stamp nanoseconds).
    const second = 1_700_000_000
    utimesSync(france, second, second)
    await buildIn(root, {out, cache: true})
    expect(headline(out)).toBe('France hosts summit')

    // Same size, same time: as make and git do, the file is taken to be unchanged and not read.
    writeFileSync(france, readFileSync(france, 'utf8').replace('France hosts summit', 'France hosts SUMMIT'))
    utimesSync(france, second, second)
    const recalled = await buildIn(root, {out, cache: true})
    expect(recalled.result.cache.parsed).toBe(Object.keys(stories).length)
    expect(headline(out)).toBe('France hosts summit')

    // The same edit with its own time (what an editor's save gives) is read and built.
    utimesSync(france, second, second + 1)
    const read = await buildIn(root, {out, cache: true})
    expect(read.result.cache.parsed).toBe(Object.keys(stories).length - 1)
    expect(read.read('2024/02/28/france-hosts-summit/index.html')).toContain('France hosts SUMMIT')
    expect(tree(out)).toEqual(tree((await buildIn(root, {out: path.join(root, 'fresh')})).out))
  })

  it('a lower maxFileBytes is applied to a file the cache knows', async () => {
    const {root} = writeContent(stories)
    const out = path.join(root, 'dist')
    await buildIn(root, {out, cache: true})
    const config = writeJson(path.join(root, 'small.json'), {maxFileBytes: 80})
    const small = await buildIn(root, {out, cache: true, config})
    const over = Object.keys(stories).filter((name) => Buffer.byteLength(stories[name as keyof typeof stories]) > 80)
    expect(over.length).toBeGreaterThan(0)
    expect(over.length).toBeLessThan(Object.keys(stories).length)
    expect(small.result.report.errors.map((e) => path.basename(e.source)).sort()).toEqual(over.sort())
  })
})

describe('a build whose inputs are all unchanged', () => {
  it('builds no model and renders nothing, reports what the last build did, and still mends a deleted page', async () => {
    const {root, content} = writeContent({...stories, 'seed.txt': readFileSync(seedPath)})
    const out = path.join(root, 'dist')
    const steps: string[] = []
    const first = await buildIn(root, {out, cache: true})
    const before = tree(out)

    // Every file touched: read again, found to hold the same bytes.
    for (const name of listFiles(content)) utimesSync(path.join(content, name), 1_700_000_000, 1_700_000_000)
    const again = await buildIn(root, {out, cache: true, onStep: (line) => steps.push(line)})
    expect(steps.some((line) => line.startsWith('model: nothing has changed'))).toBe(true)
    expect(again.result.report).toEqual(first.result.report)
    expect(again.result.pages).toBe(first.result.pages)
    expect(again.result.cache.kept).toBe(first.result.pages)
    expect(tree(out)).toEqual(before)

    // A page removed by hand: the output no longer matches its manifest, so the build runs.
    const page = path.join(out, first.result.report.stories[0]!.url, 'index.html')
    rmSync(page)
    const mended = await buildIn(root, {out, cache: true})
    expect(mended.result.cache.kept).toBe(first.result.pages - 1)
    expect(tree(out)).toEqual(before)

    // --drafts is an input too.
    writeFileSync(path.join(content, 'draft.md'), '---\ntitle: A draft\ndate: 2024-03-01\ndraft: true\n---\n\nNot yet.\n')
    await buildIn(root, {out, cache: true})
    const drafts = await buildIn(root, {out, cache: true, drafts: true})
    expect(drafts.result.report.stories.map((s) => s.headline)).toContain('A draft')
  })
})

describe('the stamp index and the parse entries', () => {
  it('an unchanged build needs only the stamps; a changed one parses again what the entries lost', async () => {
    const {root, content} = writeContent(stories)
    const out = path.join(root, 'dist')
    const first = await buildIn(root, {out, cache: true})
    const before = tree(out)
    const parsedDir = path.join(root, '.broadsheet-cache', 'parsed')
    const shards = listFiles(parsedDir).filter((name) => name.endsWith('.ndjson'))
    expect(shards.length).toBeGreaterThan(0)
    for (const name of shards) rmSync(path.join(parsedDir, name))

    const same = await buildIn(root, {out, cache: true})
    expect(same.result.report).toEqual(first.result.report)
    expect(tree(out)).toEqual(before)

    // One story edited: the other four are known by their stamps, but their parses are gone.
    writeFileSync(path.join(content, 'france.txt'), article('2024-02-28', 'France hosts summit', ['France hosted Germany, Russia and the United States.']))
    const edited = await buildIn(root, {out, cache: true})
    expect(edited.result.cache.parsed).toBe(0)
    expect(tree(out)).toEqual(tree((await buildIn(root, {out: path.join(root, 'fresh')})).out))
  })

  it('--strict fails on the errors of an unchanged build too', async () => {
    const {root, content} = writeContent(stories)
    writeFileSync(path.join(content, 'bad.txt'), ' date 2022-02-30 Bad date\n\nBody.\n')
    const out = path.join(root, 'dist')
    const lenient = await buildIn(root, {out, cache: true})
    expect(lenient.result.published).toBe(true)
    expect(lenient.result.failed).toBe(1)
    const strict = await buildIn(root, {out, cache: true, strict: true})
    expect(strict.result.published).toBe(false)
    expect(strict.result.report.errors).toEqual(lenient.result.report.errors)
  })
})
