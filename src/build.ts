// One build: read → parse → model → render → write. The only module that strings the steps
// together; the CLI calls it and prints what it reports.
import {existsSync, readFileSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {resolveConfig, withBaseUrl} from './model/config.ts'
import {codeVersion, hashOf} from './cache/version.ts'
import {filesHash, siteInputs} from './cache/inputs.ts'
import {fullCollection, lowerHeapGrowth} from './full-collection.ts'
import {openParseCache, parseEntry, type ParseCache, type ParsedEntry, type ParsedFile} from './cache/parsed.ts'
import {openCacheWrites, type CacheWrites} from './cache/file.ts'
import {saveSiteSnapshot} from './cache/site-snapshot.ts'
import {buildSiteFromTags, storyTags} from './model/site.ts'
import {createVocabulary, type PackedMentions} from './model/tags/index.ts'
import type {Vocabulary} from './model/tags/mentions.ts'
import type {Article, BuildReport, Site, SiteConfig, StoryTag} from './model/types.ts'
import type {ParseOptions} from './parse/index.ts'
import {compileProfiles} from './parse/provider-rules.ts'
import {providerProfiles} from './parse/providers.ts'
import {readContentFile} from './read/file.ts'
import {fileStamp} from './read/stamp.ts'
import {listContentFiles, type Skipped} from './read/list.ts'
import {bundledTemplates, readTemplates} from './read/templates.ts'
import {count, storyCount} from './render/count.ts'
import {FEEDS_SKIPPED, hasFeeds} from './render/feeds/index.ts'
import {searchIndexFiles} from './render/search-index.ts'
import {sitePages} from './render/site.ts'
import {rebuildBodies} from './rebuild-bodies.ts'
import {startParseHelper} from './threads/parse-helper.ts'
import {ownsFile, releaseOtherStories, releaseWritten, startRenderPool} from './threads/render-pool.ts'
import {listFilesAside} from './write/listing.ts'
import {armFaults} from './write/faults.ts'
import {outputCachePaths} from './write/journal.ts'
import {recoverOutput} from './write/recover.ts'
import {openSiteWriter, readManifest, unchangedOutput, type Manifest} from './write/site-writer.ts'

export interface BuildOptions {
  content: string
  out: string
  /** Path of broadsheet.config.json; when omitted, `broadsheet.config.json` is used if present. */
  config?: string
  baseUrl?: string
  /** Links that end in `index.html`, for a site opened from disk; true wins over the config's `fileUrls`. */
  fileUrls?: boolean
  templates?: string
  strict: boolean
  drafts: boolean
  /** Called once per step with a line for a person to read. */
  onStep?: (line: string) => void
  /** Called as files are parsed and pages written, for a progress line on a terminal. */
  onProgress?: (progress: Progress) => void
  /** Keep and use `.broadsheet-cache/` beside the output folder. */
  cache: boolean
  /** Lets the caller abort the staging folder on SIGINT/SIGTERM. */
  onOutput?: (output: {abort(): void} | null) => void
  /** Threads that render pages; by default one a core for a site large enough to gain from it. */
  jobs?: number
}

/**
 * Below this many stories a second render thread costs more to start than it saves, and so does a
 * thread that writes the files (write/writer-thread.ts).
 */
const STORIES_PER_EXTRA_THREAD = 1000

/**
 * Render threads: one for each full 1,000 stories, up to one a core less the core that the writer
 * thread keeps busy, when every page is to be rendered. On two cores that is one: measured with
 * compiled templates, one render thread and a writer took 6 % longer than two render threads at
 * 10,000 stories (a median of 22.0 s against 20.7 s) in two thirds of the memory (381 to 407 MB
 * against 532 to 592), and the same time at 100,000 (135.5 s against 134.2 s) in 2.3 GB against 3.3.
 * A build with a previous manifest mostly keys pages and renders few: one thread.
 */
function defaultThreads(site: Site, previous: Manifest | null): number {
  if (previous !== null) return 1
  const cores = Math.max(1, availableParallelism() - (writesAside(site) ? 1 : 0))
  return Math.min(cores, Math.max(1, Math.floor(site.stories.length / STORIES_PER_EXTRA_THREAD)))
}

/** Whether each render thread hands its files to a writer thread. */
function writesAside(site: Site): boolean {
  return site.stories.length >= STORIES_PER_EXTRA_THREAD
}

export interface Progress {
  phase: 'parse' | 'write'
  done: number
  /** Known for parsing; pages are counted as they come. */
  total: number | null
}

export interface BuildResult {
  /** false when nothing was published (config error, or errors under --strict). */
  published: boolean
  report: BuildReport
  files: number
  /** Files of the output folder: pages, feeds, search index, assets; written or kept. */
  pages: number
  /** Input files that produced no story because of an error. files = stories + failed + duplicates + skipped. */
  failed: number
  /** Fatal problems that stopped the build (config, templates), as lines for a person. */
  fatal: string[]
  /** What the site goes out without, said once (feeds and sitemap without a base URL). */
  notices: string[]
  /** How much the cache saved: files not parsed again, pages not rendered again. */
  cache: {parsed: number; kept: number}
  /** What a build that was killed had left and this one put right first (write/recover.ts), a line each. */
  recovered?: string[]
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  armFaults()
  // Before anything trusts the output folder or the cache: what a killed build left is put right.
  const recovered = recoverOutput(options.out)
  const result = await buildChecked(options)
  return recovered.length === 0 ? result : {...result, recovered}
}

async function buildChecked(options: BuildOptions): Promise<BuildResult> {
  const config = loadConfig(options)
  if ('errors' in config) return {...nothingPublished(), fatal: config.errors}
  if (hasFeeds(config)) return {...(await buildWith(options, config)), notices: []}
  // Said once for the site, not once a feed; --strict refuses a site that would go out without them.
  if (options.strict) return refusedWithoutFeeds(options, config)
  return {...(await buildWith(options, config)), notices: [FEEDS_SKIPPED]}
}

/**
 * --strict without a base URL publishes nothing, but still reads every file (without the cache,
 * writing nothing), so that one run lists every problem, not only the first.
 */
async function refusedWithoutFeeds(options: BuildOptions, config: SiteConfig): Promise<BuildResult> {
  const refused = nothingPublished()
  const read = await readArticles(options, config, openParseCache(null, ''), refused.report, options.onStep)
  return {...refused, files: read.files, failed: read.failed, fatal: [`${FEEDS_SKIPPED}; --strict does not publish without them`]}
}

function nothingPublished(): BuildResult {
  const report: BuildReport = {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}
  return {published: false, report, files: 0, pages: 0, failed: 0, fatal: [], notices: [], cache: {parsed: 0, kept: 0}}
}

/**
 * A build whose changes to the cache are written aside as it goes and put in place together: with
 * the output at its commit, or at the end when the output is left as it is. A build that fails
 * (a full disk, a template error, a signal) leaves the cache as it was.
 */
async function buildWith(options: BuildOptions, config: SiteConfig): Promise<Omit<BuildResult, 'notices'>> {
  const writes = options.cache ? openCacheWrites() : null
  try {
    const result = await buildStaged(options, config, writes)
    // What no commit of the output put in place: nothing changed, or --strict refused the site.
    writes?.commit()
    return result
  } catch (error) {
    writes?.abort()
    throw error
  }
}

async function buildStaged(options: BuildOptions, config: SiteConfig, writes: CacheWrites | null): Promise<Omit<BuildResult, 'notices'>> {
  const step = options.onStep ?? (() => {})
  const report: BuildReport = {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}

  const cacheDir = options.cache ? path.join(path.dirname(path.resolve(options.out)), '.broadsheet-cache') : null
  const templates = readTemplates(options.templates ?? (existsSync('templates') ? 'templates' : bundledTemplates))
  const version = codeVersion()
  const parsed = openParseCache(cacheDir, hashOf([version, config.tags.aliases, config.tags.stop, config.providers]), writes ?? undefined)
  // A --no-cache build replaces the output behind the manifest's back: the manifest goes as the
  // new output takes the old one's place (write/site-writer.ts), or a later cached build would
  // trust it over files it no longer describes.
  const paths = outputCachePaths(options.out)
  const outputVersion = hashOf([version, templates])
  const previous = cacheDir === null ? null : readManifest(paths.manifest, outputVersion, options.out)
  // What the output folder holds now, listed on another thread while this one reads the content.
  const listing = previous === null ? Promise.resolve([]) : listFilesAside(path.resolve(options.out))

  let read: ReadFiles | null = await readFiles(options, config, parsed, report, step)
  const files = read.sources.length + read.skipped
  const present = await listing
  // Everything the model and the pages are made from: the same inputs make the same site.
  const inputs = siteInputs(read.inputs, config, options.drafts)
  const same = unchangedOutput(previous, inputs, present)
  if (same !== null) {
    parsed.save()
    Object.assign(report, same.record.report)
    step(`model: nothing has changed since the last build of ${options.out}`)
    const {failed} = same.record
    if (options.strict && report.errors.length > 0) return {published: false, report, files, pages: 0, failed, fatal: [], cache: {parsed: 0, kept: 0}}
    return {published: true, report, files, pages: same.pages, failed, fatal: [], cache: {parsed: read.sources.length, kept: same.pages}}
  }

  // Under --strict the errors the last build reported fail this one, which must then write nothing.
  const failsStrict = options.strict && (previous?.build?.report.errors.length ?? 0) > 0
  if (previous !== null && !failsStrict) {
    const bodies = rebuildBodies({...options, read, parsed, config, templates, inputs, outputVersion, previous, present, cache: {paths, writes}})
    if (bodies !== null) {
      parsed.save()
      Object.assign(report, bodies.report)
      const {written, kept} = bodies.stats
      step(`parse: ${count(bodies.stories, 'changed file')} parsed, ${read.sources.length - bodies.stories} from the cache`)
      step(`model: only the body of ${storyCount(bodies.stories)} changed since the last build`)
      step(`write: ${count(written, 'file')} written, ${kept} unchanged in ${options.out}`)
      return {published: true, report, files, pages: written + kept, failed: bodies.failed, fatal: [], cache: {parsed: read.sources.length - bodies.stories, kept}}
    }
  }

  const made = await siteOf(read, options, config, parsed, report, step)
  // What reading gave is let go of now that the site is made, and the articles with it (the site
  // keeps their bodies): most of the heap is garbage here, and a full collection now keeps the
  // next limit V8 sets near what is live (full-collection.ts).
  read = null
  fullCollection()
  const {failed} = made
  const recalled = parsed.hits
  if (made.site === null) return {published: false, report, files, pages: 0, failed, fatal: [], cache: {parsed: recalled, kept: 0}}
  const site = made.site
  step(`model: ${storyCount(site.stories.length)}, ${count(site.days.length, 'day')}, ${count(site.tags.length, 'tag')}`)
  for (const story of site.stories) {
    const {source, url, headline, date, publisher, kind, credits, boilerplate} = story
    report.stories.push({source, url, headline, date, publisher: publisher?.name ?? null, kind, credits, boilerplate})
  }
  // Before any thread lets go of bodies: the snapshot is written from the whole model.
  if (writes !== null) saveSiteSnapshot(paths.snapshot, inputs, site, writes)

  const writer = openSiteWriter(options.out, {paths, writes}, previous, outputVersion, {inputs, report, failed, ...(cacheDir === null ? {} : {snapshot: inputs})}, present, writesAside(site))
  const shards = options.jobs ?? defaultThreads(site, previous)
  const pool = shards > 1 ? startRenderPool(site, templates, writer.plan, shards) : null
  const abort = () => {
    pool?.stop()
    writer.abort()
  }
  options.onOutput?.({abort})
  let restoreHeapGrowth = () => {}
  try {
    // The search index is one computation over every story: this thread makes all of its files,
    // first, so that it can then let go of what only other threads' story pages show. Made on a
    // thread of its own while this one rendered, fed each story's words before its page, it saved
    // no time at 10,000 stories (10.92 s against 10.73 s, into a tmpfs) for 40 MB more: that thread
    // took 2.0 s for what takes 1.3 s here, and the pages here took 0.7 s longer. Sent every story's
    // words at once, it saved 0.5 s for 90 MB more.
    for (const file of searchIndexFiles(site)) writer.put(file)
    // Lowered first: the collection sets the limit the heap may grow to next.
    restoreHeapGrowth = lowerHeapGrowth()
    fullCollection()
    releaseOtherStories(site, 0, shards)
    const written = releaseWritten(site, 0)
    let pages = 0
    for (const file of sitePages(site, templates)) {
      if (ownsFile(file, pages++, 0, shards)) {
        writer.put(file)
        written(file)
      }
      options.onProgress?.({phase: 'write', done: pages, total: null})
      // Rendering is synchronous: without a turn of the event loop now and then, a SIGINT or SIGTERM
      // is handled only after commit, and "stops" a build that has already replaced the site.
      if (pages % 32 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    if (pool) for (const result of await pool.results) writer.merge(result)
    writer.commit()
  } catch (error) {
    writer.noteFailure(error)
    abort()
    throw error
  } finally {
    restoreHeapGrowth()
    options.onOutput?.(null)
  }
  const {written, kept, removed} = writer.stats
  step(`write: ${count(written, 'file')} written, ${kept} unchanged, ${removed} removed in ${options.out}`)
  return {published: true, report, files, pages: written + kept, failed, fatal: [], cache: {parsed: recalled, kept}}
}

/**
 * The site model of what `readFiles` read, or null when --strict fails on the errors now in
 * `report`. A function of its own so that the articles and their tag candidates (at 10,000 stories
 * about 40 MB, with the bodies held by the site) go once it returns: a value that was ever in a
 * register of `build`'s frame can stay there, out of reach, until the build ends.
 */
async function siteOf(
  read: ReadFiles,
  options: Pick<BuildOptions, 'drafts' | 'strict' | 'content'>,
  config: SiteConfig,
  parsed: ParseCache,
  report: BuildReport,
  step: (line: string) => void
): Promise<{site: Site | null; failed: number}> {
  const input = await articlesOf(read, options, config, parsed, report, step)
  parsed.save()
  if (options.strict && report.errors.length > 0) return {site: null, failed: input.failed}
  const tags = tagsLettingGoOfMentions(input, read, config)
  return {site: buildSiteFromTags(input.articles, tags, config, options.content), failed: input.failed}
}

/**
 * Each article's tags. The tag candidates they are chosen from are needed for nothing else (17 MB
 * at 10,000 stories, packed; 51 MB as objects, when they made the peak of a cold build's memory):
 * they are let go of here, in `input` and in what each file's reading gave. A function of its own,
 * like siteOf, so that no register of the caller's frame keeps them.
 */
function tagsLettingGoOfMentions(input: ReadArticles, read: ReadFiles, config: SiteConfig): StoryTag[][] {
  const tags = storyTags(input.articles, input.mentions, config)
  input.mentions = []
  read.outcomes = []
  return tags
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

/**
 * Read → parse for a whole content folder: every file found ends in `report` as an error, a
 * duplicate or a skip, or among the returned articles. Shared by `build` and the `tags` command so
 * both count the same stories.
 */
export async function readArticles(
  options: Pick<BuildOptions, 'content' | 'drafts' | 'onProgress'>,
  config: SiteConfig,
  parsed: ParseCache,
  report: BuildReport,
  step: (line: string) => void = () => {}
): Promise<ReadArticles> {
  return articlesOf(await readFiles(options, config, parsed, report, step), options, config, parsed, report, step)
}

/**
 * Lists and reads a content folder, as little as it can: a file whose stamp is unchanged is not
 * read, and a file read again whose bytes are unchanged (touched) is not parsed; the cache holds
 * what parsing them gave. Enough to tell whether anything changed at all.
 */
export async function readFiles(
  options: Pick<BuildOptions, 'content' | 'onProgress' | 'jobs'>,
  config: SiteConfig,
  parsed: ParseCache,
  report: BuildReport,
  step: (line: string) => void
): Promise<ReadFiles> {
  const listing = await listContentFiles(options.content)
  report.skipped.push(...listing.skipped.map((s) => ({...s, source: path.join(options.content, s.source)})))
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
    await inBatches(all, async (i) => {
      const stamped = await fileStamp(sources[i]!)
      const hash = stamped && stamped.size <= config.maxFileBytes ? parsed.hashFor(sources[i]!, stamped.stamp) : undefined
      if (stamped && hash !== undefined) settle(i, {hash, stamp: stamped.stamp})
    })
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
  options: Pick<BuildOptions, 'drafts'>,
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
    const diagnostics = [...entry.decoded, ...(result.ok ? result.article.diagnostics : result.diagnostics)]
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
 * of Broadsheet, or a damaged shard): read and parsed now. null if its bytes are no longer the ones
 * the build saw.
 */
async function parseAgain(source: string, hash: string, config: SiteConfig, vocabulary: Vocabulary): Promise<ParsedEntry | null> {
  const read = await readContentFile(source, source, config.maxFileBytes)
  if ('error' in read || read.hash !== hash) return null
  return parseEntry(read.text, read.diagnostics, source, vocabulary, parseOptionsFor(config))
}

const compiledProviders = new WeakMap<SiteConfig, ParseOptions>()

/** The site's provider profiles, compiled once for all of its files. */
export function parseOptionsFor(config: SiteConfig): ParseOptions {
  let options = compiledProviders.get(config)
  if (options === undefined) compiledProviders.set(config, (options = {providers: compileProfiles(providerProfiles(config.providers))}))
  return options
}

/**
 * Below this many files to parse, a helper thread costs about as much as it saves: it takes a few
 * hundred milliseconds to start, and two threads parsing on two cores each take about 1.3 times as
 * long a file as one thread alone (they share the memory bus, the collector's threads and libuv's).
 * Cold builds into a tmpfs, three each, with the helper against without: 1,000 stories 2.01–2.06 s
 * against 1.89–1.99; 3,000 stories 3.90–3.99 s both; 5,000 stories 5.29–5.90 s against 5.42–6.06;
 * 10,000 stories 10.6–11.1 s against 11.1–11.6; 100,000 stories 105 s against 114.5 s, one each.
 * It costs 10 to 15 MB more at the peak, and up to 70 MB at 100,000 stories.
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

/** broadsheet.config.json (or `options.config`), validated, with `--base-url` and `--file-urls` applied. */
export function loadConfig(options: Pick<BuildOptions, 'config' | 'baseUrl' | 'fileUrls'>): SiteConfig | {errors: string[]} {
  const file = options.config ?? (existsSync('broadsheet.config.json') ? 'broadsheet.config.json' : undefined)
  let raw: unknown
  if (file !== undefined) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      return {errors: [`${file}: ${(error as Error).message}`]}
    }
  }
  const resolved = resolveConfig(raw)
  if (!resolved.ok) return {errors: resolved.errors.map((e) => `${file}: ${e}`)}
  const config = options.fileUrls === true ? {...resolved.config, fileUrls: true} : resolved.config
  if (options.baseUrl === undefined) return config
  const withBase = withBaseUrl(config, options.baseUrl)
  return withBase.ok ? withBase.config : {errors: withBase.errors}
}
