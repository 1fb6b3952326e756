// parse(text, source): one input file's text → an Article, or the diagnostics that stopped it.
// Pure: no disk, no clock. Never throws: every shape of bad input is a diagnostic with a line number.
import type {Article, Diagnostic, InputFormat, ParseResult, Teaser} from '../model/types.ts'
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
import {collapse} from './whitespace.ts'

const LONG_HEADLINE = 300

export function parse(text: string, source: string): ParseResult {
  try {
    return parseText(text, source)
  } catch (error) {
    // A last resort: every known bad input is handled above this line, but a build must never die.
    const message = `internal parser error (please report it): ${error instanceof Error ? error.message : String(error)}`
    return {ok: false, source, diagnostics: [{severity: 'error', line: 0, message}]}
  }
}

/** parse() for text that came through read/decode.ts: the decoder's warnings join the article's. */
export function parseDecoded(decoded: {text: string; diagnostics: Diagnostic[]}, source: string): ParseResult {
  const result = parse(decoded.text, source)
  const diagnostics = sortByLine([...decoded.diagnostics, ...(result.ok ? result.article.diagnostics : result.diagnostics)])
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
}

function parseText(text: string, source: string): ParseResult {
  if (typeof text !== 'string') return failure(source, [error(0, 'not text')])
  const {lines, diagnostics} = splitLines(text)
  if (lines.every(isBlank)) return failure(source, [error(1, 'empty file')])
  const frontMatter = readFrontMatter(lines)
  diagnostics.push(...frontMatter.diagnostics)
  if (hasError(diagnostics)) return failure(source, diagnostics)
  const fields = frontMatter.fields
  const body = isMarkdown(source)
    ? readMarkdownBody(lines, frontMatter.end, fields, diagnostics)
    : readTextBody(lines, frontMatter.end, fields, diagnostics)
  if (body === null || hasError(diagnostics)) return failure(source, diagnostics)
  return {ok: true, article: assemble(body, fields, source, diagnostics)}
}

function readTextBody(lines: string[], start: number, fields: FrontMatter | null, diagnostics: Diagnostic[]): Body | null {
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
    header = readHeader(lines, first + 1, lines.length)
    next = header.end
  } else if (headline !== null) {
    // The front matter names the story, so the text is all body, unless it repeats the title.
    next = first !== -1 && collapse(lines[first] ?? '') === headline ? first + 1 : start
  } else if (first === -1 || first !== start) {
    diagnostics.push(noHeadline(lines, start, first))
    return null
  } else {
    headline = collapse(lines[start] ?? '')
    headlineLine = start + 1
    next = start + 1
  }
  const sections = findSections(lines, next, lines.length)
  const teasers = sections.recommended ? readTeasers(lines, ...sections.recommended) : null
  if (teasers) diagnostics.push(...teasers.diagnostics)
  return {
    format,
    headline,
    headlineLine,
    date,
    dateMissingFromDateLine: dateLine?.kind === 'undated',
    header,
    paragraphs: textParagraphs(lines, ...sections.body),
    footer: sections.footer ? footerLines(lines, sections.footer) : [],
    recommended: teasers?.teasers ?? []
  }
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/

function readMarkdownBody(lines: string[], start: number, fields: FrontMatter | null, diagnostics: Diagnostic[]): Body | null {
  const first = firstNonBlank(lines, start)
  let headline = fields?.title ?? null
  // A front-matter title is "read" on line 1, where the front matter opens.
  let headlineLine = headline === null ? (first === -1 ? start : first) + 1 : 1
  let next = start
  const firstHeading = first === -1 ? null : ATX_HEADING.exec(lines[first] ?? '')
  if (headline !== null && firstHeading && collapse(firstHeading[1] ?? '') === headline) next = first + 1
  if (headline === null) {
    if (firstHeading) {
      headline = collapse(firstHeading[1] ?? '')
      next = first + 1
    } else if (first === start && first !== -1) {
      headline = collapse(lines[first] ?? '')
      next = SETEXT_UNDERLINE.test(lines[first + 1] ?? '') ? first + 2 : first + 1
    }
    if (!headline) {
      diagnostics.push(noHeadline(lines, start, first))
      return null
    }
    headlineLine = first + 1
  }
  return {
    format: 'markdown',
    headline,
    headlineLine,
    date: null,
    dateMissingFromDateLine: false,
    header: null,
    paragraphs: markdownBlocks(lines, next, lines.length),
    footer: [],
    recommended: []
  }
}

function noHeadline(lines: string[], start: number, first: number): Diagnostic {
  // Only reachable with front matter: a file without it and without text is an "empty file".
  if (first === -1) return error(1, 'no headline: the front matter gives no title and no text follows it')
  const where = start === 0 ? 'the first line' : `line ${start + 1}, the first after the front matter,`
  return error(start + 1, `no headline: ${where} is empty and no front matter gives a title`)
}

function assemble(body: Body, fields: FrontMatter | null, source: string, diagnostics: Diagnostic[]): Article {
  const date = fields?.date ?? body.date ?? undatedFallback(body, source, diagnostics)
  if (body.headline.length > LONG_HEADLINE) {
    diagnostics.push(warning(body.headlineLine, `the headline is ${body.headline.length} characters long: is the first line really a headline?`))
  }
  if (body.paragraphs.length === 0) diagnostics.push(warning(body.headlineLine, 'the story has no body text'))
  const byline = body.header?.byline ?? null
  const authors = fields?.authors ?? byline?.authors ?? []
  return {
    source,
    format: body.format,
    headline: body.headline,
    date,
    slug: fields?.slug ?? articleSlug(body.headline, source),
    byline: fields?.authors ? joinNames(fields.authors) : (byline?.byline ?? null),
    authors,
    commentCount: body.header?.commentCount ?? null,
    readingMinutes: body.header?.readingMinutes ?? estimateReadingMinutes(body.paragraphs),
    dateline: body.paragraphs[0] === undefined ? null : readDateline(body.paragraphs[0]),
    paragraphs: body.paragraphs,
    footer: body.footer,
    recommended: body.recommended,
    tags: fields?.tags ?? [],
    draft: fields?.draft ?? false,
    summary: fields?.summary ?? null,
    diagnostics: sortByLine(diagnostics)
  }
}

function undatedFallback(body: Body, source: string, diagnostics: Diagnostic[]): string | null {
  const fromPath = dateFromPath(source)
  const consequence = fromPath ? `using ${fromPath} from the file's path` : 'the story is undated'
  const where = body.format === 'scraped' ? 'a " date YYYY-MM-DD" first line' : 'a front-matter "date: YYYY-MM-DD"'
  if (!body.dateMissingFromDateLine) diagnostics.push(warning(body.headlineLine, `no date: add ${where}; ${consequence}`))
  else diagnostics.push(warning(body.headlineLine, `the date line gives no date (expected " date YYYY-MM-DD <headline>"); ${consequence}`))
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

function failure(source: string, diagnostics: Diagnostic[]): ParseResult {
  return {ok: false, source, diagnostics: sortByLine(diagnostics)}
}

function error(line: number, message: string): Diagnostic {
  return {severity: 'error', line, message}
}

function warning(line: number, message: string): Diagnostic {
  return {severity: 'warning', line, message}
}
