// Footer notes are plain text; web addresses in them become links, and only http(s) ones,
// so a `javascript:` note can never become an href.

export interface TextSegment {
  text: string
  /** Present when the segment is a web address. */
  href: string | null
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi
// Sentence punctuation after an address belongs to the sentence.
const TRAILING = /[.,;:!?)\]]+$/

export function linkifyText(text: string): TextSegment[] {
  const segments: TextSegment[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING, '')
    const start = match.index
    if (start > last) segments.push({text: text.slice(last, start), href: null})
    segments.push({text: url, href: url})
    last = start + url.length
  }
  if (last < text.length) segments.push({text: text.slice(last), href: null})
  return segments
}
