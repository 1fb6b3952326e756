// The digest's two-sentence excerpt: plain text, dateline removed (the digest shows it apart).
import type {Article, Dateline} from './types.ts'

const segmenter = new Intl.Segmenter('en', {granularity: 'sentence'})
const MAX_CHARS = 400

/** A story's excerpt: its front-matter summary, else the body's opening. */
export function articleExcerpt(article: Pick<Article, 'summary' | 'paragraphs' | 'dateline'>): string {
  return article.summary ?? excerpt(article.paragraphs, article.dateline)
}

export function excerpt(paragraphs: readonly string[], dateline: Dateline | null): string {
  const first = paragraphs.find((p) => p.trim() !== '')
  if (first === undefined) return ''
  let text = plainText(first)
  if (dateline && text.startsWith(dateline.place)) {
    text = text.slice(dateline.place.length).replace(/^\s*(\([^)]*\))?\s*[—–-]+\s*/u, '')
  }
  const sentences: string[] = []
  for (const {segment} of segmenter.segment(text)) {
    sentences.push(segment.trim())
    if (sentences.length === 2) break
  }
  return clip(sentences.join(' '))
}

/** Markdown sources to readable text: links keep their words, emphasis and code marks go. */
function plainText(markdown: string): string {
  // Each pattern stops at the next opener (`[`, `(`, `<`), so a megabyte of `[` or `<` costs one
  // pass, not one pass per character.
  return markdown
    .replace(/!\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/<[^<>]*>/g, '')
    .replace(/[*_`]+/g, '')
    .replace(/^#+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function clip(text: string): string {
  const chars = Array.from(text)
  if (chars.length <= MAX_CHARS) return text
  const cut = chars.slice(0, MAX_CHARS).join('')
  const space = cut.lastIndexOf(' ')
  return `${(space > MAX_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
