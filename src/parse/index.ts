// parse(text, source): one input file's text → an Article, or the diagnostics that stopped it, or
// why it is no article at all (parse/shape.ts: a web page, JSON, binary data).
// Pure: no disk, no clock. Never throws: every shape of bad input is a diagnostic with a line number.
import type {Article, Diagnostic, InputFormat, ParseResult, StoryKind, TakenLine, Teaser} from '../model/types.ts'
import {slugify} from '../model/slug.ts'
import {readDateline} from './dateline.ts'
import {dateFromPath} from './date.ts'
import {readFrontMatter, type FrontMatter} from './frontmatter.ts'
import {readDateLine} from './headline.ts'
import {readHeader, type Header} from './header.ts'
import {isBlank, splitLines} from './lines.ts'
import {markdownBlocks, textParagraphs} from './paragraphs.ts'
import {estimateReadingMinutes} from './reading-time.ts'
import {readTeasers} from './recommended.ts'
import {findSections, footerLines} from './sections.ts'
import {splitGlued} from './glued.ts'
import {createLineBlocks, mark, markRange, type LineBlocks} from './line-blocks.ts'
import {compileProfiles, takeProviderLines, type BodyLine, type CompiledProfiles} from './provider-rules.ts'
import {BUILT_IN_PROVIDERS} from './providers.ts'
import {collapse} from './whitespace.ts'
import {decodeEntities, decodeLines} from './entities.ts'
import {readEmail} from './email.ts'
import {emailHeaderEnd, fileShape, mailHeaderName, NOT_AN_ARTICLE, notAnEmailBecause} from './shape.ts'

const LONG_HEADLINE = 300
/** The label agency video transcripts open with; the story's kind says it instead. */
const STORY_LABEL = /^STORY:\s*(?=\S)/
const BUILT_IN = compileProfiles(BUILT_IN_PROVIDERS)

export interface ParseOptions {
  /** Provider profiles, compiled (parse/provider-rules.ts); the built-in ones by default. */
  providers?: CompiledProfiles
}

export function parse(text: string, source: string, options: ParseOptions = {}): ParseResult {
  return parseAccounted(text, source, options, null)
}

/** parse(), and the block each line of `text` ended in. */
export function parseWithLineBlocks(text: string, source: string, options: ParseOptions = {}): {result: ParseResult; lines: LineBlocks} {
  const lines = createLineBlocks(typeof text === 'string' ? splitLines(text).lines.length : 0)
  return {result: parseAccounted(text, source, options, lines), lines}
}

function parseAccounted(text: string, source: string, options: ParseOptions, account: LineBlocks | null): ParseResult {
  try {
    return parseText(text, source, options.providers ?? BUILT_IN, account)
  } catch (error) {
    // A last resort: every known bad input is handled above this line, but a build must never die.
    const message = `internal parser error (please report it): ${error instanceof Error ? error.message : String(error)}`
    return {ok: false, source, diagnostics: [{severity: 'error', line: 0, message}]}
  }
}

/**
 * What a file's decoding said (read/decode.ts) with what parsing it said, in line order: the one
 * way every command (build, check, parse) reports a file's diagnostics.
 */
export function withDecoding(decoded: readonly Diagnostic[], parsed: readonly Diagnostic[]): Diagnostic[] {
  return sortByLine([...decoded, ...parsed])
}

/** parse() for text that came through read/decode.ts: the decoder's warnings join the article's. */
export function parseDecoded(decoded: {text: string; diagnostics: Diagnostic[]}, source: string, options: ParseOptions = {}): ParseResult {
  const result = parse(decoded.text, source, options)
  // A file that is no article is not read, so what its decoding said does not matter.
  if (!result.ok && result.skipped !== undefined) return result
  const diagnostics = withDecoding(decoded.diagnostics, result.ok ? result.article.diagnostics : result.diagnostics)
  return result.ok ? {ok: true, article: {...result.article, diagnostics}} : {...result, diagnostics}
}

/** What the body of a file says, before front matter overrides it. */
interface Body {
  format: InputFormat
  headline: string
  /** 1-based line the headline was read from (or would have been). */
  headlineLine: number
  date: string | null
  /** The date line said `date` but gave no date. */
  dateMissingFromDateLine: boolean
  header: Header | null
  paragraphs: string[]
  footer: string[]
  recommended: Teaser[]
  credits: TakenLine[]
  boilerplate: TakenLine[]
  /** Providers whose rules took lines, in body order. */
  providers: string[]
  kind: StoryKind
}

