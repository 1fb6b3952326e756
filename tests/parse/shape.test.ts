// What a file is (parse/shape.ts), decided before it is read as a story: a table of texts that are
// each shape, and of texts that come close to one and are not.
import {describe, expect, it} from 'vitest'
import {emailHeaderEnd, fileShape, looksBinary, mailHeaderName, type Shape} from '../../src/parse/shape.ts'
import {decode} from '../../src/read/decode.ts'

const usenet = [
  'Path: news.example.net!not-for-mail',
  'From: "Margaret Oduya" <m.oduya@example.org>',
  'Newsgroups: uk.local.harbourtown',
  'Subject: Re: Ferry fares',
  'Date: Tue, 8 Nov 1994 21:14:03 -0500',
  '',
  'That is not what the board said.'
].join('\n')

/** Deterministic noise: a linear congruential generator, so the table is the same on every run. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, ...noise(600, 7)])
const pdf = Uint8Array.from([...new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 900 /Filter /FlateDecode >>\nstream\n'), ...noise(900, 11)])

const cases: Array<[string, string | Uint8Array, Shape, string?]> = [
  // The article shapes.
  ['the scraped date line', ' date 2022-11-08 N. Korea slams US\n\nBody.\n', 'scraped'],
  ['a headline-first story', 'Ad sales boost Time Warner profit\n\nQuarterly profits jumped.\n', 'plain'],
  ['Markdown, by its extension', '# Markets rally\n\nStocks rose.\n', 'markdown', 'a.md'],
  ['front matter, whatever follows', '---\ntitle: From: the archive\n---\nFrom: x@example.org\nSubject: y\n\nBody\n', 'plain'],
  // E-mail, and what comes close to it.
  ['a Usenet post', usenet, 'email'],
  ['an mbox message', `From m.oduya@example.org Tue Nov  8 21:14:03 1994\n${usenet}`, 'email'],
  ['headers folded onto continuation lines', 'Subject: A long\n  subject\nFrom: Jo\n\t<jo@example.org>\nMessage-ID: <1@x>\n\nBody', 'email'],
  ['headers only, no body', 'From: jo@example.org\nDate: 8 Nov 2022 10:00 +0000', 'email'],
  ['blank lines before the headers', '\n\nFrom: jo@example.org\nNewsgroups: a.b\n\nBody', 'email'],
  ['CRLF headers', 'From: jo@example.org\r\nSubject: Hi\r\n\r\nBody\r\n', 'email'],
  ['"From:" inside the first line', 'Letters From: the islands\n\nBody.\n', 'plain'],
  ['"From:" heading a story, alone', 'From: our correspondent in Paris\n\nThe talks went on.\n', 'plain'],
  ['From: without Subject, Date, Newsgroups or Message-ID', 'From: jo@example.org\nTo: you@example.org\n\nBody', 'plain'],
  ['Subject: without From:', 'Subject: Hi\nDate: 8 Nov 2022\n\nBody', 'plain'],
  ['a line in the header block that is no header', 'From: jo@example.org\nSubject: Hi\nnot a header\n\nBody', 'plain'],
  ['a continuation line first', ' From: jo@example.org\nSubject: Hi\n\nBody', 'plain'],
  ['a header name with a space', 'From: jo@example.org\nSubject line: Hi\n\nBody', 'plain'],
  // HTML.
  ['a page with a doctype', '<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>', 'html'],
  ['a page without one, after white space and a BOM', '\uFEFF  \n<HTML lang="en"><p>Hi</p></HTML>', 'html'],
  ['XHTML, after an XML declaration', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>', 'html'],
  ['a fragment that is mostly tags', '<div class="a"><ul><li><a href="/x">X</a></li><li><a href="/y">Y</a></li></ul></div>', 'html'],
  ['Markdown opening with a tag, then prose', `<p align="center">Logo</p>\n\n${'Stocks rose on Tuesday as inflation cooled. '.repeat(10)}`, 'markdown', 'a.md'],
  ['a headline in a tag, then prose', `<b>Breaking</b>: markets rally\n\n${'Stocks rose on Tuesday as inflation cooled. '.repeat(3)}\n`, 'plain'],
  ['a story that mentions <html>', 'Web pages turn 30\n\nEvery page opens with <html>.\n', 'plain'],
  // JSON.
  ['a JSON array', '[{"headline": "A", "body": "B"}]\n', 'json'],
  ['a JSON object', '{\n  "stories": []\n}\n', 'json'],
  ['JSON cut short', '{"headline": "A", "body": "B', 'json'],
  ['an empty JSON array', '[]', 'json'],
  ['a headline in brackets', '[UPDATED] Markets rally\n\nBody.\n', 'plain'],
  ['a headline in braces', '{ title: (globalThis.pwned = 1) }\n\nBody.\n', 'plain'],
  ['a bare JSON string or number is text', '"Markets rally"', 'plain'],
  // Binary.
  ['a PNG', png, 'binary'],
  ['a PDF', pdf, 'binary'],
  ['random bytes', noise(4096, 3), 'binary'],
  ['UTF-16 without a BOM', new Uint8Array([...'Headline\n\nBody text of a story.\n'].flatMap((c) => [c.charCodeAt(0), 0])), 'binary'],
  ['a stray NUL and escapes', 'Nul\u0000 and \u0001control\u001b characters\u007f\n\nBody\u0000 text.\n', 'plain'],
  ['NULs alone (an empty file)', '\u0000'.repeat(4096), 'plain'],
  ['Windows-1252 text', Uint8Array.from([0x48, 0x93, 0x69, 0x94, 0x0a, 0x0a, 0xa3, 0x35, 0x0a]), 'plain']
]

describe('fileShape', () => {
  it.each(cases)('%s', (_name, input, shape, source = 'a.txt') => {
    const text = typeof input === 'string' ? input : decode(input).text
    expect(fileShape(text, source)).toBe(shape)
  })
})

describe('looksBinary', () => {
  it('tells bytes and their text alike, so decode and parse agree', () => {
    for (const bytes of [png, pdf, noise(300, 5)]) {
      expect(looksBinary(bytes)).toBe(true)
      expect(looksBinary(decode(bytes).text)).toBe(true)
    }
    expect(looksBinary(new TextEncoder().encode('Café “quotes” — dashes\n'))).toBe(false)
  })
  it('decodes binary data without the advice to save it as UTF-8', () => {
    expect(decode(png).diagnostics).toEqual([])
    expect(decode(Uint8Array.from([0x48, 0x93, 0x69])).diagnostics).toHaveLength(1)
  })
})

describe('emailHeaderEnd', () => {
  it('is the index of the blank line that ends the header block', () => {
    expect(emailHeaderEnd(usenet.split('\n'))).toBe(5)
    expect(emailHeaderEnd(['From x@y Tue Nov  8 09:14:03 2022', 'From: x@y', 'Subject: s'])).toBe(3)
    expect(emailHeaderEnd(['From: x@y', 'Subject: s', 'no header', ''])).toBeNull()
  })
})

describe('mailHeaderName', () => {
  it.each([
    ['From: "Name" <name@example.org>', 'From'],
    ['Subject: Re: fares', 'Subject'],
    ['Message-ID: <1@x>', 'Message-ID'],
    ['NEWSGROUPS: uk.local', 'NEWSGROUPS'],
    ['X-Mailer: Harbourtown Mail 2.1', 'X-Mailer'],
    ['Lines: 24', 'Lines']
  ])('%s is a header line', (line, name) => {
    expect(mailHeaderName(line)).toBe(name)
  })
  it.each(['Letters From: the islands', 'Summary: markets rally', 'Update: ferry fares', 'From:', 'From the archive: 1994', 'Subject to change'])('%s is not', (line) => {
    expect(mailHeaderName(line)).toBeNull()
  })
})
