// parse() never throws, never hangs and always returns a well-formed ParseResult, whatever the text,
// and every line of it ends in exactly one block (line-account.ts).
// A hang shows up as the test timeout; a throw would surface as the last-resort "internal parser
// error" diagnostic, which is asserted never to appear.
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import type {ParseResult} from '../../src/model/types.ts'
import {parseDecoded} from '../../src/parse/index.ts'
import {decode} from '../../src/read/decode.ts'
import {NOT_AN_ARTICLE} from '../../src/parse/shape.ts'
import {expectEveryLineAccounted} from './line-account.ts'

const seed = readFileSync(new URL('../../content/000_ca89730430cec1e2.txt', import.meta.url), 'utf8')
const seedLines = seed.split('\n')

const HOSTILE = [
  '', ' ', '---', '---js', '---javascript', '{ title: (globalThis.pwned = 1) }', '___', 'Recommended Stories',
  '  • ', '  • Title - FT', '    SEOUL (Reuters) -', ' date 2022-13-45 x', ' date yesterday x', ' date 2022-11-08',
  'date', '19', '·3 min read', 'HYUNG-JIN KIM and', '```', '~~~', '# ', '\u0000', '\r', '\uFEFF', '\u2028', '\uD800',
  '<script>alert(1)</script>', 'title: !!js/function "function(){}"', 'a: &a [*a]', '((((((((((', '— — — —',
  'SEOUL, SEOUL, SEOUL, SEOUL (', 'A, B, C, D, E, F, G, H, I and J', '\t\t\u00a0\u00a0', '1,2,3,4', 'STORY:',
  // Character references, which the text formats' lines are decoded from (parse/entities.ts): line
  // ends, controls and blank space spelt as references, structure spelt as references, double escapes.
  '&#10;', '&#13;&#10;x&NewLine;y', '&nbsp;', '&#0;&#1;&#x7F;', '&Tab;&#9;', '&#163;8m &amp;lt; &lt;script&gt;', '&#8226; Title', '&#95;&#95;&#95;',
  // E-mail (parse/email.ts) and the shapes that are skipped (parse/shape.ts).
  'From: "A" <a@example.org>', 'From: a@example.org', 'Subject: =?UTF-8?Q?Caf=C3=A9?=', 'Subject:', 'Date: Tue, 8 Nov 2022 09:00:00 +0000',
  'Date: 31 Feb 99', 'Newsgroups: uk.test', ' folded', '\tfolded', 'From x@example.org Tue Nov  8 09:14:03 2022', '>From here', '> quoted',
  'On Tue, Jane wrote:', 'In article <1@x>, Jo <j@x>', 'writes:', '-- ', '--', 'Content-Type: multipart/alternative; boundary="b"',
  '--b', '--b--', 'Content-Type: text/html', 'Content-Transfer-Encoding: quoted-printable', 'Content-Transfer-Encoding: base64',
  'Caf=C3=A9 soft=', '=E2=80=', 'SGVsbG8K', 'Content-Disposition: attachment', 'Unsubscribe here', '<!DOCTYPE html>', '<html>', '{"a": 1}', '[{}]'
]

function checkShape(result: ParseResult, source: string, lineCount: number): void {
  const diagnostics = result.ok ? result.article.diagnostics : result.diagnostics
  expect(Array.isArray(diagnostics)).toBe(true)
  for (const d of diagnostics) {
    expect(['error', 'warning']).toContain(d.severity)
    expect(Number.isInteger(d.line) && d.line >= 0 && d.line <= lineCount).toBe(true)
    expect(typeof d.message).toBe('string')
    expect(d.message).not.toMatch(/^internal parser error/)
  }
  if (!result.ok) {
    expect(result.source).toBe(source)
    // A file that is no article (parse/shape.ts) is skipped, with its reason and no error.
    if (result.skipped !== undefined) {
      expect(Object.values(NOT_AN_ARTICLE)).toContain(result.skipped)
      expect(diagnostics).toEqual([{severity: 'warning', line: 0, message: `skipped: ${result.skipped}`}])
      return
    }
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true)
    return
  }
  const a = result.article
  expect(a.source).toBe(source)
  expect(['scraped', 'plain', 'markdown', 'email']).toContain(a.format)
  expect(typeof a.headline === 'string' && a.headline.length > 0).toBe(true)
  expect(a.date === null || /^\d{4}-\d{2}-\d{2}$/.test(a.date)).toBe(true)
  expect(typeof a.slug === 'string' && a.slug.length > 0 && !a.slug.includes('/')).toBe(true)
  expect(Number.isInteger(a.readingMinutes) && a.readingMinutes >= 1).toBe(true)
  expect(a.commentCount === null || Number.isInteger(a.commentCount)).toBe(true)
  for (const list of [a.authors, a.paragraphs, a.footer, a.tags]) expect(list.every((s) => typeof s === 'string')).toBe(true)
  for (const t of a.recommended) expect(typeof t.title === 'string' && typeof t.summary === 'string').toBe(true)
  expect(typeof a.draft).toBe('boolean')
  expect(diagnostics.some((d) => d.severity === 'error')).toBe(false)
  expect(() => JSON.stringify(a)).not.toThrow()
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length
}

