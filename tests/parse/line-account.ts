// The parser's promise, checkable on any file: every non-blank line ends in exactly one block, no
// blank line outside front matter in any, and the blocks agree with the article: the body lines are
// its paragraphs, and the lines it took out are its credits and boilerplate.
import {expect} from 'vitest'
import {parseWithLineBlocks} from '../../src/parse/index.ts'
import {decodeLines} from '../../src/parse/entities.ts'
import {isBlank, splitLines} from '../../src/parse/lines.ts'
import type {ParseResult} from '../../src/model/types.ts'

/** Parses `text` with its line account, checks the account, and gives the result. */
export function expectEveryLineAccounted(text: string, source: string): ParseResult {
  const {result, lines} = parseWithLineBlocks(text, source)
  if (!result.ok) return result
  expect(lines.twice, `${source}: lines two blocks took`).toEqual([])
  const {article} = result
  // A text format's lines as the parser reads them, references decoded (`&nbsp;` alone is a blank
  // line); decoding keeps each line one line, so the numbering is the file's.
  const raw = splitLines(text).lines
  // Markdown and e-mail are not decoded as HTML text: mail is plain text, `&amp;` and all.
  const fileLines = article.format === 'markdown' || article.format === 'email' ? raw : decodeLines(raw, 0)
  expect(fileLines.length, source).toBe(raw.length)
  expect(lines.blocks.length, source).toBe(fileLines.length)
  // Gathered, then compared once: an expect() a line cost seconds on the 100,000-line case.
  const wrong: string[] = []
  for (const [i, line] of fileLines.entries()) {
    const block = lines.blocks[i] ?? null
    if (isBlank(line) ? block !== null && block !== 'front matter' : block === null) wrong.push(`${source}:${i + 1}: ${block ?? 'no block'}`)
  }
  expect(wrong, `${source}: non-blank lines without a block, or blank lines in one`).toEqual([])
  if (article.format === 'markdown') return result
  const at = (block: string) => fileLines.filter((_, i) => lines.blocks[i] === block)
  const lineNumbers = (block: string) => lines.blocks.flatMap((b, i) => (b === block ? [i + 1] : []))
  // White space aside: a transcript's glued sentences are split, and its `STORY:` label dropped.
  const bare = (text: string) => text.replace(/\s+/g, '')
  if (article.format === 'email' && /^content-transfer-encoding:\s*(?:quoted-printable|base64)\s*$/im.test(text)) {
    // Transfer-encoded text is not the file's lines: a quoted-printable line can span several
    // (each then in the block of the text it makes), and base64 text has no lines in the file at
    // all. What holds: each line taken out is on a line its block took, or in a base64 body.
    const taken = new Set(lineNumbers('boilerplate'))
    const base64 = /^content-transfer-encoding:\s*base64\s*$/im.test(text)
    expect(article.boilerplate.filter((b) => !taken.has(b.line) && !(base64 && lines.blocks[b.line - 1] === 'body')), source).toEqual([])
    return result
  }
  // An mbox body line `>From ` is `From ` escaped, and is read so.
  const bodyLines = at('body')
    .map((line) => (article.format === 'email' && /^From \S/.test(raw.find((l) => !isBlank(l)) ?? '') ? line.replace(/^>(?=>*From )/, '') : line))
    .join(' ')
  const written = article.kind === 'video' ? bodyLines.replace(/^\s*STORY:/, '') : bodyLines
  expect(bare(written), `${source}: body lines and paragraphs`).toBe(bare(article.paragraphs.join(' ')))
  expect(lineNumbers('credits'), source).toEqual(article.credits.map((c) => c.line))
  expect(lineNumbers('boilerplate'), source).toEqual(article.boilerplate.map((b) => b.line))
  return result
}
