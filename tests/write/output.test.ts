import {mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {containedPath, openOutput, writeFileAtomically} from '../../src/write/output.ts'

describe('containedPath', () => {
  const root = path.join(tmpdir(), 'dist')

  it('resolves plain relative paths inside the root', () => {
    expect(containedPath(root, 'a/b/index.html')).toBe(path.join(root, 'a/b/index.html'))
  })

  it.each(['../x', '../../etc/passwd', 'a/../../x', '/abs', '', '.', 'a\u0000b', 'a\nb', 'a\\..\\x'])(
    'refuses %j',
    (relative) => {
      expect(() => containedPath(root, relative)).toThrow(/refusing to write/)
    }
  )

  it('does not take a sibling with the same prefix for the root', () => {
    expect(() => containedPath(root, '../dist2/x')).toThrow(/outside the output folder/)
  })
})

describe('openOutput', () => {
  it('swaps the new site in on commit and removes the old one', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'bs-out-'))
    const out = path.join(parent, 'dist')
    mkdirSync(out)
    writeFileSync(path.join(out, 'stale.html'), 'old')
    const output = openOutput(out)
    output.write({path: 'index.html', content: 'new'})
    output.write({path: 'a/b/index.html', content: 'deep'})
    output.commit()
    expect(readdirSync(out).sort()).toEqual(['a', 'index.html'])
    expect(readFileSync(path.join(out, 'a/b/index.html'), 'utf8')).toBe('deep')
    expect(readdirSync(parent)).toEqual(['dist'])
  })

  it('leaves the old site as it was on abort', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'bs-out-'))
    const out = path.join(parent, 'dist')
    mkdirSync(out)
    writeFileSync(path.join(out, 'index.html'), 'old')
    const output = openOutput(out)
    output.write({path: 'index.html', content: 'new'})
    output.abort()
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('old')
    expect(readdirSync(parent)).toEqual(['dist'])
  })

  it('refuses to write one path twice', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'bs-out-'))
    const output = openOutput(path.join(parent, 'dist'))
    output.write({path: 'x.html', content: '1'})
    expect(() => output.write({path: 'x.html', content: '2'})).toThrow()
    output.abort()
    expect(existsSync(path.join(parent, 'dist'))).toBe(false)
  })
})

describe('writeFileAtomically', () => {
  it('writes text given in pieces, small and large, as the text they make together, in place of the old file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bs-atomic-'))
    const file = path.join(dir, 'cache', 'shard.ndjson')
    writeFileAtomically(file, 'old')
    // Thousands of lines, a piece far over the size a write gathers, and pieces of nothing.
    const pieces = [...Array.from({length: 5000}, (_, i) => `{"line":${i},"text":"née — ${'x'.repeat(i % 50)}"}\n`), 'y'.repeat(200_000), '', 'end\n']
    writeFileAtomically(file, pieces.values())
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''))
    expect(readdirSync(path.dirname(file))).toEqual(['shard.ndjson'])
  })
})
