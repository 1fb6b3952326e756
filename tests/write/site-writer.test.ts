// The site writer as a build drives it, for what a unit can show: a share of any size merges.
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {outputCachePaths} from '../../src/cache/manifest.ts'
import {openSiteWriter} from '../../src/write/site-writer.ts'
import {emptyReport} from '../../src/build/context.ts'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, {recursive: true, force: true})
})

describe('openSiteWriter', () => {
  it('merges a share that staged more files than a call takes arguments (a template change at 100,000 stories)', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-writer-'))
    roots.push(root)
    const out = path.join(root, 'dist')
    mkdirSync(out)
    const record = {inputs: 'i', report: emptyReport(), failed: 0}
    const writer = openSiteWriter(out, {paths: outputCachePaths(out), writes: null}, {version: 'v', files: {}}, 'v', record, [], false)
    try {
      const staged = Array.from({length: 300_000}, (_, i): [string, string] => [`p/${i}/index.html`, `f${i}`])
      expect(() => writer.merge({files: {}, staged, written: staged.length, kept: 0})).not.toThrow()
      expect(writer.stats.written).toBe(300_000)
    } finally {
      writer.abort()
    }
  })
})
