import {describe, expect, it} from 'vitest'
import {checkDate, dateFromPath} from '../../src/parse/date.ts'
import {parse} from '../../src/parse/index.ts'

describe('dates', () => {
  it('accepts real days, leap days included', () => {
    expect(checkDate('2022-11-08')).toEqual({ok: true, date: '2022-11-08'})
    expect(checkDate('2024/02/29')).toEqual({ok: true, date: '2024-02-29'})
    expect(checkDate('2000-02-29')).toEqual({ok: true, date: '2000-02-29'})
  })
  it.each(['2022-13-45', '2022-02-30', '1900-02-29', '2023-04-31', '2022-00-10', '2022-01-00', '0000-01-01', '9999-12-31', '1899-12-31', '2201-01-01'])(
    '%s is refused',
    (text) => {
      expect(checkDate(text).ok).toBe(false)
    }
  )
  it('an impossible date on the date line is an error naming the line', () => {
    const result = parse('\n\n date 2022-02-30 Headline\n\nBody.\n', 'x.txt')
    expect(result).toEqual({ok: false, source: 'x.txt', diagnostics: [{severity: 'error', line: 3, message: 'impossible date "2022-02-30": month 2 of 2022 has 28 days'}]})
  })
  it('a date-like but unreadable date is an error; a word is a warning and never an Invalid Date', () => {
    expect(parse(' date 08/11/2022 Headline\n\nBody.\n', 'x.txt').ok).toBe(false)
    const words = parse(' date yesterday Headline\n\nBody.\n', 'x.txt')
    expect(words.ok && words.article.date).toBeNull()
    expect(words.ok && words.article.diagnostics).toEqual([{severity: 'warning', line: 1, message: expect.stringMatching(/no date/)}])
  })
  it('falls back to a date in the path', () => {
    expect(dateFromPath('2022/11/08/story.txt')).toBe('2022-11-08')
    expect(dateFromPath('news\\2022-11-08-story.txt')).toBe('2022-11-08')
    expect(dateFromPath('2022-13-45/story.txt')).toBeNull()
    expect(dateFromPath('12022-11-089.txt')).toBeNull()
    const result = parse('Plain headline\n\nBody.\n', 'archive/2021/03/04/a.txt')
    expect(result.ok && result.article.date).toBe('2021-03-04')
    // Headline-first text need not carry a date: taking the path's is no warning.
    expect(result.ok && result.article.diagnostics).toEqual([])
  })
  it('warns when a scraped file has no date, and counts nothing against undated plain text', () => {
    const scraped = parse(' date Headline\n\nBody.\n', 'a.txt')
    expect(scraped.ok && scraped.article.diagnostics[0]).toMatchObject({severity: 'warning', line: 1, message: expect.stringMatching(/date line gives no date/)})
    const plain = parse('Plain headline\n\nBody.\n', 'a.txt')
    expect(plain.ok && [plain.article.date, plain.article.diagnostics]).toEqual([null, []])
  })
  it('the text date wins over the path', () => {
    const result = parse(' date 2022-11-08 Headline\n\nBody.\n', '2021/03/04/a.txt')
    expect(result.ok && result.article.date).toBe('2022-11-08')
    expect(result.ok && result.article.diagnostics).toEqual([])
  })
})
