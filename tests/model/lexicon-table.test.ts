import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {isFunctionalWord, isHonorific, isOrgWord, isPlaceWord, lexicalKind} from '../../src/model/tags/lexicon.ts'
import {LEXICON_TABLE, lexiconTableSource} from '../../scripts/lexicon-table.ts'

describe('lexicon table', () => {
  it('is what `npm run lexicon` makes from the installed compromise', () => {
    expect(readFileSync(LEXICON_TABLE, 'utf8')).toBe(lexiconTableSource())
  })

  it('answers from it as compromise tags the words', () => {
    expect(lexicalKind('seoul')).toBe('place')
    expect(lexicalKind('south korea')).toBe('place')
    expect(lexicalKind('microsoft')).toBe('org')
    expect(lexicalKind('john')).toBe('firstName')
    expect(lexicalKind('monday')).toBe('calendar')
    expect(lexicalKind('korean')).toBe('common')
    expect(lexicalKind('zzyzx')).toBe('unknown')
    expect(isHonorific('capt')).toBe(true)
    expect(isHonorific('seoul')).toBe(false)
    expect(isFunctionalWord('the')).toBe(true)
    expect(isFunctionalWord('monday')).toBe(true)
    expect(isFunctionalWord('seoul')).toBe(false)
    expect(isOrgWord('council')).toBe(true)
    expect(isOrgWord('bay')).toBe(false)
    expect(isPlaceWord('bay')).toBe(true)
    expect(isPlaceWord('council')).toBe(false)
  })
})
