// E-mail read as a story (parse/email.ts): each block of the fixture e-mails (tests/fixtures/email-*),
// the MIME and date cases one by one, and the guard that keeps a header line from being a headline.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {Article, ParseResult} from '../../src/model/types.ts'
import {readMailDate} from '../../src/parse/email.ts'
import {parse, parseDecoded, parseWithLineBlocks} from '../../src/parse/index.ts'
import {compileProfiles} from '../../src/parse/provider-rules.ts'
import {BUILT_IN_PROVIDERS} from '../../src/parse/providers.ts'
import {decode} from '../../src/read/decode.ts'
import {expectEveryLineAccounted} from './line-account.ts'
import {fixturesDir} from './run-fixture.ts'

function fixture(name: string): {text: string; result: ParseResult; article: Article} {
  const text = decode(readFileSync(`${fixturesDir}${name}`)).text
  const result = parseDecoded(decode(readFileSync(`${fixturesDir}${name}`)), name)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return {text, result, article: result.article}
}

function article(text: string, source = 'a.txt'): Article {
  const result = expectEveryLineAccounted(text, source)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.article
}

function taken(a: Article): Array<[number, string]> {
  return a.boilerplate.map((line) => [line.line, line.rule])
}

/** The block each 1-based line ended in, for the lines asked. */
function blocksOf(text: string, source: string, lines: number[]): Array<string | null> {
  const {lines: account} = parseWithLineBlocks(text, source)
  return lines.map((line) => account.blocks[line - 1] ?? null)
}

describe('a Usenet post (email-usenet-post)', () => {
  const {text, article: a} = fixture('email-usenet-post/input')
  it('reads Subject, Date and From as headline, date and byline', () => {
    expect([a.format, a.headline, a.date, a.byline, a.authors]).toEqual([
      'email',
      'Re: Ferry fares review - what the board actually said',
      '1994-11-08',
      'Margaret Oduya',
      ['Margaret Oduya']
    ])
  })
  it('joins hard-wrapped lines into paragraphs, blank lines between them', () => {
    expect(a.paragraphs).toEqual([
      'That is not what the board said. I was at the public meeting on Wednesday and the options they set out were a rise of between ten and thirty per cent, with a discount for residents.',
      'The freight charges are a separate matter and will be decided in the spring.'
    ])
  })
  it('takes the attribution, the quoted lines and the signature out, line by line', () => {
    expect(taken(a)).toEqual([
      [12, 'email/attribution'],
      [13, 'email/attribution'],
      [14, 'email/quoted'],
      [15, 'email/quoted'],
      [24, 'email/signature'],
      [25, 'email/signature'],
      [26, 'email/signature']
    ])
    expect(a.boilerplate[0]!.text).toBe('In article <1994Nov7.090000.55@example.net>, Tom Reyes <treyes@example.net>')
  })
  it('accounts for every header line: Subject the headline, From the byline, the rest the header', () => {
    expect(blocksOf(text, 'post', [1, 2, 3, 4, 5, 6, 10, 11])).toEqual(['header', 'byline', 'header', 'headline', 'headline', 'header', 'header', null])
  })
  it('publishes no e-mail address anywhere in the story', () => {
    expect(JSON.stringify([a.headline, a.byline, a.authors, a.paragraphs])).not.toMatch(/@/)
  })
})

