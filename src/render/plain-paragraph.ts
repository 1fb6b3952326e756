// A fast path for the commonest paragraph in scraped news: one line of prose with no Markdown
// syntax at all. For such a line remark-html's output is known exactly (`<p>`, the text with `&`
// encoded, `</p>`), so building it by hand saves the parser's cost; anything else returns null and
// goes through remark. A differential test over every BBC and seed paragraph holds the two equal.

// Characters that can start or change Markdown inline syntax, HTML, entities or line structure.
// `&` is allowed only where it cannot start an entity reference (see below).
const SYNTAX = /[\\`*_[\]<>!#~|\u0000-\u001f\u007f]/
// What may open a block: list markers, thematic breaks, headings, quotes, setext underlines,
// indented code. Whitespace at either end is trimmed by Markdown, so it is left to remark too.
const BLOCK_START = /^(?:[-+=*_#>]|\d{1,9}[.)])/
const ENTITY_LIKE = /&[A-Za-z0-9#]/
const EDGE_SPACE = /^\s|\s$/

export function plainParagraphHtml(paragraph: string): string | null {
  if (paragraph === '' || SYNTAX.test(paragraph) || BLOCK_START.test(paragraph)) return null
  if (EDGE_SPACE.test(paragraph) || ENTITY_LIKE.test(paragraph)) return null
  return `<p>${paragraph.replaceAll('&', '&#x26;')}</p>\n`
}
