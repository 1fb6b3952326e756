// Read → parse for a content folder: list, stamp, read, parse, then duplicates and drafts. The one
// way every command reads content (build, dev, check, parse, tags), with the site's config: its
// size limit, its provider profiles and its tag settings.
import path from 'node:path'
import {openParseCache, type ParseCache} from '../cache/parsed.ts'
import {filesHash} from '../cache/inputs.ts'
import type {ParsedEntry, ParsedFile} from '../model/parsed.ts'
import {createVocabulary, type PackedMentions} from '../model/tags/index.ts'
import type {Vocabulary} from '../model/tags/mentions.ts'
import type {Article, BuildReport, ParseResult, SiteConfig} from '../model/types.ts'
import {parseDecoded, withDecoding} from '../parse/index.ts'
import {readContentFile} from '../read/file.ts'
import {listContentFiles, type Skipped} from '../read/list.ts'
import {fileStamp} from '../read/stamp.ts'
import {count} from '../text/count.ts'
import {startParseHelper} from '../threads/parse-helper.ts'
import {parseEntry, parseOptionsFor} from './parse-entry.ts'

export interface ReadOptions {
  content: string
  drafts: boolean
  /** Called as files are parsed, for a progress line on a terminal. */
  onProgress?: (progress: {phase: 'parse'; done: number; total: number}) => void
  /** 1: no helper thread. */
  jobs?: number
}

/** What reading a content folder gave, before parsing anything that need not be parsed. */
export interface ReadFiles {
  /** Every article file found, in order. */
  sources: string[]
  /** What reading each gave, in the same order. */
  outcomes: ParsedFile[]
  /** How many files were skipped (listed in the report). */
  skipped: number
  /** A hash of every file's path and content hash, and of what was skipped and why. */
  inputs: string
  /** What the listing skipped, for `filesHash` with other hashes. */
  listedSkipped: Skipped[]
}

/** What reading and parsing a content folder gave: the articles to publish. */
export interface ReadArticles {
  articles: Article[]
  /** Each article's tag candidates, in the same order. */
  mentions: PackedMentions[]
  /** Files that gave no article because of an error. */
  failed: number
  /** Every file found, skipped ones included. */
  files: number
}

/** A parse cache that keeps nothing, for commands that read without building (`tags`, `--strict` refusals). */
export function uncached(): ParseCache {
  return openParseCache(null, '')
}

/**
 * Read → parse for a whole content folder: every file found ends in `report` as an error, a
 * duplicate or a skip, or among the returned articles.
 */
export async function readArticles(
  options: ReadOptions,
  config: SiteConfig,
  parsed: ParseCache,
  report: BuildReport,
  step: (line: string) => void = () => {}
): Promise<ReadArticles> {
  return articlesOf(await readFiles(options, config, parsed, report, step), options, config, parsed, report, step)
}

/**
 * One file, read and parsed as the build reads it (`check` and `parse`); `source` is the name the
 * article carries.
 */
export async function readOneFile(file: string, shown: string, source: string, config: SiteConfig): Promise<ParseResult> {
  const read = await readContentFile(file, shown, config.maxFileBytes)
  if ('error' in read) return {ok: false, source, diagnostics: [read.error]}
  return parseDecoded(read, source, parseOptionsFor(config))
}

/**
 * Lists and reads a content folder, as little as it can: a file whose stamp is unchanged is not
 * read, and a file read again whose bytes are unchanged (touched) is not parsed; the cache holds
 * what parsing them gave. Enough to tell whether anything changed at all.
 */
export async function readFiles(
  options: Pick<ReadOptions, 'content' | 'onProgress' | 'jobs'>,
  config: SiteConfig,
  parsed: ParseCache,
  report: BuildReport,
  step: (line: string) => void
): Promise<ReadFiles> {
  const listing = await listContentFiles(options.content)
  // One at a time: a folder may hold more skipped files than a call takes arguments.
  for (const s of listing.skipped) report.skipped.push({...s, source: path.join(options.content, s.source)})
  step(`read: ${count(listing.files.length, 'file')} in ${options.content}`)
  const sources = listing.files.map((file) => path.join(options.content, file))
  const outcomes: Array<ParsedFile | undefined> = new Array(sources.length)
  let done = 0
  const settle = (i: number, outcome: ParsedFile): void => {
    outcomes[i] = outcome
    if (!('error' in outcome)) parsed.stamp(sources[i]!, outcome.stamp, outcome.hash)
    options.onProgress?.({phase: 'parse', done: ++done, total: sources.length})
  }
  const all = sources.map((_, i) => i)
  if (parsed.stamped) {
    for (const i of all) {
      const stamped = fileStamp(sources[i]!)
      const hash = stamped && stamped.size <= config.maxFileBytes ? parsed.hashFor(sources[i]!, stamped.stamp) : undefined
      if (stamped && hash !== undefined) settle(i, {hash, stamp: stamped.stamp})
    }
  }
  const rest = all.filter((i) => outcomes[i] === undefined)
  let vocabulary: Vocabulary | null = null
  const readAndParse = async (i: number): Promise<void> => {
    const source = sources[i]!
    const read = await readContentFile(source, source, config.maxFileBytes)
    if ('error' in read) return settle(i, read)
    // Touched, not changed: what parsing it gave is in the cache.
    if (parsed.lastHash(source) === read.hash) return settle(i, {hash: read.hash, stamp: read.stamp})
    vocabulary ??= createVocabulary(config.tags)
    const entry = parsed.get(read.hash, source) ?? parseEntry(read.text, read.diagnostics, source, vocabulary, parseOptionsFor(config))
    settle(i, {hash: read.hash, stamp: read.stamp, entry})
  }
  if (parsed.stamped || rest.length < FILES_FOR_PARSE_HELPER || options.jobs === 1) await inBatches(rest, readAndParse)
  else {
    // No earlier build to take files from, and thousands to parse: a helper thread takes half.
    const shared = (vocabulary ??= createVocabulary(config.tags))
    const helper = startParseHelper(
      rest.map((i) => sources[i]!),
      config.maxFileBytes,
      config.tags,
      config.providers,
      (position, outcome) => settle(rest[position]!, sharingNames(outcome, shared))
    )
    for (let batch = helper.claim(); batch !== null; batch = helper.claim()) {
      await Promise.all(rest.slice(batch.from, batch.to).map(readAndParse))
    }
    await helper.finished
    await inBatches(
      rest.filter((i) => outcomes[i] === undefined),
      readAndParse
    )
  }
  const read = outcomes as ParsedFile[]
  const inputs = filesHash(sources, read.map((outcome) => ('error' in outcome ? outcome.error : outcome.hash)), listing.skipped)
  return {sources, outcomes: read, skipped: listing.skipped.length, inputs, listedSkipped: listing.skipped}
}

