// A fast path for the commonest paragraph in scraped news: one line of prose with no Markdown
// syntax at all. For such a line remark-html's output is known exactly (`<p>`, the text with `&`
// encoded, `</p>`), so building it by hand saves the parser's cost; anything else returns null and
// goes through remark. A differential test over every BBC and seed paragraph holds the two equal.
import {escapeAmpersands} from './escape.ts'

// Characters that can start or change Markdown inline syntax, HTML, entities or line structure.
// `&` is allowed only where it cannot start an entity reference, brackets only where they cannot
// make a link (see below). `#` and `!` say nothing inside a line: `#` opens a heading only at its
// start, `!` an image only before `[…](…)`.
const SYNTAX = /[\\`*_<>~|\u0000-\u001f\u007f]/
// What may open a block: list markers, thematic breaks, headings, quotes, setext underlines,
// indented code, and a link reference definition (`[id]: /url`), which would also turn a `[id]`
// elsewhere into a link. Whitespace at either end is trimmed by Markdown, so it is left to remark too.
const BLOCK_START = /^(?:[-+=*_#>[]|\d{1,9}[.)])/
// With no definitions in a fast-path body, brackets make a link or an image only as `[text](url)`.
const INLINE_LINK = /\]\(/
// Markdown decodes a character reference only with its closing `;`: `AT&T` and `&copy` stay text.
const ENTITY_LIKE = /&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)/
// Tried at the two ends only: as one pattern, `\s$` was tried at every character of every paragraph.
const SPACE = /\s/

export function plainParagraphHtml(paragraph: string): string | null {
  if (paragraph === '' || SYNTAX.test(paragraph) || BLOCK_START.test(paragraph)) return null
  if (SPACE.test(paragraph[0]!) || SPACE.test(paragraph[paragraph.length - 1]!) || ENTITY_LIKE.test(paragraph) || INLINE_LINK.test(paragraph)) return null
  return `<p>${escapeAmpersands(paragraph)}</p>\n`
}
