// An e-mail read as a story: Usenet posts, news digests and newsletters arrive as mail. The
// header block gives the headline (Subject), the date (Date, the sender's own calendar day) and the
// author (From's display name); the body's text/plain part gives the paragraphs, its hard-wrapped
// lines joined, and quoted lines, reply attributions (`On … wrote:`, `In article <…>, … writes:`),
// the signature (from a `-- ` line to the end) and a list's or newsletter's unsubscribe footer are
// boilerplate, each line with its line number and rule, as a provider's rules leave them.
//
// RFC 2047 encoded-words (`=?UTF-8?Q?…?=`) and addresses are read by postal-mime's decodeWords and
// addressParser: maintained, no dependencies of its own, and the same code its whole-message parser
// uses. That parser is not used: it is asynchronous (parse() is synchronous and pure, and runs on
// the parse helper thread too), and it gives the decoded body without the file's line numbers,
// which the parse's line account and `check --explain` need. So the MIME structure (multipart,
// quoted-printable, base64) is read here, line by line.
import {addressParser, decodeWords} from 'postal-mime'
import type {Diagnostic, TakenLine} from '../model/types.ts'
import {decodeWindows1252, firstInvalidUtf8} from '../read/decode.ts'
import {checkDay, checkDate} from './date.ts'
import {mark, type Block, type LineBlocks} from './line-blocks.ts'
import {isBlank} from './lines.ts'
import type {BodyLine} from './provider-rules.ts'
import {emailHeaderEnd, HEADER_FIELD, MBOX_FROM} from './shape.ts'
import {cleanParagraphLine, collapse} from './whitespace.ts'

export interface Email {
  /** The decoded Subject. */
  headline: string
  /** 1-based line of the Subject header. */
  headlineLine: number
  /** The Date header's calendar day as the sender wrote it, or null. */
  date: string | null
  /** From's display name; null when it gives none (an address alone is never shown). */
  author: string | null
  paragraphs: BodyLine[]
  boilerplate: TakenLine[]
}

/** A header field, unfolded, and the 0-based lines [line, end) it was written on. */
interface Field {
  /** Lower case. */
  name: string
  value: string
  line: number
  end: number
}

/** A line of the part's text after its transfer encoding is undone, and the file lines it came from. */
interface TextLine {
  text: string
  /** 1-based line of the file it starts on. */
  line: number
  /** 0-based file lines it was written on (none for base64, whose text has no lines in the file). */
  raws: number[]
}

interface MimeNode {
  fields: Field[]
  type: string
  params: Map<string, string>
  /** 0-based [start, end) of the header lines, and of the body. */
  headers: [number, number]
  body: [number, number]
  /** Boundary lines, for a multipart node. */
  boundaries: number[]
  children: MimeNode[]
}

const MAX_DEPTH = 8

/**
 * Reads an e-mail from `lines` (the file's lines). null, with an error in `diagnostics`, when it
 * gives no story: no Subject, or no plain-text part. Every non-blank line ends in one block of
 * `account`: `header` (the header block, part headers and boundaries), `headline` (Subject),
 * `byline` (From), `other part` (a MIME part not read: the HTML alternative, an attachment, the
 * preamble), `body` and `boilerplate`.
 */