/** The articles of what `readFiles` read, in order, with every error, duplicate and draft in `report`. */
export async function articlesOf(
  read: ReadFiles,
  options: Pick<ReadOptions, 'drafts'>,
  config: SiteConfig,
  parsed: ParseCache,
  report: BuildReport,
  step: (line: string) => void
): Promise<ReadArticles> {
  const articles: Article[] = []
  const mentions: PackedMentions[] = []
  let failed = 0
  const firstByHash = new Map<string, string>()
  let vocabulary: Vocabulary | null = null
  for (const [i, source] of read.sources.entries()) {
    const outcome = read.outcomes[i]!
    if ('error' in outcome) {
      report.errors.push({source, line: outcome.error.line, message: outcome.error.message})
      failed++
      continue
    }
    const original = firstByHash.get(outcome.hash)
    if (original !== undefined) {
      report.duplicates.push({source, sameAs: original})
      continue
    }
    firstByHash.set(outcome.hash, source)
    const entry = outcome.entry ?? parsed.get(outcome.hash, source) ?? (await parseAgain(source, outcome.hash, config, (vocabulary ??= createVocabulary(config.tags))))
    if (entry === null) {
      // Changed between reading and now: this build cannot say what it holds.
      report.errors.push({source, line: 0, message: 'the file changed while it was being built; build again'})
      failed++
      continue
    }
    parsed.set(outcome.hash, source, entry)
    const {result} = entry
    // No article at all (an HTML page, JSON, binary data: parse/shape.ts): skipped on purpose, as
    // drafts are, and what its decoding or parse said about it is moot.
    if (!result.ok && result.skipped !== undefined) {
      report.skipped.push({source, reason: result.skipped})
      continue
    }
    const diagnostics = withDecoding(entry.decoded, result.ok ? result.article.diagnostics : result.diagnostics)
    for (const d of diagnostics) {
      const line = {source, line: d.line, message: d.message}
      if (d.severity === 'error') report.errors.push(line)
      else report.warnings.push(line)
    }
    if (!result.ok) {
      failed++
      continue
    }
    if (result.article.draft && !options.drafts) {
      report.skipped.push({source, reason: 'draft (build with --drafts to include it)'})
      continue
    }
    articles.push(result.article)
    mentions.push(entry.mentions)
  }
  step(`parse: ${count(articles.length, 'article')} (${parsed.hits} from the cache), ${count(report.errors.length, 'error')}, ${count(report.warnings.length, 'warning')}`)
  return {articles, mentions, failed, files: read.sources.length + read.skipped}
}

/**
 * A file known by its stamp or hash whose parse is not in the cache (a cache from another version
 * of Broadsheet, or a damaged cache file): read and parsed now. null if its bytes are no longer the
 * ones the build saw.
 */
async function parseAgain(source: string, hash: string, config: SiteConfig, vocabulary: Vocabulary): Promise<ParsedEntry | null> {
  const read = await readContentFile(source, source, config.maxFileBytes)
  if ('error' in read || read.hash !== hash) return null
  return parseEntry(read.text, read.diagnostics, source, vocabulary, parseOptionsFor(config))
}

/**
 * Below this many files to parse, a helper thread costs about as much as it saves: it takes a few
 * hundred milliseconds to start, and two threads parsing on two cores each take about 1.3 times as
 * long a file as one thread alone. Above it the helper saves about 5 % at 10,000 stories and 8 % at
 * 100,000, for 10 to 70 MB more at the peak.
 */
const FILES_FOR_PARSE_HELPER = 4000

/**
 * A helper's tag candidates, whose names arrive as copies of their own: each is swapped for the
 * copy this thread's vocabulary keeps, one a name across the corpus, as for the files parsed here.
 */
function sharingNames(outcome: ParsedFile, vocabulary: Vocabulary): ParsedFile {
  if ('entry' in outcome && outcome.entry !== undefined) {
    const {mentions} = outcome.entry
    for (let i = 0; i < mentions.names.length; i++) mentions.names[i] = vocabulary.shared(mentions.names[i]!)
  }
  return outcome
}

/** Reads overlap in libuv's thread pool; one await per file would leave the CPU idle most of the time. */
async function inBatches(indices: number[], each: (i: number) => Promise<void>): Promise<void> {
  const BATCH = 64
  for (let start = 0; start < indices.length; start += BATCH) {
    await Promise.all(indices.slice(start, start + BATCH).map(each))
  }
}