describe('a newsletter .eml (email-newsletter-eml): MIME, quoted-printable, encoded words', () => {
  const {text, article: a} = fixture('email-newsletter-eml/input.eml')
  it('decodes the encoded-word Subject (folded, UTF-8 Q) and From (ISO-8859-1 B)', () => {
    expect([a.headline, a.date, a.byline]).toEqual(['Morning Briefing: Café owners win reprieve on harbour rents', '2022-11-09', 'Inès Gräter'])
  })
  it('reads the text/plain part: soft line breaks undone, UTF-8 bytes decoded, list items apart', () => {
    expect(a.paragraphs).toEqual([
      'Good morning. Café owners on the harbour front have won a six-month reprieve on rent rises, after the council agreed on Tuesday night to pause its review of commercial leases.',
      'The decision follows a petition signed by more than 2,000 people. Council leader Hugo Selwyn said the pause would give “everyone time to breathe”.',
      'In other news:',
      '- The morning ferry will run an hour later on Sundays from December.',
      '- Work on the sea wall at North Quay is due to finish by Christmas — two weeks later than planned.'
    ])
  })
  it('takes the browser link, the rule and the unsubscribe footer out', () => {
    expect(taken(a)).toEqual([
      [18, 'email/view-online'],
      [34, 'email/rule'],
      [36, 'email/footer'],
      [37, 'email/footer']
    ])
    expect(a.boilerplate[1]!.text).toBe('====================')
  })
  it('accounts for the MIME structure: preamble, boundaries, part headers, the HTML part not read', () => {
    // 12 the preamble; 14 a boundary, 15-16 the part's headers; 40 the next boundary, 41-42 its
    // headers, 44-50 the HTML; 52 the closing boundary.
    expect(blocksOf(text, 'n.eml', [12, 14, 15, 16, 40, 41, 44, 50, 52])).toEqual([
      'other part', 'header', 'header', 'header', 'header', 'header', 'other part', 'other part', 'header'
    ])
  })
})

describe('a reply from an mbox file (email-reply-mbox)', () => {
  const {article: a} = fixture('email-reply-mbox/input.txt')
  it('reads the story, the date as the sender wrote it (23:58 in California is the 4th)', () => {
    expect([a.headline, a.date, a.byline]).toEqual(['Fares meeting: notes for everyone who could not come', '2023-03-04', 'Rosa Netherby'])
  })
  it('keeps numbered items apart, an item’s indented second line with it, and unescapes >From', () => {
    expect(a.paragraphs).toEqual([
      'Here are my notes from the meeting on Thursday, which about forty people attended, most of them from the islands.',
      'The board will publish its costs before it decides anything. Three options are on the table:',
      '1. A flat rise of ten per cent for every ticket, freight included.',
      "2. A residents' card, with a smaller rise for people who live on the islands all year.",
      '3. Cheaper tickets before seven in the morning.',
      'From what I heard, the second option has the most support.'
    ])
  })
  it('takes a wrapped attribution, nested quotes and the mailing list footer out', () => {
    expect(taken(a)).toEqual([
      [10, 'email/attribution'],
      [11, 'email/attribution'],
      [12, 'email/quoted'],
      [13, 'email/quoted'],
      [14, 'email/quoted'],
      [15, 'email/quoted'],
      [30, 'email/rule'],
      [31, 'email/footer'],
      [32, 'email/footer'],
      [33, 'email/footer']
    ])
  })
})

describe('a base64 ISO-8859-1 message (email-base64-latin1)', () => {
  const {article: a} = fixture('email-base64-latin1/input.eml')
  it('decodes the body in its charset, and the Q-encoded name', () => {
    expect([a.headline, a.date, a.byline]).toEqual(['Lifeboat called out twice', '2023-02-12', 'Agnès Le Gall'])
    expect(a.paragraphs).toEqual([
      'Harbour notes from Agnès',
      'The lifeboat crew were called out twice on Sunday, the first time to a yacht that had lost its rudder off North Quay.'
    ])
    // base64 text has no lines of its own in the file: what it takes out is on the body's first line.
    expect(taken(a)).toEqual([
      [7, 'email/signature'],
      [7, 'email/signature']
    ])
  })
})

const headers = (more: string) => `From: Jo Bloggs <jo@example.org>\nSubject: Harbour news\nDate: Tue, 8 Nov 2022 10:00:00 +0000\n${more}`

