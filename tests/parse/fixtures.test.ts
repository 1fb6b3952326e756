import {describe, expect, it} from 'vitest'
import {expectedResult, fixtureCases, runFixture} from './run-fixture.ts'

const cases = fixtureCases()

describe('fixtures: input bytes → decode → parse equals expected.json', () => {
  it('has the fixture folders', () => {
    expect(cases).toEqual(expect.arrayContaining(['seed', 'plain-headline-first', 'markdown-front-matter', 'crlf', 'bom', 'windows-1252']))
  })
  it.each(cases)('%s', (testCase) => {
    expect(runFixture(testCase)).toEqual(expectedResult(testCase))
  })
})