function parseText(text: string, source: string, providers: CompiledProfiles, account: LineBlocks | null): ParseResult {
  if (typeof text !== 'string') return failure(source, [error(0, 'not text')])
  // What the file is comes first: a web page, JSON or binary data is no story, and is skipped.
  const shape = fileShape(text, source)
  if (shape === 'html' || shape === 'json' || shape === 'binary') return skipped(source, NOT_AN_ARTICLE[shape])
  const {lines, diagnostics} = splitLines(text)
  if (lines.every(isBlank)) return failure(source, [error(1, 'empty file')])
  // (A header block that control characters broke, removed from its lines, is read as text.)
  if (shape === 'email' && emailHeaderEnd(lines) !== null) {
    const body = readEmailBody(lines, diagnostics, providers, account)
    if (body === null || hasError(diagnostics)) return failure(source, diagnostics)
    return {ok: true, article: assemble(body, null, source, diagnostics, providers)}
  }
  const frontMatter = readFrontMatter(lines)
  diagnostics.push(...frontMatter.diagnostics)
  if (hasError(diagnostics)) return failure(source, diagnostics)
  const fields = frontMatter.fields
  markRange(account, lines, 0, frontMatter.end, 'front matter', () => true)
  // A text format's lines are HTML text its scraper left undecoded (`&#163;8m`): decoded once, here,
  // before any block is read. A Markdown body is left to remark, which reads references itself.
  const body = isMarkdown(source)
    ? readMarkdownBody(lines, frontMatter.end, fields, diagnostics, account)
    : readTextBody(decodeLines(lines, frontMatter.end), frontMatter.end, fields, diagnostics, providers, account)
  if (body === null || hasError(diagnostics)) return failure(source, diagnostics)
  return {ok: true, article: assemble(body, fields, source, diagnostics, providers)}
}

function readTextBody(lines: string[], start: number, fields: FrontMatter | null, diagnostics: Diagnostic[], providers: CompiledProfiles, account: LineBlocks | null): Body | null {
  const first = firstNonBlank(lines, start)
  const dateLine = first === -1 ? null : readDateLine(lines[first] ?? '')
  let format: InputFormat = 'plain'
  let headline = fields?.title ?? null
  let headlineLine = headline === null ? (first === -1 ? start : first) + 1 : 1
  let date: string | null = null
  let header: Header | null = null
  let next: number
  if (dateLine !== null) {
    format = 'scraped'
    if (dateLine.kind === 'dated') date = dateLine.date
    if (dateLine.kind === 'bad') {
      diagnostics.push({severity: fields?.date ? 'warning' : 'error', line: first + 1, message: dateLine.reason})
    }
    headline ??= dateLine.headline || null
    if (headline === null) {
      diagnostics.push(error(first + 1, 'no headline: nothing follows the date on the date line'))
      return null
    }
    header = readHeader(lines, first + 1, lines.length, providers.names)
    next = header.end
    mark(account, first, 'date line')
    for (const field of header.lines) mark(account, field.index, field.block)
  } else if (headline !== null) {
    // The front matter names the story, so the text is all body, unless it repeats the title.
    next = first !== -1 && collapse(lines[first] ?? '') === headline ? first + 1 : start
    if (next === first + 1) mark(account, first, 'headline')
  } else if (first === -1 || first !== start) {
    diagnostics.push(noHeadline(lines, start, first))
    return null
  } else {
    if (headerLine(lines, start, diagnostics)) return null
    headline = collapse(lines[start] ?? '')
    headlineLine = start + 1
    next = start + 1
    mark(account, start, 'headline')
  }
  const sections = findSections(lines, next, lines.length)
  const teasers = sections.recommended ? readTeasers(lines, ...sections.recommended) : null
  if (teasers) diagnostics.push(...teasers.diagnostics)
  const taken = takeProviderLines(textParagraphs(lines, ...sections.body), providers)
  const transcript = transcriptBody(taken.paragraphs, header?.byline?.video === true)
  if (account !== null) {
    for (const paragraph of transcript.paragraphs) mark(account, paragraph.line - 1, 'body')
    for (const line of taken.credits) mark(account, line.line - 1, 'credits')
    for (const line of taken.boilerplate) mark(account, line.line - 1, 'boilerplate')
    // The `___` rule and the notes after it; the heading and the teasers.
    if (sections.footer) markRange(account, lines, sections.footer[0] - 1, sections.footer[1], 'footer', (line) => !isBlank(line))
    if (sections.recommended) markRange(account, lines, sections.recommended[0] - 1, sections.recommended[1], 'recommended stories', (line) => !isBlank(line))
  }
  return {
    format,
    headline,
    headlineLine,
    date,
    dateMissingFromDateLine: dateLine?.kind === 'undated',
    header,
    paragraphs: transcript.paragraphs.map((paragraph) => paragraph.text),
    footer: sections.footer ? footerLines(lines, sections.footer) : [],
    recommended: teasers?.teasers ?? [],
    credits: taken.credits,
    boilerplate: taken.boilerplate,
    providers: taken.providers,
    kind: transcript.kind
  }
}

