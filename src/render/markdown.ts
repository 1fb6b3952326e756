// Story bodies: Markdown to HTML through unified, with remark-html's sanitizer on (GitHub's schema),
// so raw HTML in a Markdown file is dropped and `javascript:` links lose their href.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkHtml from 'remark-html'
import type {InputFormat} from '../model/types.ts'
import {plainParagraphHtml} from './plain-paragraph.ts'

// Built and frozen once: configuring a processor costs more than running it on a short story.
const markdownProcessor = unified().use(remarkParse).use(remarkHtml, {sanitize: true}).freeze()
// The text formats' paragraphs hold characters: the parser decoded their references once
// (parse/entities.ts), so a `<` or `&` in them is one the reader is to see. Their emphasis, lists and
// links are still read as Markdown, but not the constructs that read `<` and `&` as markup: raw HTML,
// `<…>` autolinks and character references. `&lt;script&gt;` in a scraped file is then the text
// `<script>` on the page, and `&amp;lt;` the text `&lt;`, where remark would drop the one and
// decode the other a second time.
const TEXT_MARKUP = ['htmlFlow', 'htmlText', 'autolink', 'characterReference']
const textProcessor = unified()
  .use(remarkParse)
  .use(remarkHtml, {sanitize: true})
  .data('micromarkExtensions', [{disable: {null: TEXT_MARKUP}}])
  .freeze()

// A line opening this many quotes or lists: micromark's cost grows with the square of the depth
// (100,000 `>` take minutes) and unified's tree walkers recurse once per level.
const DEEP_NESTING = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*){64}/m
// micromark's cost grows with the square of a paragraph's length on some inputs (a run of `**_`, of
// `<!--`): 60 KB of them take seconds, a megabyte hours. No news paragraph is this long.
const MAX_PARAGRAPH = 20_000

/** `markdown` as HTML; `format` is the story's, and a text format's `<` and `&` are characters. */
export function renderMarkdown(markdown: string, format: InputFormat = 'markdown'): string {
  if (DEEP_NESTING.test(markdown) || markdown.split(/\n[ \t]*\n/).some((block) => block.length > MAX_PARAGRAPH)) {
    return escapedText(markdown)
  }
  try {
    return String((format === 'markdown' ? markdownProcessor : textProcessor).processSync(markdown))
  } catch (error) {
    // Whatever else nests deep enough to overflow the stack is shown as text, not a failed build.
    if (!(error instanceof RangeError)) throw error
    return escapedText(markdown)
  }
}

function escapedText(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/[&<>"]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)}</p>\n`)
    .join('')
}

/**
 * The whole body of one story; the one place a story's Markdown becomes HTML. When every
 * paragraph is plain prose the fast path gives remark's exact bytes; one paragraph with syntax
 * sends the whole body through remark, since Markdown constructs (lists, link references, HTML
 * blocks) can reach across paragraphs. `format` is the story's (`story.format`): the fast path's
 * paragraphs have no `<` and no reference, so it is the same for every format.
 */
export function renderBody(paragraphs: readonly string[], format: InputFormat = 'markdown'): string {
  let html = ''
  for (const paragraph of paragraphs) {
    const plain = plainParagraphHtml(paragraph)
    if (plain === null) return renderMarkdown(paragraphs.join('\n\n'), format)
    html += plain
  }
  return html
}
