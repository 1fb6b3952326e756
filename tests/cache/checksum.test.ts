// Every cache file checks itself (src/cache/file.ts): a byte changed, cut off or moved, a file
// swapped for another or another version's, makes it a miss. And whatever is done to the cache
// folder, a cached build gives the bytes and the report of a --no-cache build.
import {cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {afterAll, describe, expect, it} from 'vitest'
import {openCacheWrites, readCacheFile, writeCacheFile} from '../../src/cache/file.ts'
import {article, buildIn, listFiles, tree, writeContent, writeJson} from '../build/fixture.ts'

const folder = mkdtempSync(path.join(tmpdir(), 'checksum-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))

describe('a cache file', () => {
  const file = path.join(folder, 'one.json')
  const text = JSON.stringify({née: 'Zoë — 1', list: [1, 2, 3]})

  it('reads back what was written, and nothing else', () => {
    writeCacheFile(file, text)
    expect(readCacheFile(file)?.toString('utf8')).toBe(text)
    writeCacheFile(file, ['{"a":', '1}', ''].values())
    expect(readCacheFile(file)?.toString('utf8')).toBe('{"a":1}')
    expect(readCacheFile(path.join(folder, 'none.json'))).toBeNull()
  })

  it('is a miss when any byte is changed, when cut anywhere, or under another name', () => {
    writeCacheFile(file, text)
    const bytes = readFileSync(file)
    const damaged = path.join(folder, 'damaged.json')
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes)
      copy[i] = copy[i]! ^ 0x01
      writeFileSync(damaged, copy)
      // Under the name it was written as, so only the change can make it a miss.
      renameSync(damaged, file)
      expect(readCacheFile(file), `byte ${i}`).toBeNull()
      writeFileSync(file, bytes)
    }
    for (let length = 0; length < bytes.length; length++) {
      writeFileSync(file, bytes.subarray(0, length))
      expect(readCacheFile(file), `cut at ${length}`).toBeNull()
    }
    writeFileSync(file, bytes)
    cpSync(file, path.join(folder, 'other.json'))
    expect(readCacheFile(path.join(folder, 'other.json'))).toBeNull()
    expect(readCacheFile(file)?.toString('utf8')).toBe(text)
  })

  it('staged: in place only at commit, and gone without a trace on abort', () => {
    const staged = path.join(folder, 'staged', 'a.json')
    writeCacheFile(staged, '"old"')
    const writes = openCacheWrites()
    writes.stage(staged, '"new"')
    expect(readCacheFile(staged)?.toString()).toBe('"old"')
    writes.abort()
    expect(readdirSync(path.dirname(staged))).toEqual(['a.json'])
    const again = openCacheWrites()
    again.stage(staged, '"new"')
    again.commit()
    expect(readCacheFile(staged)?.toString()).toBe('"new"')
    expect(readdirSync(path.dirname(staged))).toEqual(['a.json'])
  })
})

const stories: Record<string, string> = {
  'russia.txt': article('2024-03-05', 'Russia and Ukraine talk', ['Russia met Ukraine in Geneva. The United States watched.', 'Talks went on late.'], 'By JANE DOE\n\n'),
  'ukraine.txt': article('2024-03-05', 'Ukraine answers Russia', ['Ukraine said Russia must leave. Germany agreed.', 'Nothing more was said.']),
  'germany.txt': article('2024-03-04', 'Germany sends aid to Ukraine', ['Germany and France sent aid to Ukraine.', 'The aid left on Monday.'], 'By JOHN ROE\n\n'),
  'france.txt': article('2024-02-28', 'France hosts summit', ['France hosted Germany and the United States.', 'The summit ended with a statement on trade.']),
  'spain.txt': article('2024-02-27', 'Spain joins the talks', ['Spain joined France and Germany.', 'The talks were in Madrid.']),
  'italy.txt': article('2024-02-26', 'Italy stays away', ['Italy said it would not attend.', 'Rome gave no reason.']),
  'undated.txt': 'Undated note about Russia\n\nRussia and the United States met.\n\nMore later.\n'
}

/** Content edits a run may make after the cache is damaged, so that the cache's entries are used. */
const EDITS: Record<string, (content: string) => void> = {
  none: () => {},
  body: (content) => writeFileSync(path.join(content, 'spain.txt'), stories['spain.txt']!.replace('in Madrid', 'in Seville')),
  headline: (content) => writeFileSync(path.join(content, 'italy.txt'), stories['italy.txt']!.replace('Italy stays away', 'Italy keeps away')),
  added: (content) => writeFileSync(path.join(content, 'added.txt'), article('2024-03-06', 'Germany answers France', ['Germany said France was right.'])),
  removed: (content) => rmSync(path.join(content, 'ukraine.txt'))
}

type Mutation =
  | {kind: 'letter' | 'digit' | 'bit' | 'cut'; file: number; at: number; by: number}
  | {kind: 'delete'; file: number}
  | {kind: 'swap'; file: number; other: number}
  | {kind: 'lines'; file: number; at: number; by: number}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constantFrom('letter' as const, 'digit' as const, 'bit' as const, 'cut' as const), file: fc.nat(), at: fc.nat(), by: fc.nat()}),
  fc.record({kind: fc.constant('delete' as const), file: fc.nat()}),
  fc.record({kind: fc.constant('swap' as const), file: fc.nat(), other: fc.nat()}),
  fc.record({kind: fc.constant('lines' as const), file: fc.nat(), at: fc.nat(), by: fc.nat()})
)

