import {describe, expect, it} from 'vitest'
import {readDateline, readOpening} from '../../src/parse/dateline.ts'
import {parse} from '../../src/parse/index.ts'
import {cleanSummary, isRecommendedHeading, sourceFromTitle} from '../../src/parse/recommended.ts'

describe('datelines', () => {
  it.each([
    ['SEOUL, South Korea (AP) — North Korea on Tuesday', {place: 'SEOUL, South Korea', agency: 'AP'}],
    ['LONDON (Reuters) - Britain said', {place: 'LONDON', agency: 'Reuters'}],
    ['SEOUL (Reuters) -North Korea said', {place: 'SEOUL', agency: 'Reuters'}],
    ['OAKLAND, Calif. (Reuters) -U.S. chip maker', {place: 'OAKLAND, Calif.', agency: 'Reuters'}],
    ['WASHINGTON — The House voted', {place: 'WASHINGTON', agency: null}],
    ['NEW YORK -- Stocks fell', {place: 'NEW YORK', agency: null}]
  ])('%s', (text, dateline) => {
    expect(readDateline(text)).toEqual(dateline)
  })
  it.each([
    'In September, U.S. officials confirmed a newly downgraded U.S. intelligence finding',
    'Last week, National Security Council spokesperson John Kirby accused North Korea',
    '“We regard such moves of the U.S. as part of its hostile attempt”',
    'U.S. officials — who declined to be named — said',
    'I — for one — disagree',
    'Joko (the president) - said',
    'LONDON is a city — a big one'
  ])('%j has no dateline', (text) => {
    expect(readDateline(text)).toBeNull()
  })
  it.each([
    ['(Bloomberg) -- North Korea denied', {place: '', agency: 'Bloomberg'}],
    ['SEOUL (Reuters) -North Korea said', {place: 'SEOUL', agency: 'Reuters'}],
    ['SEOUL (Reuters) - North Korea said', {place: 'SEOUL', agency: 'Reuters'}],
    ['SEOUL, South Korea (AP) — North Korea', {place: 'SEOUL, South Korea', agency: 'AP'}],
    ['PARIS (AFP) - A museum', {place: 'PARIS', agency: 'AFP'}],
    ['(CNN) — Doctors are warning', {place: '', agency: 'CNN'}],
    ['GREENFIELD, Mass. — The library', {place: 'GREENFIELD, Mass.', agency: null}],
    ['KIRKWALL, Scotland — The council', {place: 'KIRKWALL, Scotland', agency: null}]
  ])('%j has the dateline %j', (text, dateline) => {
    expect(readDateline(text)).toEqual(dateline)
  })
  it('finds an agency-only opening for teaser summaries', () => {
    expect(readOpening('(Bloomberg) -- North Korea denied')).toEqual({place: '', agency: 'Bloomberg'})
  })
  it('stays in the first paragraph', () => {
    const result = parse('Headline\n\nWASHINGTON — The House voted.\n', 'x.txt')
    expect(result.ok && result.article.paragraphs[0]).toBe('WASHINGTON — The House voted.')
    expect(result.ok && result.article.dateline).toEqual({place: 'WASHINGTON', agency: null})
  })
})

