import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {readContentFile} from '../../src/read/file.ts'
import {listContentFiles} from '../../src/read/list.ts'

const root = mkdtempSync(path.join(tmpdir(), 'broadsheet-read-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

function write(rel: string, content: string | Uint8Array = 'Headline\n\nBody.\n'): string {
  const file = path.join(root, rel)
  mkdirSync(path.dirname(file), {recursive: true})
  writeFileSync(file, content)
  return file
}

describe('listContentFiles', () => {
  it('lists article files recursively, sorted, and says why it skipped the rest', async () => {
    const dir = path.join(root, 'content')
    for (const rel of ['b.txt', 'a.md', 'Z', 'sub/deeper/c.txt', 'sub/a.TXT', '.hidden.txt', '.git/config', 'b.txt~', '.b.txt.swp', 'x.swo', '#b.txt#', 'photo.jpg']) {
      write(`content/${rel}`)
    }
    symlinkSync(path.join(dir, 'b.txt'), path.join(dir, 'link.txt'))
    symlinkSync(path.join(dir, 'sub'), path.join(dir, 'linked-dir'))
    const listing = await listContentFiles(dir)
    expect(listing.files).toEqual(['Z', 'a.md', 'b.txt', 'sub/a.TXT', 'sub/deeper/c.txt'])
    expect(listing.skipped).toEqual([
      {source: '#b.txt#', reason: 'editor backup'},
      {source: '.b.txt.swp', reason: 'hidden'},
      {source: '.git', reason: 'hidden'},
      {source: '.hidden.txt', reason: 'hidden'},
      {source: 'b.txt~', reason: 'editor backup'},
      {source: 'link.txt', reason: 'symlink refused'},
      {source: 'linked-dir', reason: 'symlink refused'},
      {source: 'photo.jpg', reason: 'not an article file (.txt, .md, .eml or no extension)'},
      {source: 'x.swo', reason: 'editor backup'}
    ])
  })
  it('walks a deep tree without recursion limits', async () => {
    const deep = Array.from({length: 60}, (_, i) => `d${i}`).join('/')
    write(`deep/${deep}/story.txt`)
    const listing = await listContentFiles(path.join(root, 'deep'))
    expect(listing.files).toEqual([`${deep}/story.txt`])
  })
})

describe('readContentFile', () => {
  it('reads, hashes and decodes', async () => {
    const bytes = Uint8Array.from([0x48, 0x93, 0x69, 0x94, 0x0a])
    const file = write('r/w1252.txt', bytes)
    const result = await readContentFile(file, 'r/w1252.txt', 1000)
    if ('error' in result) throw new Error(result.error.message)
    expect(result.text).toBe('H“i”\n')
    expect(result.hash).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(result.diagnostics).toEqual([{severity: 'warning', line: 1, message: expect.stringMatching(/Windows-1252/)}])
  })
  it('accepts a file of exactly the limit and refuses one byte more', async () => {
    const file = write('r/limit.txt', 'x'.repeat(100))
    expect('text' in (await readContentFile(file, 'r/limit.txt', 100))).toBe(true)
    expect(await readContentFile(file, 'r/limit.txt', 99)).toEqual({
      error: {severity: 'error', line: 0, message: expect.stringMatching(/too large.*limit is 99 bytes/)}
    })
  })
  it('refuses a huge file without reading it (a 6 GB sparse file is larger than any Buffer)', async () => {
    const file = write('r/huge.txt', '')
    truncateSync(file, 6 * 1024 ** 3)
    const result = await readContentFile(file, 'r/huge.txt', 5_000_000)
    expect(result).toEqual({error: {severity: 'error', line: 0, message: expect.stringMatching(/too large/)}})
    rmSync(file)
  })
  it('reads on past the size stat gave, and still stops at the limit', async () => {
    // /proc files say they are empty and are not: a file that grew between stat and read.
    const whole = readFileSync('/proc/self/maps')
    expect(whole.length).toBeGreaterThan(4096)
    const read = await readContentFile('/proc/self/maps', 'maps', 10_000_000)
    if ('error' in read) throw new Error(read.error.message)
    // The process's memory map may change between the two reads; its first line does not.
    expect(read.text.split('\n')[0]).toBe(whole.toString('utf8').split('\n')[0])
    expect(read.text.length).toBeGreaterThan(4096)
    const limited = await readContentFile('/proc/self/maps', 'maps', 1000)
    expect('error' in limited && limited.error.message).toMatch(/too large.*1001 bytes or more \(the limit is 1000 bytes\)/)
  })

  it('turns missing files and folders into line-0 errors', async () => {
    expect(await readContentFile(path.join(root, 'nope.txt'), 'nope.txt', 100)).toEqual({
      error: {severity: 'error', line: 0, message: 'cannot read the file: no such file'}
    })
    mkdirSync(path.join(root, 'folder'), {recursive: true})
    const folder = await readContentFile(path.join(root, 'folder'), 'folder', 100)
    expect('error' in folder && folder.error.message).toMatch(/folder/)
  })
})
