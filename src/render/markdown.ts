// Story bodies: Markdown to HTML through unified, with remark-html's sanitizer on (GitHub's schema),
// so raw HTML in a scraped file is dropped and `javascript:` links lose their href.
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkHtml from 'remark-html'

// Built and frozen once: configuring a processor costs more than running it on a short story.
const processor = unified().use(remarkParse).use(remarkHtml, {sanitize: true}).freeze()

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown))
}

/** The whole body of one story; the one place a story's Markdown becomes HTML. */
export function renderBody(paragraphs: string[]): string {
  return renderMarkdown(paragraphs.join('\n\n'))
}
