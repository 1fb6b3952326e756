// A cold build of thousands of files parses on a helper thread, and writes the bytes a build that
// parses on one thread writes.
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {plainFiles} from '../../bench/lib/newsroom.ts'
import {startParseHelper} from '../../src/threads/parse-helper.ts'
import {buildIn, tree, writeContent} from './fixture.ts'

// The real helper, counted: a build test must know that its build used it.
vi.mock('../../src/threads/parse-helper.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/threads/parse-helper.ts')>()
  return {...real, startParseHelper: vi.fn(real.startParseHelper)}
})

describe('a cold build of thousands of files', () => {
  it('parses on a helper thread and writes the same bytes as a build that parses on one (--jobs 1)', async () => {
    // Four copies of 1,325 generated stories, each headline marked with its copy: 5,300 files, over
    // the 4,000 at which a build starts the helper.
    const files: Record<string, string> = {}
    for (const [name, text] of Object.entries(plainFiles(1325))) {
      for (let copy = 1; copy <= 4; copy++) files[path.join(`copy-${copy}`, name)] = `Copy ${copy}: ${text}`
    }
    const {root} = writeContent(files)
    const helper = vi.mocked(startParseHelper)
    helper.mockClear()
    const one = await buildIn(root, {out: path.join(root, 'one'), jobs: 1})
    expect(helper).not.toHaveBeenCalled()
    const two = await buildIn(root, {out: path.join(root, 'two')})
    expect(helper).toHaveBeenCalledTimes(1)
    expect(two.result.report.stories.length).toBeGreaterThan(4000)
    expect(two.result.report).toEqual(one.result.report)
    expect(tree(two.out)).toEqual(tree(one.out))
  }, 240_000)
})
