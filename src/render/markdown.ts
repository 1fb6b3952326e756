// Story bodies: Markdown to HTML through unified, with remark-html's sanitizer on (GitHub's schema),
// so raw HTML in a scraped file is dropped and `javascript:` links lose their href.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkHtml from 'remark-html'
import {plainParagraphHtml} from './plain-paragraph.ts'

// Built and frozen once: configuring a processor costs more than running it on a short story.
const processor = unified().use(remarkParse).use(remarkHtml, {sanitize: true}).freeze()

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown))
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
