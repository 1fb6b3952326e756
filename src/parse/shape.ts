// What a file is, decided before it is read as a story. A content folder of scraped text also
// collects what is not an article: e-mail (Usenet posts, newsletters, digests), a saved web page, a
// scraper's JSON, an image or a PDF renamed `.txt`. E-mail is read as a story (parse/email.ts); the
// others are skipped, with their reason in the build report. Pure: text in, shape out.
import {readDateLine} from './headline.ts'

export type Shape = 'scraped' | 'plain' | 'markdown' | 'email' | 'html' | 'json' | 'binary'

/** The shapes that are no article: the reason a build lists each under `skipped`. */
export const NOT_AN_ARTICLE = {
  html: 'an HTML page, not an article',
  json: 'JSON data, not an article',
  binary: 'binary data, not an article'
} as const satisfies Record<string, string>

/**
 * The shape of a file's text (as read/decode.ts gave it). In order: binary data; front matter,
 * which makes any file an article; an HTML page; JSON; an e-mail's header block; then the article
 * shapes: Markdown by its extension, scraped by its ` date ` first line, else headline-first plain.
 */
export function fileShape(text: string, source: string): Shape {
  if (looksBinary(text)) return 'binary'
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const lead = text.slice(start, start + 4096).trimStart()
  if (!/^---/.test(lead)) {
    if (looksLikeHtml(lead, text)) return 'html'
    if (looksLikeJson(lead, text)) return 'json'
    // Split into lines only when the first one may open a header block: most files' first line does not.
    if (EMAIL_START.test(lead) && emailHeaderEnd(text.slice(start, start + 65536).split(/\r\n|\r|\n/)) !== null) return 'email'
  }
  if (/\.(?:md|markdown)$/i.test(source)) return 'markdown'
  const first = lead.split(/\r\n|\r|\n/, 1)[0] ?? ''
  return readDateLine(first) !== null ? 'scraped' : 'plain'
}

/** A header field or an mbox `From ` line: how an e-mail's first line starts. */
const EMAIL_START = /^(?:From |[!-9;-~]+:)/

// ---------------------------------------------------------------------------
// Binary data.

/** How much of a file the binary test reads: as git does, the start says enough. */
const BINARY_SAMPLE = 8192
/** Fewer control characters than this is a text file with a few stray ones (a NUL a scraper left). */
const BINARY_MIN_CONTROLS = 8
/** Control characters make at least 1/20 of binary data (about 1/8 of random bytes); of text, next to none. */
const BINARY_SHARE = 20
const ANY_CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFFFD]/

/**
 * Whether text (or bytes) is binary data: control characters other than tab, line ends and form
 * feed (C0, DEL, and for text C1 and U+FFFD, which is what invalid bytes decode to) make at least
 * a twentieth of its first 8 KB, and at least eight of them. A text file with a stray NUL or
 * escape is not binary: it is read, and the parser drops the controls with a warning. Nor is a
 * file of NULs alone (a crashed write, which holds nothing): it is an empty file, an error.
 */
export function looksBinary(data: string | Uint8Array): boolean {
  const text = typeof data === 'string'
  // Most text has no control character at all, and a regular expression says so fastest.
  if (text && !ANY_CONTROL.test(data.length > BINARY_SAMPLE ? data.slice(0, BINARY_SAMPLE) : data)) return false
  const length = Math.min(data.length, BINARY_SAMPLE)
  let controls = 0
  let content = false
  for (let i = 0; i < length; i++) {
    const c = text ? (data as string).charCodeAt(i) : (data as Uint8Array)[i]!
    if (c === 0) controls++
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) {
      controls++
      content = true
    } else if (text && ((c >= 0x80 && c <= 0x9f) || c === 0xfffd)) {
      controls++
      content = true
    } else if (c > 0x20) content = true
  }
  return content && controls >= BINARY_MIN_CONTROLS && controls * BINARY_SHARE >= length
}

// ---------------------------------------------------------------------------
// HTML and JSON.

/** `<!DOCTYPE html>` or `<html>`, after an XML declaration and comments if any. */
const HTML_START = /^(?:<\?xml\b[^>]*>\s*)?(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html)(?=[\s>])/i
/** The opening of an element, a closing tag or a comment. */
const TAG_START = /^<(?:[a-z][a-z0-9-]*(?=[\s/>])|\/[a-z]|!--)/i
const TAG = /<(?:!--[^]*?--|[/!?]?[a-z][^<>]*)>/gi

/**
 * A web page: it opens with `<!DOCTYPE html` or `<html`, or it opens with a tag and tags make at
 * least half of its first 64 KB (less white space). A Markdown file that opens with `<p
 * align="center">` and goes on in prose is not a page.
 */
