// The scraped header: comment count, byline and reading time, in any order, each optional, in the
// lines between the date line and the first body paragraph. The first line that is none of them
// starts the body, so a later line that happens to be a bare number stays body text.
import {readByline, type Byline, type PublisherNames} from './byline.ts'
import {readCommentCount} from './comment-count.ts'
import {readReadingTime} from './reading-time.ts'
import type {Block} from './line-blocks.ts'
import {isBlank} from './lines.ts'

type HeaderBlock = Extract<Block, 'comment count' | 'byline' | 'reading time'>

export interface Header {
  commentCount: number | null
  byline: Byline | null
  readingMinutes: number | null
  /** Index of the first line after the header. */
  end: number
  /** The line index each header field was read from, for the parse's line accounting. */
  lines: Array<{index: number; block: HeaderBlock}>
}

export function readHeader(lines: string[], start: number, stop: number, publishers?: PublisherNames): Header {
  const header: Header = {commentCount: null, byline: null, readingMinutes: null, end: start, lines: []}
  let i = start
  for (; i < stop; i++) {
    const line = lines[i] ?? ''
    if (isBlank(line)) continue
    const block = takeHeaderLine(header, line, publishers)
    if (block === null) break
    header.lines.push({index: i, block})
  }
  header.end = i
  return header
}

/** Which header field `line` is, now read into `header`; null when it is none and the body starts. */
function takeHeaderLine(header: Header, line: string, publishers: PublisherNames | undefined): HeaderBlock | null {
  const count = header.commentCount === null ? readCommentCount(line) : null
  if (count !== null) {
    header.commentCount = count
    return 'comment count'
  }
  const minutes = header.readingMinutes === null ? readReadingTime(line) : null
  if (minutes !== null) {
    header.readingMinutes = minutes
    return 'reading time'
  }
  const byline = header.byline === null ? readByline(line, publishers) : null
  if (byline !== null) {
    header.byline = byline
    return 'byline'
  }
  return null
}