describe('the body of an e-mail', () => {
  it('a signature starts at a "-- " or "--" line and runs to the end; "--" inside a line is text', () => {
    const a = article(headers('\nFares rise -- or so we hear.\n--\nJo Bloggs\nHarbourtown\n'))
    expect(a.paragraphs).toEqual(['Fares rise -- or so we hear.'])
    expect(taken(a)).toEqual([
      [6, 'email/signature'],
      [7, 'email/signature'],
      [8, 'email/signature']
    ])
  })
  it('"On … wrote:" introduces a quotation; a line ending "wrote:" that does not is text', () => {
    const a = article(headers('\nOn Mon, 7 Nov 2022, Tom Reyes wrote:\n> Fares will rise.\n\nThey will not.\n\nAs the chairman wrote:\nnothing is decided.\n'))
    expect(a.paragraphs).toEqual(['They will not.', 'As the chairman wrote: nothing is decided.'])
    expect(taken(a)).toEqual([
      [5, 'email/attribution'],
      [6, 'email/quoted']
    ])
  })
  it('an Outlook "Original Message" and everything under it is the quoted message', () => {
    const a = article(headers('\nAgreed.\n\n-----Original Message-----\nFrom: Tom Reyes\nSent: Monday\nSubject: Fares\n\nFares will rise.\n'))
    expect(a.paragraphs).toEqual(['Agreed.'])
    expect(taken(a).map(([line]) => line)).toEqual([7, 8, 9, 10, 12])
  })
  it('multipart/mixed: the text/plain part of a nested alternative, not a text attachment', () => {
    const text = headers(
      [
        'Content-Type: multipart/mixed; boundary=outer',
        '',
        '--outer',
        'Content-Type: text/plain; name="notes.txt"',
        'Content-Disposition: attachment; filename="notes.txt"',
        '',
        'Attached notes.',
        '--outer',
        'Content-Type: multipart/alternative; boundary="inner"',
        '',
        '--inner',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The story itself.',
        '--inner',
        'Content-Type: text/html',
        '',
        '<p>The story itself.</p>',
        '--inner--',
        '--outer--',
        ''
      ].join('\n')
    )
    const a = article(text)
    expect(a.paragraphs).toEqual(['The story itself.'])
    expect(blocksOf(text, 'a.txt', [10, 14, 15, 17, 21, 22, 23])).toEqual(['other part', 'header', 'header', 'body', 'other part', 'header', 'header'])
  })
  it('an HTML-only message, or one without a Subject, is an error with its line', () => {
    const html = parse(headers('Content-Type: text/html\n\n<p>Hi</p>\n'), 'a.eml')
    expect(!html.ok && html.diagnostics).toEqual([{severity: 'error', line: 4, message: expect.stringMatching(/no plain-text part/)}])
    const noSubject = parse('From: jo@example.org\nDate: 8 Nov 2022 10:00 +0000\n\nBody.\n', 'a.eml')
    expect(!noSubject.ok && noSubject.diagnostics).toEqual([{severity: 'error', line: 1, message: 'no headline: the e-mail has no Subject header'}])
  })
  it('HTML character references are text in mail: `&amp;` stays as written', () => {
    expect(article(headers('\nM&amp;S and AT&T.\n')).paragraphs).toEqual(['M&amp;S and AT&T.'])
  })
})

describe('From → the byline: a name, never an address', () => {
  const byline = (from: string) => article(`From: ${from}\nSubject: s\nDate: 8 Nov 2022 10:00 +0000\n\nBody.\n`).byline
  it.each([
    ['"Bloggs, Jo" <jo@example.org>', 'Bloggs, Jo'],
    ['jo@example.org (Jo Bloggs)', 'Jo Bloggs'],
    ['=?UTF-8?Q?Ren=C3=A9e_Dupont?= <r@example.org>', 'Renée Dupont'],
    ['jo@example.org', null],
    ['<jo@example.org>', null],
    ['"jo@example.org" <jo@example.org>', null]
  ])('%s → %s', (from, name) => {
    expect(byline(from)).toBe(name)
  })
  it('a provider’s name is the publisher, not an author', () => {
    const result = parse('From: Reuters <news@example.org>\nSubject: s\nDate: 8 Nov 2022 10:00 +0000\n\nBody.\n', 'a.eml', {providers: compileProfiles(BUILT_IN_PROVIDERS)})
    expect(result.ok && [result.article.byline, result.article.authors, result.article.publisher]).toEqual(['Reuters', [], 'Reuters'])
  })
})

