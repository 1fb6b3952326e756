// Shared by the fault tests (faults.test.ts, faults.slow.test.ts, tests/cache/checksum.test.ts):
// what a failed build said about its output folder, checked against the folder itself, and a
// --no-cache build to compare the next build with.
import {readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {expect} from 'vitest'
import type {BuildOptions} from '../../src/build/index.ts'
import {buildIn, tree} from './fixture.ts'

export type Said = 'unchanged' | 'partial' | 'replaced' | 'missing'

/** What the last failure message in `stderr` says the output folder `out` is. */
export function said(stderr: string, out: string): Said {
  const states: Array<[Said, string]> = [
    ['unchanged', `; ${out} is unchanged`],
    ['partial', `; ${out} is partly updated`],
    ['replaced', `; ${out} holds the new site`],
    ['missing', `; ${out} is missing`]
  ]
  const found = states.filter(([, text]) => stderr.includes(text))
  expect(found.map(([state]) => state), `one state said in: ${stderr}`).toHaveLength(1)
  return found[0]![0]
}

/**
 * The message must be true of the folder: "unchanged" when its bytes are those of before, and
 * any other state only when they are not.
 */
export function expectTruthful(stderr: string, out: string, before: Record<string, string>, after: Record<string, string>): Said {
  const state = said(stderr, out)
  if (state === 'unchanged') expect(after, `said "${out} is unchanged": ${stderr}`).toEqual(before)
  else expect(after, `said "${state}": ${stderr}`).not.toEqual(before)
  return state
}

/** Staging, `.old` and `.undo` folders beside the output, and temporary files in the cache. */
export function leftovers(root: string): string[] {
  const beside = readdirSync(root).filter((name) => /\.staging-/.test(name))
  const cache = path.join(root, '.broadsheet-cache')
  const temporary = [cache, path.join(cache, 'parsed')].flatMap((dir) => {
    try {
      return readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.endsWith('.journal'))
    } catch {
      return []
    }
  })
  return [...beside, ...temporary]
}

/**
 * Builds `root`'s content into `out` (default: root/dist) with the cache, then without into a
 * fresh folder, and requires the same bytes and the same report.
 */
export async function sameAsNoCache(root: string, options: Partial<BuildOptions> = {}): Promise<void> {
  const warm = await buildIn(root, {...options, cache: true})
  const coldOut = path.join(root, 'no-cache', 'dist')
  const cold = await buildIn(root, {...options, cache: false, out: coldOut})
  expect(warm.result.published).toBe(true)
  expect(warm.result.report).toEqual(cold.result.report)
  expect(tree(warm.out)).toEqual(tree(cold.out))
  rmSync(path.join(root, 'no-cache'), {recursive: true, force: true})
}
