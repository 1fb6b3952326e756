// YAML front matter at the head of a file. gray-matter splits it, but two of its habits are unsafe
// for files from the open web: a `---js` block is eval'ed (CVE-2022-25863, whatever the options say),
// and without options it caches every file it ever saw. So the language after `---` is checked here
// before gray-matter sees anything, every code-running engine is replaced by one that throws, YAML
// goes through js-yaml 4's `load` (no functions, unknown tags refused), and options are always passed.
import matter from 'gray-matter'
import {load, YAMLException} from 'js-yaml'
import type {Diagnostic} from '../model/types.ts'
import {slugify} from '../model/slug.ts'
import {displayName} from './byline.ts'
import {checkDate, checkDay} from './date.ts'
import {collapse} from './whitespace.ts'

export interface FrontMatter {
  title: string | null
  date: string | null
  authors: string[] | null
  tags: string[]
  slug: string | null
  draft: boolean
  summary: string | null
  section: string | null
}

export interface FrontMatterRead {
  /** Index of the first line after the closing `---`; 0 when there is no front matter. */
  end: number
  fields: FrontMatter | null
  diagnostics: Diagnostic[]
}

const READABLE = new Set(['', 'yaml', 'yml', 'json'])

function refuse(language: string) {
  return (): never => {
    throw new RefusedLanguage(language)
  }
}

class RefusedLanguage extends Error {}

/** Exported so a test can hand gray-matter a code block directly and see every engine refuse it. */
export const GRAY_MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    // Boxed, because gray-matter expects an object and a YAML document may be a bare string or list.
    yaml: (text: string): object => ({parsed: load(text)}),
    json: (text: string): object => ({parsed: JSON.parse(text) as unknown}),
    javascript: refuse('javascript'),
    js: refuse('js'),
    coffee: refuse('coffee'),
    coffeescript: refuse('coffeescript'),
    cson: refuse('cson'),
    toml: refuse('toml')
  }
}

export function hasFrontMatter(lines: string[]): boolean {
  const first = lines[0] ?? ''
  return first.startsWith('---') && first[3] !== '-'
}

export function readFrontMatter(lines: string[]): FrontMatterRead {
  if (!hasFrontMatter(lines)) return {end: 0, fields: null, diagnostics: []}
  const language = (lines[0] ?? '').slice(3).trim()
  if (!READABLE.has(language.toLowerCase())) return failed(1, refusal(language))
  // gray-matter ends the block at the first line that starts with `---`; agree with it, and insist
  // that the line is exactly `---` so a typo does not swallow the story.
  let close = 1
  while (close < lines.length && !(lines[close] ?? '').startsWith('---')) close++
  if (close === lines.length) return failed(1, 'front matter is never closed: add a line "---" after it')
  if ((lines[close] ?? '').trimEnd() !== '---') return failed(close + 1, 'front matter must end with a line that is exactly "---"')
  const block = lines.slice(1, close)
  let data: unknown
  try {
    const box = matter(`---${language}\n${block.join('\n')}\n---\n`, GRAY_MATTER_OPTIONS).data
    // gray-matter skips the engine for a block of nothing but comments, and returns {} itself.
    data = Object.hasOwn(box, 'parsed') ? box['parsed'] ?? {} : {}
  } catch (error) {
    return failed(...explain(error))
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return failed(2, 'front matter must be "key: value" lines')
  }
  const diagnostics: Diagnostic[] = []
  const fields = readFields(data as Record<string, unknown>, block, diagnostics)
  return {end: close + 1, fields, diagnostics}
}

function failed(line: number, message: string): FrontMatterRead {
  return {end: 0, fields: null, diagnostics: [{severity: 'error', line, message}]}
}

function refusal(language: string): string {
  return `front matter in "${language}" refused: only YAML front matter is read (code in front matter is never run)`
}

function explain(error: unknown): [number, string] {
  if (error instanceof RefusedLanguage) return [1, refusal(error.message)]
  if (error instanceof YAMLException) {
    // gray-matter hands the engine the block with the newline that ends the opening `---` line, so
    // js-yaml's 0-based line 1 is line 2 of the file.
    return [1 + (error.mark?.line ?? 1), `front matter is not valid YAML: ${error.reason}`]
  }
  return [1, `front matter could not be read: ${error instanceof Error ? error.message : String(error)}`]
}