/**
 * A video transcript (a `STORY:` opening, or a video desk's byline): the label goes, and sentences
 * glued where its paragraphs were joined are paragraphs again.
 */
function transcriptBody(paragraphs: BodyLine[], videoByline: boolean): {paragraphs: BodyLine[]; kind: StoryKind} {
  const labelled = STORY_LABEL.test(paragraphs[0]?.text ?? '')
  if (!labelled && !videoByline) return {paragraphs, kind: 'article'}
  const unlabelled = labelled ? [{...paragraphs[0]!, text: paragraphs[0]!.text.replace(STORY_LABEL, '')}, ...paragraphs.slice(1)] : paragraphs
  return {paragraphs: unlabelled.flatMap((p) => splitGlued(p.text).map((text) => ({text, line: p.line}))), kind: 'video'}
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/

function readMarkdownBody(lines: string[], start: number, fields: FrontMatter | null, diagnostics: Diagnostic[], account: LineBlocks | null): Body | null {
  const first = firstNonBlank(lines, start)
  let headline = fields?.title ?? null
  // A front-matter title is "read" on line 1, where the front matter opens.
  let headlineLine = headline === null ? (first === -1 ? start : first) + 1 : 1
  let next = start
  const firstHeading = first === -1 ? null : ATX_HEADING.exec(lines[first] ?? '')
  if (headline !== null && firstHeading && markdownLabel(firstHeading[1] ?? '') === headline) next = first + 1
  if (headline === null) {
    if (firstHeading) {
      headline = markdownLabel(firstHeading[1] ?? '')
      next = first + 1
    } else if (first === start && first !== -1) {
      if (headerLine(lines, first, diagnostics)) return null
      headline = markdownLabel(lines[first] ?? '')
      next = SETEXT_UNDERLINE.test(lines[first + 1] ?? '') ? first + 2 : first + 1
    }
    if (!headline) {
      diagnostics.push(noHeadline(lines, start, first))
      return null
    }
    headlineLine = first + 1
  }
  markRange(account, lines, start, next, 'headline', (line) => !isBlank(line))
  markRange(account, lines, next, lines.length, 'body', (line) => !isBlank(line))
  return {
    format: 'markdown',
    headline,
    headlineLine,
    date: null,
    dateMissingFromDateLine: false,
    header: null,
    paragraphs: markdownBlocks(lines, next, lines.length),
    footer: [],
    recommended: [],
    credits: [],
    boilerplate: [],
    providers: [],
    kind: 'article'
  }
}

/**
 * An e-mail (parse/email.ts) as a story's body: Subject the headline, Date the date, From's name
 * the byline (a provider's name there is the publisher). null, with an error, when it gives no story.
 */
function readEmailBody(lines: string[], diagnostics: Diagnostic[], providers: CompiledProfiles, account: LineBlocks | null): Body | null {
  const email = readEmail(lines, diagnostics, account)
  if (email === null) return null
  const publisher = email.author === null ? null : (providers.names.get(email.author.toLowerCase()) ?? null)
  const byline = email.author === null ? null : {byline: email.author, authors: publisher === null ? [email.author] : [], publisher, video: false}
  return {
    format: 'email',
    headline: email.headline,
    headlineLine: email.headlineLine,
    date: email.date,
    dateMissingFromDateLine: false,
    header: {commentCount: null, byline, readingMinutes: null, end: 0, lines: []},
    paragraphs: email.paragraphs.map((paragraph) => paragraph.text),
    footer: [],
    recommended: [],
    credits: [],
    boilerplate: email.boilerplate,
    providers: [],
    kind: 'article'
  }
}

/**
 * Never a story headlined `From: "Name" <address>`: a first line that is an e-mail header, in a
 * file not read as e-mail (its header block is broken or lacks Subject, Date, Newsgroups and
 * Message-ID), is an error naming the line. True when it is one.
 */
function headerLine(lines: readonly string[], index: number, diagnostics: Diagnostic[]): boolean {
  const name = mailHeaderName(lines[index] ?? '')
  if (name === null) return false
  const why = notAnEmailBecause(lines, index)
  diagnostics.push(error(index + 1, `no headline: the first line is an e-mail header ("${name}:"), and the file is not read as an e-mail because ${why}`))
  return true
}

/**
 * A Markdown headline as the page shows it, as text: Markdown decodes its character references
 * (`# Bid &#163;8m` reads `Bid £8m`), and the body's are left to remark, which does so itself.
 */
function markdownLabel(text: string): string {
  return collapse(decodeEntities(text))
}

function noHeadline(lines: string[], start: number, first: number): Diagnostic {
  // Only reachable with front matter: a file without it and without text is an "empty file".
  if (first === -1) return error(1, 'no headline: the front matter gives no title and no text follows it')
  const where = start === 0 ? 'the first line' : `line ${start + 1}, the first after the front matter,`
  return error(start + 1, `no headline: ${where} is empty and no front matter gives a title`)
}

function assemble(body: Body, fields: FrontMatter | null, source: string, diagnostics: Diagnostic[], providers: CompiledProfiles): Article {
  const date = fields?.date ?? body.date ?? undatedFallback(body, source, diagnostics)
  if (body.headline.length > LONG_HEADLINE) {
    diagnostics.push(warning(body.headlineLine, `the headline is ${body.headline.length} characters long: is the first line really a headline?`))
  }
  if (body.paragraphs.length === 0) diagnostics.push(warning(body.headlineLine, 'the story has no body text'))
  const byline = body.header?.byline ?? null
  const authors = fields?.authors ?? byline?.authors ?? []
  const dateline = body.paragraphs[0] === undefined ? null : readDateline(body.paragraphs[0])
  const agency = dateline?.agency == null ? null : (providers.names.get(dateline.agency.toLowerCase()) ?? null)
  return {
    source,
    format: body.format,
    headline: body.headline,
    date,
    slug: fields?.slug ?? articleSlug(body.headline, source),
    byline: fields?.authors ? joinNames(fields.authors) : (byline?.byline ?? null),
    authors,
    publisher: byline?.publisher ?? agency ?? body.providers[0] ?? null,
    kind: body.kind,
    commentCount: body.header?.commentCount ?? null,
    readingMinutes: body.header?.readingMinutes ?? estimateReadingMinutes(body.paragraphs),
    dateline,
    paragraphs: body.paragraphs,
    footer: body.footer,
    credits: body.credits,
    boilerplate: body.boilerplate,
    recommended: body.recommended,
    tags: fields?.tags ?? [],
    draft: fields?.draft ?? false,
    summary: fields?.summary ?? null,
    section: fields?.section ?? null,
    diagnostics: sortByLine(diagnostics)
  }
}

/**
 * A file without a date in its text takes one from its path (`2021/03/04/x.txt`), else is undated.
 * Headline-first text and Markdown need not carry a date, so an undated one is no warning (the
 * build counts them in one line); a scraped file whose ` date ` line lacks one is malformed.
 */
function undatedFallback(body: Body, source: string, diagnostics: Diagnostic[]): string | null {
  const fromPath = dateFromPath(source)
  const consequence = fromPath ? `using ${fromPath} from the file's path` : 'the story is undated'
  if (body.dateMissingFromDateLine) diagnostics.push(warning(body.headlineLine, `the date line gives no date (expected " date YYYY-MM-DD <headline>"); ${consequence}`))
  else if (body.format === 'scraped') diagnostics.push(warning(body.headlineLine, `no date: add a " date YYYY-MM-DD" first line; ${consequence}`))
  return fromPath
}

function articleSlug(headline: string, source: string): string {
  const name = source.replace(/\\/g, '/').split('/').pop() ?? ''
  return slugify(headline) || slugify(name.replace(/\.[^.]*$/, '')) || 'story'
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function isMarkdown(source: string): boolean {
  return /\.(?:md|markdown)$/i.test(source)
}

function firstNonBlank(lines: string[], start: number): number {
  for (let i = start; i < lines.length; i++) if (!isBlank(lines[i] ?? '')) return i
  return -1
}

function sortByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line)
}

function hasError(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}

/** A file that is no article, left out on purpose: `check` prints the reason as it prints other skips. */
function skipped(source: string, reason: string): ParseResult {
  return {ok: false, source, diagnostics: [warning(0, `skipped: ${reason}`)], skipped: reason}
}

function failure(source: string, diagnostics: Diagnostic[]): ParseResult {
  return {ok: false, source, diagnostics: sortByLine(diagnostics)}
}

function error(line: number, message: string): Diagnostic {
  return {severity: 'error', line, message}
}

function warning(line: number, message: string): Diagnostic {
  return {severity: 'warning', line, message}
}
