// Story bodies: Markdown to HTML through unified, with remark-html's sanitizer on (GitHub's schema),
// so raw HTML in a scraped file is dropped and `javascript:` links lose their href.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkHtml from 'remark-html'
import {plainParagraphHtml} from './plain-paragraph.ts'

// Built and frozen once: configuring a processor costs more than running it on a short story.
const processor = unified().use(remarkParse).use(remarkHtml, {sanitize: true}).freeze()

// A line opening this many quotes or lists: micromark's cost grows with the square of the depth
// (100,000 `>` take minutes) and unified's tree walkers recurse once per level.
const DEEP_NESTING = /^[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])[ \t]*){64}/m
// micromark's cost grows with the square of a paragraph's length on some inputs (a run of `**_`, of
// `<!--`): 60 KB of them take seconds, a megabyte hours. No news paragraph is this long.
const MAX_PARAGRAPH = 20_000

export function renderMarkdown(markdown: string): string {
  if (DEEP_NESTING.test(markdown) || markdown.split(/\n[ \t]*\n/).some((block) => block.length > MAX_PARAGRAPH)) {
    return escapedText(markdown)
  }
  try {
    return String(processor.processSync(markdown))
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
 * blocks) can reach across paragraphs.
 */
export function renderBody(paragraphs: readonly string[]): string {
  let html = ''
  for (const paragraph of paragraphs) {
    const plain = plainParagraphHtml(paragraph)
    if (plain === null) return renderMarkdown(paragraphs.join('\n\n'))
    html += plain
  }
  return html
}
