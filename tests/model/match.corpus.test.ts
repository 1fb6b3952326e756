// The title matcher on two BBC headlines one word apart: each finds its own, and a typo the nearer.
import {describe, expect, it} from 'vitest'
import {createTitleMatcher, normaliseTitle} from '../../src/model/match.ts'
import {bbcArticles} from './story-files.ts'

describe('createTitleMatcher on the BBC headlines', () => {
  it('keeps `Bank set to...` and `Bank opts to...` apart, and gives `opt` to `opts`', () => {
    const bbc = [...new Set(bbcArticles().map((a) => normaliseTitle(a.headline)))]
    const match = createTitleMatcher(bbc)
    expect(match('bank set to leave rates on hold')).toBe(bbc.indexOf('bank set to leave rates on hold'))
    expect(match('bank opts to leave rates on hold')).toBe(bbc.indexOf('bank opts to leave rates on hold'))
    expect(match('bank opt to leave rates on hold')).toBe(bbc.indexOf('bank opts to leave rates on hold'))
  })
})