export function readEmail(lines: string[], diagnostics: Diagnostic[], account: LineBlocks | null): Email | null {
  const end = emailHeaderEnd(lines)
  if (end === null) return null
  let start = 0
  while (start < end && isBlank(lines[start] ?? '')) start++
  const mbox = MBOX_FROM.test(lines[start] ?? '')
  if (mbox) mark(account, start++, 'header')
  const fields = readFields(lines, start, end)
  for (const field of fields) {
    const block: Block = field.name === 'subject' ? 'headline' : field.name === 'from' ? 'byline' : 'header'
    for (let i = field.line; i < field.end; i++) mark(account, i, block)
  }
  const subject = fields.find((field) => field.name === 'subject')
  const headline = subject === undefined ? '' : collapse(decodeWords(subject.value))
  if (headline === '') {
    const where = subject === undefined ? start + 1 : subject.line + 1
    diagnostics.push({severity: 'error', line: where, message: `no headline: the e-mail has ${subject === undefined ? 'no Subject header' : 'an empty Subject'}`})
    return null
  }
  const dateField = fields.find((field) => field.name === 'date')
  let date: string | null = null
  if (dateField !== undefined) {
    const read = readMailDate(dateField.value)
    if (read.ok) date = read.date
    else diagnostics.push({severity: 'warning', line: dateField.line + 1, message: `${read.reason}; the date is taken from the file's path, if it has one`})
  }
  const from = fields.find((field) => field.name === 'from')
  const root = mimeNode(lines, fields, [start, end], [Math.min(end + 1, lines.length), lines.length], 0)
  const chosen = textPart(root)
  if (chosen === null) {
    const type = fields.find((field) => field.name === 'content-type')
    diagnostics.push({severity: 'error', line: (type?.line ?? start) + 1, message: 'the e-mail has no plain-text part to read (an HTML-only message is not read as a story)'})
    return null
  }
  const text = partText(lines, chosen, mbox)
  const body = readBody(text)
  if (account !== null) {
    for (const line of body.lines) for (const raw of line.raws) if (!isBlank(lines[raw] ?? '')) mark(account, raw, line.block)
    // What decoded to nothing (a quoted-printable `=20`), and base64, whose text has no lines in
    // the file: the part's body, read whole.
    for (let i = chosen.body[0]; i < chosen.body[1]; i++) if (!isBlank(lines[i] ?? '') && account.blocks[i] === null) mark(account, i, 'body')
  }
  markStructure(root, chosen, lines, account)
  return {
    headline,
    headlineLine: subject!.line + 1,
    date,
    author: from === undefined ? null : authorOf(from.value),
    paragraphs: body.paragraphs,
    boilerplate: body.boilerplate
  }
}

// ---------------------------------------------------------------------------
// Headers.

/** The fields of the header lines [start, end), unfolded: a folded value's line breaks go. */
function readFields(lines: readonly string[], start: number, end: number): Field[] {
  const fields: Field[] = []
  for (let i = start; i < end; i++) {
    const line = lines[i] ?? ''
    const field = HEADER_FIELD.exec(line)
    if (field) fields.push({name: field[1]!.toLowerCase(), value: field[2]!, line: i, end: i + 1})
    else if (fields.length > 0 && /^[ \t]/.test(line)) {
      const last = fields[fields.length - 1]!
      last.value += line
      last.end = i + 1
    }
  }
  for (const field of fields) field.value = field.value.trim()
  return fields
}