describe('readMailDate: the calendar day as the sender wrote it', () => {
  it.each([
    ['Tue, 8 Nov 2022 09:14:03 +0900', '2022-11-08'],
    ['Sat, 4 Mar 2023 23:58:40 -0800 (PST)', '2023-03-04'],
    ['8 Nov 2022 09:14 GMT', '2022-11-08'],
    ['Tuesday, 08-Nov-22 09:14:03 GMT', null],
    ['Tue, 8 Nov 94 21:14:03 -0500', '1994-11-08'],
    ['12 Feb 23 09:15 +0100', '2023-02-12'],
    ['1 Jan 101 00:00 +0000', '2001-01-01'],
    ['Tue Nov  8 09:14:03 2022', '2022-11-08'],
    ['Tue Nov  8 09:14:03 EST 1994', '1994-11-08'],
    ['2022-11-08T09:14:03Z', '2022-11-08'],
    ['Tue, 8 November 2022 09:14:03 +0000', '2022-11-08']
  ])('%s → %s', (value, date) => {
    const read = readMailDate(value)
    expect(read.ok ? read.date : null).toBe(date)
  })
  it('an impossible or unreadable date is a warning on its line, and the story is undated', () => {
    const a = article('From: jo@example.org (Jo)\nSubject: s\nDate: Mon, 30 Feb 2023 10:00 +0000\n\nBody.\n')
    expect(a.date).toBeNull()
    expect(a.diagnostics).toEqual([{severity: 'warning', line: 3, message: expect.stringMatching(/impossible date .*month 2 of 2023 has 28 days/)}])
    const words = article('From: jo@example.org (Jo)\nSubject: s\nDate: last Tuesday\n\nBody.\n', '2022/11/08/a.txt')
    expect(words.date).toBe('2022-11-08')
    expect(words.diagnostics).toEqual([{severity: 'warning', line: 3, message: `the Date header "last Tuesday" is not a date; the date is taken from the file's path, if it has one`}])
  })
})

describe('never a headline that is a header line', () => {
  it.each([
    ['a From: line that opens no header block', 'From: "Tom Reyes" <treyes@example.net>\n\nThe board is going to put fares up.\n', 'a.txt', /the header block has no Subject:, Date:, Newsgroups: or Message-ID:/],
    ['a header block broken by a line', 'From: "Tom Reyes" <treyes@example.net>\nSubject: Fares\nnot a header\n\nBody.\n', 'a.txt', /line 3 is neither/],
    ['Subject: first, no From:', 'Subject: Fares\nOrganization: Harbourtown Free-Net\n\nBody.\n', 'a', /has no From:/],
    ['an X- header first, in Markdown', 'X-Mailer: Harbourtown Mail\n\nBody.\n', 'a.md', /"X-Mailer:"/]
  ])('%s is an error on line 1', (_name, text, source, reason) => {
    const result = parse(text, source)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.diagnostics).toEqual([{severity: 'error', line: 1, message: expect.stringMatching(reason)}])
    expect(!result.ok && result.diagnostics[0]!.message).toMatch(/^no headline: the first line is an e-mail header/)
  })
  it('a front matter title, or a header line further down, is no headline problem', () => {
    expect(article('---\ntitle: Letters\n---\nFrom: the islands, more letters.\n', 'a.md').headline).toBe('Letters')
    expect(article('Letters\n\nFrom: the islands, more letters.\n').paragraphs).toEqual(['From: the islands, more letters.'])
  })
})