/** Changes a cache file; letters, digits and swapped lines keep a JSON file valid JSON. */
function mutate(cache: string, m: Mutation): void {
  const files = listFiles(cache).filter((name) => statSync(path.join(cache, name)).isFile())
  if (files.length === 0) return
  const file = path.join(cache, files[m.file % files.length]!)
  const bytes = readFileSync(file)
  const positions = (test: (byte: number) => boolean) => [...bytes.keys()].filter((i) => test(bytes[i]!))
  const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
  const isDigit = (b: number) => b >= 0x30 && b <= 0x39
  switch (m.kind) {
    case 'letter':
    case 'digit': {
      const at = positions(m.kind === 'letter' ? isLetter : isDigit)
      if (at.length === 0) return
      const i = at[m.at % at.length]!
      const set = m.kind === 'letter' ? 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' : '0123456789'
      const from = set.indexOf(String.fromCharCode(bytes[i]!))
      bytes[i] = set.charCodeAt((from + 1 + (m.by % (set.length - 1))) % set.length)
      return writeFileSync(file, bytes)
    }
    case 'bit':
      if (bytes.length === 0) return
      bytes[m.at % bytes.length] = bytes[m.at % bytes.length]! ^ (1 << m.by % 8)
      return writeFileSync(file, bytes)
    case 'cut':
      return writeFileSync(file, bytes.subarray(0, m.at % (bytes.length + 1)))
    case 'delete':
      return rmSync(file)
    case 'swap': {
      const other = path.join(cache, files[m.other % files.length]!)
      const theirs = readFileSync(other)
      writeFileSync(other, bytes)
      return writeFileSync(file, theirs)
    }
    case 'lines': {
      const lines = bytes.toString('utf8').split('\n')
      if (lines.length < 3) return
      const a = m.at % (lines.length - 1)
      const b = m.by % (lines.length - 1)
      ;[lines[a], lines[b]] = [lines[b]!, lines[a]!]
      return writeFileSync(file, lines.join('\n'))
    }
  }
}

describe('a damaged cache', () => {
  it('never changes what is built: random bytes and files flipped, cut, swapped and deleted, JSON kept valid too', async () => {
    const {root, content} = writeContent(stories)
    const config = writeJson(path.join(root, 'broadsheet.config.json'), {baseUrl: 'https://news.example/'})
    // Whole seconds, so that putting a file back puts its stamp back (stamp.ts: size, time, inode).
    const second = 1_700_000_000
    const restoreContent = () => {
      for (const name of readdirSync(content)) if (!(name in stories)) rmSync(path.join(content, name))
      for (const [name, text] of Object.entries(stories)) {
        writeFileSync(path.join(content, name), text)
        utimesSync(path.join(content, name), second, second)
      }
    }
    restoreContent()
    const out = path.join(root, 'dist')
    const cache = path.join(root, '.broadsheet-cache')
    await buildIn(root, {config, out, cache: true})
    // A second build, so that the cache also holds a site snapshot for edits to bodies alone.
    EDITS['body']!(content)
    await buildIn(root, {config, out, cache: true})
    restoreContent()
    await buildIn(root, {config, out, cache: true})
    const pristine = path.join(root, 'pristine')
    cpSync(out, path.join(pristine, 'dist'), {recursive: true})
    cpSync(cache, path.join(pristine, 'cache'), {recursive: true})

    // What each edit must give: a --no-cache build of it.
    const expected = new Map<string, {files: Record<string, string>; report: unknown}>()
    for (const [name, edit] of Object.entries(EDITS)) {
      edit(content)
      const cold = await buildIn(root, {config, out: path.join(root, 'cold', name), cache: false})
      expected.set(name, {files: tree(cold.out), report: cold.result.report})
      restoreContent()
    }
    rmSync(path.join(root, 'cold'), {recursive: true})

    let runs = 0
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, {minLength: 1, maxLength: 4}), fc.constantFrom(...Object.keys(EDITS)), async (mutations, edit) => {
        runs++
        rmSync(out, {recursive: true, force: true})
        rmSync(cache, {recursive: true, force: true})
        cpSync(path.join(pristine, 'dist'), out, {recursive: true})
        cpSync(path.join(pristine, 'cache'), cache, {recursive: true})
        restoreContent()
        for (const m of mutations) mutate(cache, m)
        EDITS[edit]!(content)
        const warm = await buildIn(root, {config, out, cache: true})
        expect(warm.result.published).toBe(true)
        expect(warm.result.report).toEqual(expected.get(edit)!.report)
        expect(tree(out)).toEqual(expected.get(edit)!.files)
      }),
      {numRuns: 24, seed: 20240305}
    )
    expect(runs).toBe(24)
  }, 240_000)
})
