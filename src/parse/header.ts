// The scraped header: comment count, byline and reading time, in any order, each optional, in the
// lines between the date line and the first body paragraph. The first line that is none of them
// starts the body, so a later line that happens to be a bare number stays body text.
import {readByline, type Byline} from './byline.ts'
import {readCommentCount} from './comment-count.ts'
import {readReadingTime} from './reading-time.ts'
import {isBlank} from './lines.ts'

export interface Header {
  commentCount: number | null
  byline: Byline | null
  readingMinutes: number | null
  /** Index of the first line after the header. */
  end: number
}

export function readHeader(lines: string[], start: number, stop: number): Header {
  const header: Header = {commentCount: null, byline: null, readingMinutes: null, end: start}
  let i = start
  for (; i < stop; i++) {
    const line = lines[i] ?? ''
    if (isBlank(line)) continue
    if (!takeHeaderLine(header, line)) break
  }
  header.end = i
  return header
}

function takeHeaderLine(header: Header, line: string): boolean {
  const count = header.commentCount === null ? readCommentCount(line) : null
  if (count !== null) {
    header.commentCount = count
    return true
  }
  const minutes = header.readingMinutes === null ? readReadingTime(line) : null
  if (minutes !== null) {
    header.readingMinutes = minutes
    return true
  }
  const byline = header.byline === null ? readByline(line) : null
  if (byline !== null) {
    header.byline = byline
    return true
  }
  return false
}