function readFields(data: Record<string, unknown>, block: string[], diagnostics: Diagnostic[]): FrontMatter {
  const lineOf = (key: string): number => {
    const index = block.findIndex((line) => new RegExp(`^["']?${key}["']?\\s*:`).test(line))
    return index === -1 ? 1 : index + 2
  }
  const warn = (key: string, message: string): void => {
    diagnostics.push({severity: 'warning', line: lineOf(key), message: `front matter ${key}: ${message}; ignored`})
  }
  const value = (key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined)

  const title = text(value('title'))
  if (title === undefined) warn('title', 'must be text')
  const summary = text(value('summary'))
  if (summary === undefined) warn('summary', 'must be text')
  const section = text(value('section'))
  if (section === undefined) warn('section', 'must be text')
  const slugText = text(value('slug'))
  const slug = slugText ? slugify(slugText) : null
  if (slugText === undefined || slug === '') warn('slug', 'must be text with letters or digits')
  const authorsKey = Object.hasOwn(data, 'authors') ? 'authors' : 'author'
  const authors = textList(value(authorsKey))
  if (authors === undefined) warn(authorsKey, 'must be a name or a list of names')
  const tags = textList(value('tags'), ',')
  if (tags === undefined) warn('tags', 'must be a list of tags')
  const draft = value('draft')
  if (draft !== undefined && draft !== null && typeof draft !== 'boolean') warn('draft', 'must be true or false')
  const date = readDate(value('date'), block, lineOf('date'), diagnostics)
  return {
    title: title ?? null,
    date,
    authors: authors && authors.length > 0 ? authors.map(displayName) : null,
    tags: tags ?? [],
    slug: slug || null,
    draft: draft === true,
    summary: summary ?? null,
    section: section ?? null
  }
}

/** A one-line text value; null when absent or empty, undefined when it is not text at all. */
function text(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null
  // YAML escapes (`"\0"`, `"\x01"`) reach here without passing the body's control-character filter.
  if (typeof value === 'string' || typeof value === 'number') return collapse(String(value).replace(CONTROLS, '')) || null
  return undefined
}

const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

function textList(value: unknown, separator?: string): string[] | null | undefined {
  if (value === undefined || value === null) return null
  const items = Array.isArray(value) ? value : typeof value === 'string' && separator ? value.split(separator) : [value]
  const out: string[] = []
  for (const item of items) {
    const one = text(item)
    if (one === undefined) return undefined
    // `Budget` and `budget` would be one tag page and one author page: keep the first spelling.
    if (one !== null && !out.some((seen) => seen.toLowerCase() === one.toLowerCase())) out.push(one)
  }
  return out
}

/**
 * YAML turns an unquoted `2022-11-08` into a Date at UTC midnight, and quietly rolls `2022-13-45`
 * over into 2023. So the day is read from the text as written whenever it can be, and from the
 * Date's UTC fields (never local ones) only when the text gives nothing better.
 */
function readDate(value: unknown, block: string[], line: number, diagnostics: Diagnostic[]): string | null {
  if (value === undefined || value === null || value === '') return null
  const raw = /^\s*["']?date["']?\s*:\s*["']?(\d{4}[-/]\d{2}[-/]\d{2})(?![\d])/.exec(block[line - 2] ?? '')?.[1]
  let check
  if (raw !== undefined) check = checkDate(raw)
  else if (value instanceof Date && !Number.isNaN(value.getTime())) {
    check = checkDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), value.toISOString().slice(0, 10))
  } else {
    // Never JSON.stringify a YAML value: aliases can make a few lines a structure with 10^9 leaves.
    const written = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : Array.isArray(value) ? 'a list' : typeof value
    check = {ok: false as const, reason: `"${written.slice(0, 60)}" is not a date in the form YYYY-MM-DD`}
  }
  if (check.ok) return check.date
  diagnostics.push({severity: 'error', line, message: `front matter date: ${check.reason}`})
  return null
}