/** `text/plain; charset="utf-8"; format=flowed` → the type and its parameters, lower-cased names. */
function contentType(value: string | undefined, fallback: string): {type: string; params: Map<string, string>} {
  const params = new Map<string, string>()
  if (value === undefined) return {type: fallback, params}
  const type = /^\s*([^\s;]+\/[^\s;]+)/.exec(value)?.[1]?.toLowerCase() ?? fallback
  for (const match of value.matchAll(/;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    const raw = match[2]!
    params.set(match[1]!.toLowerCase(), raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw)
  }
  return {type, params}
}

function fieldValue(fields: readonly Field[], name: string): string | undefined {
  return fields.find((field) => field.name === name)?.value
}

/**
 * From's display name as a byline. An address alone gives none: the byline is public, and an
 * address (or its local part, `jsmith`, `news-noreply`) is not a name to publish.
 */
function authorOf(value: string): string | null {
  let first
  try {
    first = addressParser(value, {flatten: true})[0]
  } catch {
    return null
  }
  const name = collapse(first?.name ?? '')
    .replace(/^["'\s]+|["'\s]+$/g, '')
    // A name that is the address again (`"jane@example.org" <jane@example.org>`) is no name.
    .replace(/\S+@\S+/g, '')
    .replace(/[<>()]/g, '')
  const clean = collapse(name)
  return /\p{L}/u.test(clean) ? clean : null
}

// ---------------------------------------------------------------------------
// Dates.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
/** RFC 5322 §3.3 (and RFC 822's two-digit years): `Tue, 8 Nov 2022 09:14:03 +0900`. */
const RFC_DATE = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})(?=\s|$)/
/** asctime, as old Usenet software and mbox lines write it: `Tue Nov  8 09:14:03 2022`. */
const ASCTIME = /^[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?(\d{4})\b/
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/

/**
 * The calendar day a Date header names, as written: in the sender's own time zone, so a post sent
 * on the evening of the 8th in New York is of the 8th, whatever the zone of the machine that builds.
 */
export function readMailDate(value: string): {ok: true; date: string} | {ok: false; reason: string} {
  const text = collapse(value.replace(/\([^()]*\)/g, ' '))
  const bad = {ok: false as const, reason: `the Date header "${text}" is not a date`}
  const iso = ISO.exec(text)
  if (iso) {
    const check = checkDate(iso[1]!)
    return check.ok ? check : {ok: false, reason: check.reason}
  }
  let day: string, month: string, year: string
  const rfc = RFC_DATE.exec(text)
  const asc = rfc ? null : ASCTIME.exec(text)
  if (rfc) [, day, month, year] = rfc as unknown as [string, string, string, string]
  else if (asc) [, month, day, year] = asc as unknown as [string, string, string, string]
  else return bad
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1
  if (m === 0) return bad
  let y = Number(year)
  // RFC 5322 §4.3: a two-digit year below 50 is 20xx, else 19xx; a three-digit one is 1900 + it.
  if (year.length === 2) y += y < 50 ? 2000 : 1900
  else if (year.length === 3) y += 1900
  const check = checkDay(y, m, Number(day), text)
  return check.ok ? check : {ok: false, reason: check.reason}
}

// ---------------------------------------------------------------------------
// MIME structure.

function mimeNode(lines: readonly string[], fields: Field[], headers: [number, number], body: [number, number], depth: number): MimeNode {
  const {type, params} = contentType(fieldValue(fields, 'content-type'), 'text/plain')
  const node: MimeNode = {fields, type, params, headers, body, boundaries: [], children: []}
  const boundary = params.get('boundary')
  if (!type.startsWith('multipart/') || boundary === undefined || boundary === '' || depth >= MAX_DEPTH) return node
  const open = `--${boundary}`
  const close = `--${boundary}--`
  let partStart = -1
  const endPart = (stop: number): void => {
    if (partStart >= 0) node.children.push(childNode(lines, partStart, stop, depth))
  }
  for (let i = body[0]; i < body[1]; i++) {
    const line = (lines[i] ?? '').trimEnd()
    if (line === close) {
      endPart(i)
      partStart = -1
      node.boundaries.push(i)
      break
    }
    if (line === open) {
      endPart(i)
      partStart = i + 1
      node.boundaries.push(i)
    }
  }
  // A message cut short before its closing boundary: its last part runs to the end.
  if (partStart >= 0) endPart(body[1])
  return node
}

/** A part of a multipart body, lines [start, stop): its own headers, a blank line, its body. */
function childNode(lines: readonly string[], start: number, stop: number, depth: number): MimeNode {
  let i = start
  while (i < stop && !isBlank(lines[i] ?? '') && (HEADER_FIELD.test(lines[i] ?? '') || (i > start && /^[ \t]/.test(lines[i] ?? '')))) i++
  // Headers end at a blank line; anything else is a part without headers, all body.
  const headerEnd = i < stop && isBlank(lines[i] ?? '') ? i : start
  const fields = readFields(lines, start, headerEnd)
  const bodyStart = headerEnd === start && fields.length === 0 ? start : headerEnd + 1
  return mimeNode(lines, fields, [start, headerEnd], [Math.min(bodyStart, stop), stop], depth + 1)
}

/** The first text/plain part, depth first, that is not an attachment. */
function textPart(node: MimeNode): MimeNode | null {
  if (node.children.length > 0) {
    for (const child of node.children) {
      const found = textPart(child)
      if (found !== null) return found
    }
    return null
  }
  const attachment = /^\s*attachment\b/i.test(fieldValue(node.fields, 'content-disposition') ?? '')
  return node.type === 'text/plain' && !attachment ? node : null
}

/** Every line of the MIME structure outside the chosen part's body: headers, boundaries, other parts. */
function markStructure(node: MimeNode, chosen: MimeNode, lines: readonly string[], account: LineBlocks | null): void {
  if (account === null) return
  const markLines = (start: number, stop: number, block: Block): void => {
    for (let i = start; i < stop; i++) if (!isBlank(lines[i] ?? '') && account.blocks[i] === null) mark(account, i, block)
  }
  const walk = (part: MimeNode, top: boolean): void => {
    if (!top) markLines(part.headers[0], part.headers[1], 'header')
    if (part === chosen) return
    for (const line of part.boundaries) mark(account, line, 'header')
    for (const child of part.children) walk(child, false)
    // The rest of the body: the preamble and epilogue of a multipart, or a part not read.
    markLines(part.body[0], part.body[1], 'other part')
  }
  walk(node, true)
}

function encodingOf(node: MimeNode): string {
  return (fieldValue(node.fields, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase()
}

/** The part's text, its transfer encoding undone, line by line. */
function partText(lines: readonly string[], part: MimeNode, mbox: boolean): TextLine[] {
  const [start, stop] = part.body
  const charset = part.params.get('charset') ?? null
  const encoding = encodingOf(part)
  if (encoding === 'quoted-printable') return quotedPrintable(lines, start, stop, charset)
  if (encoding === 'base64') {
    let first = start
    while (first < stop && isBlank(lines[first] ?? '')) first++
    const data = lines.slice(start, stop).join('').replace(/[^A-Za-z0-9+/]/g, '')
    const text = decodeBytes(Buffer.from(data, 'base64'), charset)
    return text.split(/\r\n|\r|\n/).map((line) => ({text: line.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''), line: first + 1, raws: []}))
  }
  const out: TextLine[] = []
  for (let i = start; i < stop; i++) {
    const line = lines[i] ?? ''
    // mbox writes a body line that starts `From ` as `>From `: that is no quotation.
    out.push({text: mbox && /^>+From /.test(line) ? line.slice(1) : line, line: i + 1, raws: [i]})
  }
  return out
}

/**
 * RFC 2045 §6.7: `=XX` is a byte, `=` at a line's end a soft break (the text goes on on the next
 * line). Runs of bytes are decoded in the part's charset; a multibyte character may straddle a soft
 * break. Each decoded line keeps the file lines it was written on.
 */
function quotedPrintable(lines: readonly string[], start: number, stop: number, charset: string | null): TextLine[] {
  const out: TextLine[] = []
  let text = ''
  let bytes: number[] = []
  let raws: number[] = []
  const flushBytes = (): void => {
    if (bytes.length > 0) text += decodeBytes(Uint8Array.from(bytes), charset)
    bytes = []
  }
  for (let i = start; i < stop; i++) {
    let line = (lines[i] ?? '').replace(/[ \t]+$/, '')
    raws.push(i)
    const soft = line.endsWith('=')
    if (soft) line = line.slice(0, -1)
    for (let k = 0; k < line.length; k++) {
      const hex = line[k] === '=' ? /^[0-9A-Fa-f]{2}/.exec(line.slice(k + 1, k + 3)) : null
      if (hex) {
        bytes.push(parseInt(hex[0], 16))
        k += 2
      } else {
        flushBytes()
        text += line[k]
      }
    }
    if (!soft || i === stop - 1) {
      flushBytes()
      out.push({text: text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, ''), line: raws[0]! + 1, raws})
      text = ''
      raws = []
    }
  }
  return out
}

/** Bytes in a charset; an unknown or missing one is UTF-8 when the bytes are, else Windows-1252. */
function decodeBytes(bytes: Uint8Array, charset: string | null): string {
  const label = (charset ?? '').trim().toLowerCase()
  if (/^(?:us-ascii|ascii|iso-8859-1|iso8859-1|latin-?1|windows-1252|cp1252)$/.test(label)) return decodeWindows1252(bytes)
  if (label !== '' && !/^utf-?8$/.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // A charset the runtime does not know: read as if none were named.
    }
  }
  return firstInvalidUtf8(bytes) === -1 ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes)
}

