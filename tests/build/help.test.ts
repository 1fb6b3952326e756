// `--help` for each command, as a person asks for it: every option the README shows for a command
// is in that command's help, and a mistyped option points to the help.
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from './fixture.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const cwd = mkdtempSync(path.join(tmpdir(), 'broadsheet-help-'))

/** Each command's options as the README's synopses write them: `npm run broadsheet -- build [--content DIR] …`. */
function documentedOptions(): Map<string, string[]> {
  const options = new Map<string, string[]>()
  let command: string | null = null
  for (const line of readme.split('\n')) {
    const start = /^npm run (?:--silent )?broadsheet -- (\w+)/.exec(line)
    if (start) command = start[1]!
    else if (!/^\s+\[/.test(line)) command = null
    if (command === null) continue
    const named = [...line.replace(/#.*/, '').matchAll(/\[(--[a-z-]+)/g)].map((m) => m[1]!)
    options.set(command, [...(options.get(command) ?? []), ...named])
  }
  return options
}

describe('broadsheet <command> --help', () => {
  const documented = documentedOptions()

  it('the README has a synopsis of every command', async () => {
    expect([...documented.keys()].sort()).toEqual(['build', 'check', 'dev', 'new', 'parse', 'preview', 'tags'])
    expect(documented.get('build')).toContain('--no-cache')
  })

  it.each([...documented])('%s --help lists every option the README shows for it, and exits 0', async (command, options) => {
    const {status, stdout} = await runCli([command, '--help'], cwd)
    expect(status).toBe(0)
    expect(stdout).toMatch(new RegExp(`^Usage: broadsheet ${command}\\b`))
    for (const option of options) expect(stdout, option).toMatch(new RegExp(`^  ${option}\\b`, 'm'))
  })

  it('help build says the same, with each default', async () => {
    const {status, stdout} = await runCli(['help', 'build'], cwd)
    expect(status).toBe(0)
    expect(stdout).toBe((await runCli(['build', '-h'], cwd)).stdout)
    expect(stdout).toMatch(/^ {2}--out DIR +the output folder \(default: dist\)$/m)
  })

  it('an unknown option is named, with where to find the right ones, and exits 2', async () => {
    const {status, stderr} = await runCli(['build', '--outt', 'x'], cwd)
    expect(status).toBe(2)
    expect(stderr).toBe('broadsheet build: unknown option --outt\nbroadsheet build --help lists its options.\n')
  })
})
