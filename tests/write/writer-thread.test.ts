import {mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {describe, expect, it} from 'vitest'
import {stagingWriterAside} from '../../src/write/writer-thread.ts'

const seed = readFileSync(new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url), 'utf8')

function staging(): string {
  return mkdtempSync(path.join(tmpdir(), 'bs-writer-'))
}

function filesUnder(root: string): string[] {
  return (readdirSync(root, {recursive: true, withFileTypes: true}) as Array<{isFile(): boolean; parentPath: string; name: string}>)
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('stagingWriterAside', () => {
  it('writes every file, text and bytes, into the folders it makes, by the time finish returns', () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    // 300 pages of four seeds each, 18 MB in all: more than may wait in the queue, so the caller
    // has to wait for the writer on the way.
    const page = seed.repeat(4)
    for (let i = 0; i < 300; i++) sink.write({path: `2022/11/${String(i % 30).padStart(2, '0')}/story-${i}/index.html`, content: `${i}\n${page}`})
    const bytes = Uint8Array.from([0, 1, 2, 255])
    sink.write({path: 'assets/blob.bin', content: bytes})
    sink.finish()
    expect(filesUnder(root)).toHaveLength(301)
    expect(readFileSync(path.join(root, '2022/11/07/story-187/index.html'), 'utf8')).toBe(`187\n${page}`)
    expect([...readFileSync(path.join(root, 'assets/blob.bin'))]).toEqual([0, 1, 2, 255])
    // The seed's em dashes and middle dots survive the trip as UTF-8.
    expect(readFileSync(path.join(root, '2022/11/00/story-0/index.html'), 'utf8')).toContain('·3 min read')
  })

  it('makes folders in any order, beside another writer making the same ones', () => {
    const root = staging()
    const [one, two] = [stagingWriterAside(root), stagingWriterAside(root)]
    // Deep before shallow, and both writers into the same new folders at once.
    for (let i = 0; i < 200; i++) {
      const day = `2023/${String((i % 12) + 1).padStart(2, '0')}/${String((i % 28) + 1).padStart(2, '0')}`
      ;(i % 2 === 0 ? one : two).write({path: `${day}/story-${i}/index.html`, content: `${i}`})
      ;(i % 2 === 0 ? two : one).write({path: `${day}/page-${i}.html`, content: `day ${i}`})
    }
    one.write({path: '2023/index.html', content: 'year'})
    one.finish()
    two.finish()
    expect(filesUnder(root)).toHaveLength(401)
    expect(readFileSync(path.join(root, '2023/03/03/story-2/index.html'), 'utf8')).toBe('2')
  })

  it('copies what it is given: bytes, Buffers and views of the caller stay as they were', () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    const own = Uint8Array.from([1, 2, 3])
    const kept = Buffer.from('template asset')
    const shared = new Uint8Array(8).fill(7)
    const view = shared.subarray(2, 5)
    sink.write({path: 'own.bin', content: own})
    sink.write({path: 'kept.txt', content: kept})
    sink.write({path: 'view.bin', content: view})
    sink.finish()
    expect([...readFileSync(path.join(root, 'own.bin'))]).toEqual([1, 2, 3])
    expect(readFileSync(path.join(root, 'kept.txt'), 'utf8')).toBe('template asset')
    expect([...readFileSync(path.join(root, 'view.bin'))]).toEqual([7, 7, 7])
    expect([...own]).toEqual([1, 2, 3])
    expect(kept.toString()).toBe('template asset')
    expect([...shared]).toEqual([7, 7, 7, 7, 7, 7, 7, 7])
  })

  it('writes pages whose characters and bytes cross the end of its ring, and files too large to queue', () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    // Lengths that do not divide the ring, of two-, three- and four-byte characters and of bytes:
    // 35 MB through a ring of 8 MB, which wraps inside characters and inside bytes.
    const pages: Array<string | Uint8Array> = ['é', '—', '𝄞', 'a'].map((char, i) => `${i}${char.repeat(100_003 + i)}`)
    pages.push(Uint8Array.from({length: 150_001}, (_, i) => i % 251))
    const names: string[] = []
    for (let i = 0; i < 150; i++) {
      const name = `s${'ü'.repeat(i % 7)}/page-${i}.html`
      names.push(name)
      sink.write({path: name, content: pages[i % pages.length]!})
    }
    const large = `<p>${'🗞 Broadsheet '.repeat(400_000)}</p>`
    sink.write({path: 'large/index.html', content: large})
    sink.write({path: 'large.bin', content: new Uint8Array(3 * 1024 * 1024).fill(9)})
    sink.finish()
    names.forEach((name, i) => {
      const page = pages[i % pages.length]!
      const written = readFileSync(path.join(root, name))
      if (typeof page === 'string') expect(written.toString('utf8'), name).toBe(page)
      else expect(written.equals(page), name).toBe(true)
    })
    expect(readFileSync(path.join(root, 'large/index.html'), 'utf8')).toBe(large)
    expect(readFileSync(path.join(root, 'large.bin')).every((byte) => byte === 9)).toBe(true)
    expect(filesUnder(root)).toHaveLength(152)
  })

  it('writes a file only if the file it is to be compared with holds other bytes, and names the others at finish', () => {
    const root = staging()
    const output = staging()
    const sink = stagingWriterAside(root)
    const page = (i: number) => `${i}é${seed.repeat(1 + (i % 5))}`
    // Pages of 4 to 20 KB through a ring of 8 MB: some of them, and some compared files, across its end.
    const expected: string[] = []
    for (let i = 0; i < 1200; i++) {
      const old = path.join(output, `${i}.html`)
      // Every third the same bytes; every third as long but other bytes; the rest longer, or not there.
      if (i % 3 === 0) writeFileSync(old, page(i))
      else if (i % 3 === 1) writeFileSync(old, page(i).replace('é', 'è'))
      else if (i % 6 === 2) writeFileSync(old, `${page(i)}!`)
      if (i % 3 === 0) expected.push(`flat.${i}`)
      sink.write({path: `flat.${i}`, content: page(i)}, old)
    }
    // Too large to queue: compared on the caller's thread, the same way.
    const large = '🗞'.repeat(1_000_000)
    writeFileSync(path.join(output, 'large.html'), large)
    sink.write({path: 'flat.large', content: large}, path.join(output, 'large.html'))
    sink.write({path: 'flat.bytes', content: Uint8Array.from([1, 2, 3])}, path.join(output, 'missing.bin'))
    expected.push('flat.large')
    const same = sink.finish()
    expect([...same].sort()).toEqual([...expected].sort())
    expect(filesUnder(root)).toHaveLength(1200 - 400 + 1)
    expect(readFileSync(path.join(root, 'flat.1'), 'utf8')).toBe(page(1))
    expect(readFileSync(path.join(root, 'flat.2'), 'utf8')).toBe(page(2))
    expect([...readFileSync(path.join(root, 'flat.bytes'))]).toEqual([1, 2, 3])
  })

  it('fails finish with the file system error when two files claim one path', () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    sink.write({path: 'a/index.html', content: 'first'})
    sink.write({path: 'a/index.html', content: 'second'})
    expect(() => sink.finish()).toThrow(/EEXIST.*a\/index\.html/)
    expect(readFileSync(path.join(root, 'a/index.html'), 'utf8')).toBe('first')
  })

  it('writes nothing after a failure, and refuses more files once it is known', () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    sink.write({path: 'same.html', content: 'one'})
    sink.write({path: 'same.html', content: 'two'})
    for (let i = 0; i < 50; i++) sink.write({path: `after/${i}.html`, content: 'x'})
    expect(() => sink.finish()).toThrow(/EEXIST/)
    expect(existsSync(path.join(root, 'after'))).toBe(false)
    expect(() => sink.write({path: 'later.html', content: 'x'})).toThrow(/closed/)
  })

  it('refuses a path outside the staging folder before it reaches the thread', () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    expect(() => sink.write({path: '../escape.html', content: 'x'})).toThrow(/outside the output folder/)
    sink.finish()
    expect(existsSync(path.join(path.dirname(root), 'escape.html'))).toBe(false)
    expect(filesUnder(root)).toEqual([])
  })

  it('stop returns once nothing more can be written: a removed staging folder stays removed', async () => {
    const root = staging()
    const sink = stagingWriterAside(root)
    for (let i = 0; i < 2000; i++) sink.write({path: `day-${i % 40}/story-${i}/index.html`, content: seed})
    sink.stop()
    rmSync(root, {recursive: true, force: true})
    await sleep(200)
    expect(existsSync(root)).toBe(false)
    sink.stop()
    sink.finish()
  })
})