function check(text: string, source: string): void {
  checkShape(expectEveryLineAccounted(text, source), source, lineCount(text))
}

const sources = fc.constantFrom('a.txt', 'a.md', 'a', '2022/11/08/a.txt', 'x/.md')

const mutation = fc.oneof(
  fc.record({op: fc.constant('delete' as const), at: fc.nat()}),
  fc.record({op: fc.constant('duplicate' as const), at: fc.nat()}),
  fc.record({op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat()}),
  fc.record({op: fc.constant('insert' as const), at: fc.nat(), line: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({unit: 'binary'}))})
)

type Step = {op: 'delete' | 'duplicate' | 'swap' | 'insert'; at: number; with?: number; line?: string}

function mutate(lines: string[], steps: Step[]): string[] {
  const out = [...lines]
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % out.length
    if (step.op === 'delete') out.splice(at, 1)
    else if (step.op === 'duplicate' && out.length > 0) out.splice(at, 0, out[at] as string)
    else if (step.op === 'swap' && out.length > 0) {
      const other = (step.with ?? 0) % out.length
      ;[out[at], out[other]] = [out[other] as string, out[at] as string]
    } else if (step.op === 'insert') out.splice(at, 0, step.line ?? '')
  }
  return out
}

describe('parse() on any input', () => {
  it('handles arbitrary strings', () => {
    fc.assert(fc.property(fc.string({maxLength: 400}), sources, check), {numRuns: 2000})
  })
  it('handles arbitrary full-Unicode strings, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 400}), sources, check), {numRuns: 1000})
  })
  it('handles strings built from the format’s own pieces', () => {
    const piece = fc.constantFrom(...HOSTILE, '\n', '\n\n', '\r\n')
    fc.assert(fc.property(fc.array(piece, {maxLength: 60}).map((p) => p.join('')), sources, check), {numRuns: 2000})
  })
  it('handles mutations of the seed', () => {
    fc.assert(
      fc.property(fc.array(mutation, {minLength: 1, maxLength: 12}), fc.constantFrom('\n', '\r\n', '\r'), sources, (steps, eol, source) => {
        check(mutate(seedLines, steps).join(eol), source)
      }),
      {numRuns: 500}
    )
  })
  it('handles mutations of e-mail', () => {
    const emails = ['email-newsletter-eml/input.eml', 'email-reply-mbox/input.txt', 'email-usenet-post/input', 'email-base64-latin1/input.eml'].map((name) =>
      readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8').split(/\r?\n/)
    )
    fc.assert(
      fc.property(fc.nat(emails.length - 1), fc.array(mutation, {minLength: 1, maxLength: 12}), fc.constantFrom('\n', '\r\n'), sources, (which, steps, eol, source) => {
        check(mutate(emails[which]!, steps).join(eol), source)
      }),
      {numRuns: 500}
    )
  })
  it('handles arbitrary bytes through decode', () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 400}), (bytes) => {
        const text = decode(bytes).text
        checkShape(parseDecoded(decode(bytes), 'b.txt'), 'b.txt', lineCount(text.replace(/^\uFEFF/, '')))
      }),
      {numRuns: 1000}
    )
  })
  it.each([
    ['a 1 MB line', 'x'.repeat(1_000_000)],
    ['a 1 MB line after a date', ` date 2022-11-08 ${'word '.repeat(200_000)}`],
    ['100,000 short lines', 'Headline\n' + 'line\n'.repeat(100_000)],
    ['1 MB of NUL', '\u0000'.repeat(1_000_000)],
    ['spaces that tempt backtracking', ` date ${' '.repeat(200_000)}x${' '.repeat(200_000)}`],
    ['a huge byline-like header', ` date 2022-11-08 H\n${'A, '.repeat(100_000)}B`],
    ['a huge dateline-like opening', `H\n\n${'SEOUL '.repeat(100_000)}(AP)`],
    ['a huge teaser', `H\n\nRecommended Stories\n  • ${'(Reuters) '.repeat(100_000)}\n    ${'SEOUL (Reuters'.repeat(50_000)}`],
    ['an unclosed front matter', `---\n${'a: b\n'.repeat(100_000)}`],
    ['deep YAML', `---\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nBody\n`],
    ['YAML alias bomb', '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntags: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ntitle: T\n---\nBody\n'],
    ['a fence opened and never closed', `H\n\n${'```\n\n'.repeat(50_000)}`]
  ])('handles %s', (_name, text) => {
    for (const source of ['big.txt', 'big.md']) check(text, source)
  })
})
