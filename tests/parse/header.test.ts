import {describe, expect, it} from 'vitest'
import {displayName, readByline} from '../../src/parse/byline.ts'
import {readCommentCount} from '../../src/parse/comment-count.ts'
import {compileProfiles} from '../../src/parse/provider-rules.ts'
import {BUILT_IN_PROVIDERS} from '../../src/parse/providers.ts'
import {parse} from '../../src/parse/index.ts'
import {estimateReadingMinutes, readReadingTime} from '../../src/parse/reading-time.ts'

describe('bylines', () => {
  it.each([
    ['HYUNG-JIN KIM and KIM TONG-HYUNG', ['Hyung-Jin Kim', 'Kim Tong-Hyung']],
    ['By Jane Doe', ['Jane Doe']],
    ['by JANE DOE', ['Jane Doe']],
    ['Ana de la Cruz, Lee Min-ji and Bo Li', ['Ana de la Cruz', 'Lee Min-ji', 'Bo Li']],
    ['Ursula von der Leyen & John Q.', ['Ursula von der Leyen', 'John Q.']],
    ['SEAN O’CONNOR', ['Sean O’Connor']],
    ['Zoë Schiffer and ÉMILE ZOLA', ['Zoë Schiffer', 'Émile Zola']],
    ['McKenzie Funk', ['McKenzie Funk']]
  ])('%s', (line, authors) => {
    expect(readByline(line)?.authors).toEqual(authors)
  })
  it.each([
    'North Korea said no.',
    'Talks are off',
    'In September, U.S. officials confirmed',
    'The 2022 Budget',
    'Kim Jong Un —',
    'Who Is He?',
    'A'.repeat(101),
    'One Two Three Four Five Six Seven Eight Nine',
    'By',
    ''
  ])('%j is not a byline', (line) => {
    expect(readByline(line)).toBeNull()
  })
  describe('with the provider profiles’ names', () => {
    const {names} = compileProfiles(BUILT_IN_PROVIDERS)
    it.each([
      ['Keith Speights, The Motley Fool', ['Keith Speights'], 'The Motley Fool', false],
      ['Medora Lee, USA TODAY', ['Medora Lee'], 'USA TODAY', false],
      ['Jacqueline Howard, CNN', ['Jacqueline Howard'], 'CNN', false],
      ['Ana Lee and Bo Li, Reuters', ['Ana Lee', 'Bo Li'], 'Reuters', false],
      ['By Jane Doe, Bloomberg News', ['Jane Doe'], 'Bloomberg', false],
      ['Fiachra Gibbons with Tom Barfield in Paris', ['Fiachra Gibbons', 'Tom Barfield'], null, false],
      ['Kenji Thornbury in London', ['Kenji Thornbury'], null, false],
      ['Reuters Videos', [], 'Reuters', true],
      ['Associated Press', [], 'AP', false],
      ['AFP', [], 'AFP', false],
      ['By Bloomberg', [], 'Bloomberg', false],
      ['HYUNG-JIN KIM and KIM TONG-HYUNG', ['Hyung-Jin Kim', 'Kim Tong-Hyung'], null, false]
    ] as const)('%s', (line, authors, publisher, video) => {
      expect(readByline(line, names)).toEqual({byline: line, authors, publisher, video})
    })
    it.each(['Rain in Spain', 'Storms in Texas', 'Bloomberg said on Monday'])('%j is not a byline', (line) => {
      expect(readByline(line, names)).toBeNull()
    })
  })
  it('keeps mixed case and title-cases only ALL CAPS', () => {
    expect(displayName('danah boyd')).toBe('danah boyd')
    expect(displayName('KIM TONG-HYUNG')).toBe('Kim Tong-Hyung')
  })
})

describe('comment count and reading time', () => {
  it('reads bare numbers only', () => {
    expect(readCommentCount('19')).toBe(19)
    expect(readCommentCount(' 1,204 ')).toBe(1204)
    expect(readCommentCount('19 comments')).toBeNull()
    expect(readCommentCount('1,20')).toBeNull()
  })
  it('reads stated reading times', () => {
    expect(readReadingTime('·3 min read')).toBe(3)
    expect(readReadingTime('3 min read')).toBe(3)
    expect(readReadingTime('· 12 minutes read')).toBe(12)
    expect(readReadingTime('0 min read')).toBeNull()
    expect(readReadingTime('a 3 min read')).toBeNull()
  })
  it('estimates at 230 words a minute, at least 1', () => {
    expect(estimateReadingMinutes([])).toBe(1)
    expect(estimateReadingMinutes(['word '.repeat(230)])).toBe(1)
    expect(estimateReadingMinutes(['word '.repeat(231)])).toBe(2)
    expect(estimateReadingMinutes(['word '.repeat(200), 'word '.repeat(261)])).toBe(3)
  })
})

describe('the header block', () => {
  function article(text: string) {
    const result = parse(text, 'x.txt')
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    return result.article
  }
  it('only reads header lines before the first body paragraph', () => {
    const a = article(' date 2022-11-08 H\n\nFirst paragraph here.\n\n19\n\nJane Doe\n\n3 min read\n')
    expect([a.commentCount, a.byline, a.readingMinutes]).toEqual([null, null, 1])
    expect(a.paragraphs).toEqual(['First paragraph here.', '19', 'Jane Doe', '3 min read'])
  })
  it('takes each piece once; a second number starts the body', () => {
    const a = article('date 2022-11-08 H\n19\n20\nBody.\n')
    expect(a.commentCount).toBe(19)
    expect(a.paragraphs).toEqual(['20', 'Body.'])
  })
  it('does not read the header of a plain file', () => {
    const a = article('Headline\n\n19\n\nJane Doe\n')
    expect([a.format, a.commentCount, a.byline, a.paragraphs]).toEqual(['plain', null, null, ['19', 'Jane Doe']])
  })
  it('computes the reading time when none is stated', () => {
    const a = article(` date 2022-11-08 H\n\n${'word '.repeat(500)}\n`)
    expect(a.readingMinutes).toBe(3)
  })
})