describe('recommended stories', () => {
  it('takes only an exact heading line', () => {
    expect(isRecommendedHeading('  Recommended Stories ')).toBe(true)
    expect(isRecommendedHeading('More under Recommended Stories below')).toBe(false)
  })
  it('cleans summaries', () => {
    expect(cleanSummary('  STORY: Twitter has updated its app. ')).toBe('Twitter has updated its app.')
    expect(cleanSummary('(Bloomberg) -- Denied.Most Read from BloombergTwitter Chaos')).toBe('(Bloomberg) -- Denied.')
  })
  it('reads a source from a title suffix only when it is a publication', () => {
    expect(sourceFromTitle('G20 host will skip summit - FT')).toBe('FT')
    expect(sourceFromTitle('Markets slide - Reuters')).toBe('Reuters')
    expect(sourceFromTitle('Kim Jong Un - Profile')).toBeNull()
    expect(sourceFromTitle('Fetterman — with Obama and Biden in tow — makes closing pitch')).toBeNull()
    expect(sourceFromTitle('Exclusive-Nvidia offers new chip')).toBeNull()
  })
  it('reads a block without a rule, with a teaser lacking a summary, and warns about stray text', () => {
    const text = 'Headline\n\nBody.\n\nRecommended Stories\n\nStray text\n\n  • First\n\n  • Second\n\n    WASHINGTON (AP) — Summary\n    goes on.\n'
    const result = parse(text, 'x.txt')
    if (!result.ok) throw new Error('parse failed')
    expect(result.article.paragraphs).toEqual(['Body.'])
    expect(result.article.footer).toEqual([])
    expect(result.article.recommended).toEqual([
      {title: 'First', summary: '', source: null},
      {title: 'Second', summary: 'WASHINGTON (AP) — Summary goes on.', source: 'AP'}
    ])
    expect(result.article.diagnostics).toContainEqual({severity: 'warning', line: 7, message: expect.stringMatching(/before the first • teaser/)})
  })
  it('reads a summary that opens with a dash, indented under its title, as the summary; a • is a teaser at any indent', () => {
    const text = 'Headline\n\nBody.\n\nRecommended Stories\n\n  • Family courts to change\n\n    - Parenting plans to give advice\n    - Extending conciliation\n\n  - Dashed title\n\n    Its summary.\n\n    • Unevenly indented bullet\n'
    const result = parse(text, 'x.txt')
    expect(result.ok && result.article.recommended).toEqual([
      {title: 'Family courts to change', summary: '- Parenting plans to give advice - Extending conciliation', source: null},
      {title: 'Dashed title', summary: 'Its summary.', source: null},
      {title: 'Unevenly indented bullet', summary: '', source: null}
    ])
  })
  it('reads footer notes after the rule up to the heading', () => {
    const result = parse('Headline\n\nBody.\n\n___\n\nNote one\nNote two\n\n___\n\nRecommended Stories\n\n  • T\n', 'x.txt')
    expect(result.ok && result.article.footer).toEqual(['Note one', 'Note two'])
    expect(result.ok && result.article.recommended).toHaveLength(1)
  })
})

describe('headlines', () => {
  it('no headline is an error naming line 1', () => {
    expect(parse('\nBody only.\n', 'x.txt')).toEqual({
      ok: false,
      source: 'x.txt',
      diagnostics: [{severity: 'error', line: 1, message: 'no headline: the first line is empty and no front matter gives a title'}]
    })
  })
  it('a date line with nothing after the date is an error', () => {
    const result = parse(' date 2022-11-08\n\nBody.\n', 'x.txt')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.diagnostics[0]?.message).toMatch(/no headline/)
  })
  it('an empty or blank file is an error on line 1', () => {
    for (const text of ['', '\n\n', ' \r\n\t', '\uFEFF', '\u0000\u0000']) {
      const result = parse(text, 'x.txt')
      expect(result.ok).toBe(false)
      expect(!result.ok && result.diagnostics.find((d) => d.severity === 'error')).toEqual({severity: 'error', line: 1, message: 'empty file'})
    }
  })
  it('a headline without letters or digits slugs the file name', () => {
    const result = parse('¡!!\n\nBody.\n', 'news/Big Story.txt')
    expect(result.ok && result.article.slug).toBe('big-story')
  })
  it('lower-case "date" starts a date line; "Date" starts a headline', () => {
    const result = parse('Date night at the Oscars\n\nBody.\n', 'x.txt')
    expect(result.ok && [result.article.format, result.article.headline]).toEqual(['plain', 'Date night at the Oscars'])
  })
  it('line numbers count CR, CRLF and LF line ends alike', () => {
    const result = parse('\r\n\r\r date 2022-02-30 H\n', 'x.txt')
    expect(!result.ok && result.diagnostics[0]?.line).toBe(4)
  })
  it('strips control characters with a warning on their line', () => {
    const result = parse('Head\u0000line\n\nBo\u0007dy.\n', 'x.txt')
    expect(result.ok && result.article.headline).toBe('Headline')
    expect(result.ok && result.article.diagnostics[0]).toMatchObject({severity: 'warning', line: 1, message: expect.stringMatching(/control/)})
  })
})
