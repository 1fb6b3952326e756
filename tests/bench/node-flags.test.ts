import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {buildNodeFlags} from '../../bench/lib/node-flags.ts'

const repo = fileURLToPath(new URL('../../', import.meta.url))

describe('the node flags a build runs with', () => {
  it('are the build script’s, which the bench starts its builds with', () => {
    expect(buildNodeFlags(repo)).toEqual(['--max-semi-space-size=32'])
  })

  it('are the same in every script that starts the launcher, and on the launcher’s first line', () => {
    const scripts = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {scripts: Record<string, string>}).scripts
    const flags = buildNodeFlags(repo).join(' ')
    const starting = Object.values(scripts).filter((script) => script.includes('bin/broadsheet.js'))
    expect(starting.length).toBeGreaterThanOrEqual(2)
    for (const script of starting) expect(script.startsWith(`node ${flags} bin/broadsheet.js`)).toBe(true)
    expect(readFileSync(path.join(repo, 'bin/broadsheet.js'), 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`)
  })
})