// ---------------------------------------------------------------------------
// The body.

/** A signature starts at a line that is `-- ` (RFC 3676 §4.3) or `--`, and runs to the end. */
const SIGNATURE = /^--\s?$/
const QUOTED = /^\s*>/
/** `On Tue, 8 Nov 2022, Jane Doe wrote:`, `Jane Doe <jane@…> writes:`: the line before a quotation. */
const ATTRIBUTION_END = /\b(?:wrote|writes|said|schrieb|a écrit)\s*:\s*$/i
const ATTRIBUTION_START = /^\s*(?:On\s|In article\s*<|In\s+<[^>]+>|Le\s|Am\s)/i
/** Outlook quotes the message it answers under this line, to the end. */
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i
/** A line of one character repeated, ruling off a section. */
const RULE = /^\s*([-=_*~#+])\1{2,}\s*$/
/** A list item starts a paragraph of its own, even inside a run of wrapped lines. */
const LIST_ITEM = /^\s*(?:[-*•+]|\d{1,3}[.)])\s+\S/
/** A newsletter's or mailing list's closing lines. */
const FOOTER =
  /\b(?:unsubscribe|mailing list|you (?:are|were) receiving|received this (?:e-?mail|message|newsletter)|manage your (?:subscription|preferences)|update your (?:preferences|subscription)|e-?mail preferences|opt[ -]out)\b/i
/** A newsletter's link to itself on the web, wherever it stands (a short paragraph). */
const VIEW_ONLINE = /^(?:(?!\n).){0,40}\bview (?:this|it|the) (?:e-?mail |newsletter |message )?(?:in|on|online in) (?:your|a) (?:web )?browser\b/i
const VIEW_ONLINE_LENGTH = 200

interface Classified {
  lines: Array<{raws: number[]; block: 'body' | 'boilerplate'}>
  paragraphs: BodyLine[]
  boilerplate: TakenLine[]
}

function readBody(text: TextLine[]): Classified {
  const rules: Array<string | null> = text.map(() => null)
  // The signature: from the last `-- ` line on.
  let signature = -1
  for (let i = text.length - 1; i >= 0; i--) {
    if (SIGNATURE.test(text[i]!.text)) {
      signature = i
      break
    }
  }
  const end = signature === -1 ? text.length : signature
  if (signature !== -1) for (let i = signature; i < text.length; i++) if (!isBlank(text[i]!.text)) rules[i] = 'email/signature'
  for (let i = 0; i < end; i++) {
    const line = text[i]!.text
    if (ORIGINAL_MESSAGE.test(line)) {
      for (let k = i; k < end; k++) if (!isBlank(text[k]!.text)) rules[k] = 'email/quoted'
      break
    }
    if (QUOTED.test(line)) rules[i] = 'email/quoted'
    else if (RULE.test(line)) rules[i] = 'email/rule'
  }
  // Attributions: the line that introduces a quotation, and its first half when it was wrapped.
  for (let i = 0; i < end; i++) {
    const line = text[i]!.text
    if (rules[i] !== null || isBlank(line)) continue
    const next = nextNonBlank(text, i + 1, end)
    const introduces = ATTRIBUTION_END.test(line) && (ATTRIBUTION_START.test(line) || (next !== -1 && rules[next] === 'email/quoted'))
    const inArticle = /^\s*In article\s*<[^>]+>/i.test(line)
    if (!introduces && !inArticle) continue
    rules[i] = 'email/attribution'
    const before = i - 1
    if (!inArticle && !ATTRIBUTION_START.test(line) && before >= 0 && rules[before] === null && ATTRIBUTION_START.test(text[before]!.text)) rules[before] = 'email/attribution'
    // `In article <…>, Name <address>` wrapped before `writes:`.
    if (inArticle && !ATTRIBUTION_END.test(line) && i + 1 < end && rules[i + 1] === null && ATTRIBUTION_END.test(text[i + 1]!.text)) rules[i + 1] = 'email/attribution'
  }
  // Paragraphs: runs of text lines, hard-wrapped lines joined; a list item starts one of its own.
  const groups: number[][] = []
  let group: number[] = []
  const close = (): void => {
    if (group.length > 0) groups.push(group)
    group = []
  }
  for (let i = 0; i < end; i++) {
    const line = text[i]!.text
    if (isBlank(line) || rules[i] !== null) {
      close()
      continue
    }
    if (LIST_ITEM.test(line)) close()
    group.push(i)
  }
  close()
  // The closing run of paragraphs that are a newsletter's or list's footer.
  let kept = groups.length
  while (kept > 0 && FOOTER.test(groups[kept - 1]!.map((i) => text[i]!.text).join(' '))) kept--
  for (const taken of groups.slice(kept)) for (const i of taken) rules[i] = 'email/footer'
  const body = groups.slice(0, kept).filter((indices) => {
    const paragraph = indices.map((i) => text[i]!.text.trim()).join(' ')
    if (paragraph.length > VIEW_ONLINE_LENGTH || !VIEW_ONLINE.test(paragraph)) return true
    for (const i of indices) rules[i] = 'email/view-online'
    return false
  })
  const paragraphs: BodyLine[] = body.map((indices) => ({
    text: indices.map((i) => cleanParagraphLine(text[i]!.text)).join(' '),
    line: text[indices[0]!]!.line
  }))
  const boilerplate: TakenLine[] = []
  const lines: Classified['lines'] = []
  for (const [i, line] of text.entries()) {
    const rule = rules[i]
    if (rule !== null && rule !== undefined) {
      boilerplate.push({line: line.line, text: line.text.trim(), rule})
      lines.push({raws: line.raws, block: 'boilerplate'})
    } else if (!isBlank(line.text)) lines.push({raws: line.raws, block: 'body'})
  }
  return {lines, paragraphs, boilerplate}
}

function nextNonBlank(text: readonly TextLine[], from: number, end: number): number {
  for (let i = from; i < end; i++) if (!isBlank(text[i]!.text)) return i
  return -1
}