function looksLikeHtml(lead: string, text: string): boolean {
  if (HTML_START.test(lead)) return true
  if (!TAG_START.test(lead)) return false
  const sample = text.slice(0, 65536)
  let tags = 0
  let count = 0
  for (const match of sample.matchAll(TAG)) {
    tags += match[0].replace(/\s+/g, '').length
    count++
  }
  return count >= 3 && tags * 2 >= sample.replace(/\s+/g, '').length
}

/** An object's first key, or an array's first object: a JSON file cut short is JSON too. */
const JSON_START = /^\[?\s*\{\s*(?:"[^"\n]*"\s*:|\})/

/** JSON data: an object or an array, whole or cut short (a headline does not open with `{"`). */
function looksLikeJson(lead: string, text: string): boolean {
  if (lead[0] !== '{' && lead[0] !== '[') return false
  if (JSON_START.test(lead)) return true
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    return typeof value === 'object' && value !== null
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------
// E-mail.

/** RFC 5322 §2.2: a field name is printable ASCII but the colon (and so no space), then a colon. */
export const HEADER_FIELD = /^([!-9;-~]+):[ \t]*(.*)$/
/** A folded header line goes on on the next line, which starts with white space. */
const CONTINUATION = /^[ \t]+\S/
/** An mbox file's separator line, `From sender@example.org Tue Nov  8 09:14:03 2022`. */
export const MBOX_FROM = /^From \S+/
/** An e-mail names its sender and at least one of these. */
const WITH_FROM = new Set(['subject', 'date', 'newsgroups', 'message-id'])

/**
 * The 0-based index of the blank line (or the end of the file) that closes the e-mail header block
 * at the top of `lines`, or null when the file does not open with one. A header block is `Name:
 * value` fields, folded values going on on lines that start with white space, up to the first blank
 * line (blank lines may come before it, and an mbox `From ` line first); it has `From:` and at
 * least one of `Subject:`, `Date:`, `Newsgroups:` and `Message-ID:`. So `From: our correspondent`
 * heading an article, or a first line with `From:` inside it, is no e-mail.
 */
export function emailHeaderEnd(lines: readonly string[]): number | null {
  const block = readHeaderBlock(lines)
  return 'end' in block ? block.end : null
}

/**
 * Why the lines at the top of a file are no e-mail header block, for a file whose first line is a
 * header: the 1-based line that broke it, or what it lacks.
 */
export function notAnEmailBecause(lines: readonly string[], start = 0): string {
  const block = readHeaderBlock(lines, start)
  if ('end' in block) return 'it is one'
  return block.line === null ? block.reason : `line ${block.line} ${block.reason}`
}

function readHeaderBlock(lines: readonly string[], start = 0): {end: number} | {line: number | null; reason: string} {
  let i = start
  while (i < lines.length && lines[i]!.trim() === '') i++
  if (i < lines.length && MBOX_FROM.test(lines[i]!)) i++
  const names = new Set<string>()
  let fields = 0
  for (; i < lines.length; i++) {
    const line = lines[i]!
    if (line.trim() === '') break
    const field = HEADER_FIELD.exec(line)
    if (field) {
      names.add(field[1]!.toLowerCase())
      fields++
    } else if (!(fields > 0 && CONTINUATION.test(line))) {
      return {line: i + 1, reason: 'is neither a "Name: value" header field nor a folded one, and no blank line ends the headers before it'}
    }
  }
  if (!names.has('from')) return {line: null, reason: 'the header block has no From:'}
  if (![...names].some((name) => WITH_FROM.has(name))) return {line: null, reason: 'the header block has no Subject:, Date:, Newsgroups: or Message-ID:'}
  return {end: i}
}

/**
 * Header names of e-mail and Usenet that a headline never is: the first line of a file that is
 * not read as e-mail (its header block is broken) must not become a story headlined `From: …`.
 * `Summary:` and `Keywords:` are left out: an article may well open with those.
 */
const MAIL_HEADERS = new Set([
  'from', 'subject', 'date', 'to', 'cc', 'bcc', 'newsgroups', 'message-id', 'path', 'organization', 'organisation',
  'lines', 'references', 'in-reply-to', 'reply-to', 'sender', 'return-path', 'received', 'mime-version',
  'content-type', 'content-transfer-encoding', 'xref', 'followup-to', 'nntp-posting-host', 'nntp-posting-date',
  'delivered-to', 'user-agent', 'article-i.d.'
])

/** The header name if `line` is an e-mail or Usenet header line (`From: "Name" <address>`, `X-Mailer: …`). */
export function mailHeaderName(line: string): string | null {
  const field = HEADER_FIELD.exec(line.trim())
  if (!field || field[2]!.trim() === '') return null
  const name = field[1]!
  return MAIL_HEADERS.has(name.toLowerCase()) || /^X-[A-Za-z0-9-]+$/.test(name) ? name : null
}
