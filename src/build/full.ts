// The full path of a build: the site model made from every article (or, when the last build's was
// made from the same inputs and only the templates changed, that model, build/last-site.ts), and
// every page rendered (the ones whose key is unchanged since the last build are kept, not written again).
import {availableParallelism} from 'node:os'
import {saveSiteSnapshot} from '../cache/site-snapshot.ts'
import {buildSiteFromTags, storyTags, type SiteWithBodies} from '../model/site.ts'
import type {SiteBodies} from '../model/bodies.ts'
import type {Site, StoryTag} from '../model/types.ts'
import {isSearchIndexFile, searchIndexFiles} from '../search/index.ts'
import {searchDelta, searchDigest} from '../search/delta.ts'
import {fixedFile} from '../render/fixed-file.ts'
import {sitePages} from '../render/site.ts'
import {count, storyCount} from '../text/count.ts'
import {mainThreadBodies, ownsFile, startRenderPool} from '../threads/render-pool.ts'
import {allPresent, type Manifest} from '../cache/manifest.ts'
import {siteInputs, type BuildInputs} from '../cache/inputs.ts'
import {openSiteWriter, type SiteWriter} from '../write/site-writer.ts'
import {readOutputFile} from '../write/output.ts'
import path from 'node:path'
import {lastModel, openLastSite, type OpenLastSite} from './last-site.ts'
import type {BuildContext, BuildOutcome} from './context.ts'
import {fullCollection, lowerHeapGrowth} from './memory.ts'
import {articlesOf, type ReadArticles, type ReadFiles} from './read-stage.ts'
import {writeSite} from './write-site.ts'

/**
 * Below this many stories a second render thread costs more to start than it saves, and so does a
 * thread that writes the files (write/writer-thread.ts).
 */
const STORIES_PER_EXTRA_THREAD = 1000

/**
 * Render threads: one for each full 1,000 stories, up to one a core less the core that the writer
 * thread keeps busy, when every page is to be rendered (no previous manifest, or new templates).
 * On two cores that is one render thread and a writer: 6 % slower than two render threads at
 * 10,000 stories, in two thirds of the memory. Else a build mostly keys pages and renders few: one thread.
 */
function defaultThreads(site: Site, rendersAll: boolean): number {
  if (!rendersAll) return 1
  const cores = Math.max(1, availableParallelism() - (writesAside(site) ? 1 : 0))
  return Math.min(cores, Math.max(1, Math.floor(site.stories.length / STORIES_PER_EXTRA_THREAD)))
}

/** Whether each render thread hands its files to a writer thread. */
function writesAside(site: Site): boolean {
  return site.stories.length >= STORIES_PER_EXTRA_THREAD
}

/**
 * The site made from what `read` read, and all of it written. `inputs` names what it is made from
 * (cache/inputs.ts); `present` is what the output folder holds now.
 */
export async function fullBuild(context: BuildContext, read: ReadFiles, inputs: BuildInputs, present: string[], files: number): Promise<BuildOutcome> {
  // Before the read stage's outcomes are let go of: each file's hash, which tells what changed
  // since the last build and which the snapshot keeps for the next build to tell the same.
  const fileHashes = new Map<string, string>()
  read.sources.forEach((source, i) => {
    const outcome = read.outcomes[i]!
    if (!('error' in outcome)) fileHashes.set(source, outcome.hash)
  })
  // A model made from the same inputs as the last build's is the last build's (siteOf), and so is
  // its search index: there is nothing to bring up to date.
  const last = context.previous?.build?.model === inputs.model ? null : openLastSite(context, fileHashes, present)
  try {
    return await fullBuildFrom(context, read, inputs, present, files, last, fileHashes)
  } finally {
    last?.close()
  }
}

async function fullBuildFrom(context: BuildContext, read: ReadFiles, inputs: BuildInputs, present: string[], files: number, last: OpenLastSite | null, fileHashes: ReadonlyMap<string, string>): Promise<BuildOutcome> {
  const {options, report, step, output, previous} = context
  const made = await siteOf(context, read, inputs.model, fileHashes)
  // Most of the heap is garbage now that the site is made: collected now, the next limit V8 sets
  // stays near what is live.
  fullCollection()
  const {failed, recalled} = made
  if (made.site === null) return {published: false, report, files, pages: 0, failed, fatal: [], cache: {parsed: recalled, kept: 0}}
  const {site, bodies} = made.site
  // The last build's model (build/last-site.ts): its snapshot stays as it is, and so does its search index.
  const lastSnapshot = made.last ? previous!.build!.snapshot! : null
  step(`model: ${storyCount(site.stories.length)}, ${count(site.days.length, 'day')}, ${count(site.tags.length, 'tag')}${lastSnapshot === null ? '' : ', as the last build made it'}`)
  for (const story of site.stories) {
    const {source, url, headline, date, publisher, kind, credits, boilerplate} = story
    report.stories.push({source, url, headline, date, publisher: publisher?.name ?? null, kind, credits, boilerplate})
  }
  // What the next build's search delta compares (search/delta.ts); a build that keeps no cache has no next.
  const snapshots = output.writes !== null && lastSnapshot === null
  const digests = snapshots || last !== null ? site.stories.map(searchDigest) : []
  // Before any body is let go of: the snapshot keeps every story's footer and teasers.
  if (snapshots) saveSiteSnapshot(output.paths.snapshot, inputs.site, site, bodies, digests, site.stories.map((story) => fileHashes.get(story.source) ?? ''), output.writes!)

  const record = {inputs: inputs.site, model: inputs.model, report, failed, ...(context.cacheDir === null ? {} : {snapshot: lastSnapshot ?? inputs.site})}
  // New templates: every page is rendered again, and a page they did not change is left as it is.
  const newTemplates = previous?.build?.model !== undefined && siteInputs(previous.build.model, context.templates) !== previous.build.inputs
  const writer = openSiteWriter(options.out, output, previous, context.outputVersion, record, present, writesAside(site), newTemplates)
  const threads = options.jobs ?? defaultThreads(site, previous === null || lastSnapshot !== null)
  const pool = threads > 1 ? startRenderPool(site, bodies, context.templates, writer.plan, threads) : null
  const {written, kept, removed} = await writeSite(
    context,
    writer,
    async () => {
      // The search index is one computation over every story: this thread makes all of its files
      // first, so that it can then let go of what only other threads' story pages show.
      const keptIndex = lastSnapshot !== null && allPresent(previous!, present)
      if (keptIndex) keepSearchIndex(previous!, writer)
      else putSearchIndex(site, bodies, digests, last, context, writer)
      const own = mainThreadBodies(site, bodies, threads)
      // Lowered first: the collection sets the limit the heap may grow to next.
      const restoreHeapGrowth = lowerHeapGrowth()
      try {
        // Unless nothing has become garbage since the collection after the model: no postings were
        // made, and no other thread took bodies (a template change on one render thread, where
        // this one found 6 MB of 122 and took 0.12 s at 10,000 stories).
        if (!keptIndex || threads > 1) fullCollection()
        let pages = 0
        for (const file of sitePages(site, own, context.templates)) {
          if (ownsFile(file, pages++, 0, threads)) {
            writer.put(file)
            own.written(file)
          }
          options.onProgress?.({phase: 'write', done: pages, total: null})
          // Rendering is synchronous: without a turn of the event loop now and then, a SIGINT or SIGTERM
          // is handled only after commit, and "stops" a build that has already replaced the site.
          if (pages % 32 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
        if (pool) for (const result of await pool.results) writer.merge(result)
      } finally {
        restoreHeapGrowth()
      }
    },
    () => pool?.stop()
  )
  step(`write: ${count(written, 'file')} written, ${kept} unchanged, ${removed} removed in ${options.out}`)
  return {published: true, report, files, pages: written + kept, failed, fatal: [], cache: {parsed: recalled, kept}}
}

/** The last build's search index, made from the same model: its files stay as they are. */
function keepSearchIndex(previous: Manifest, writer: SiteWriter): void {
  writer.keep(previous.files, isSearchIndexFile)
}

/**
 * The search index's files: the last build's brought up to date when the stories that came, went or
 * changed leave every other story's number in it (search/delta.ts), else made anew.
 */
function putSearchIndex(site: Site, bodies: SiteBodies, digests: readonly string[], last: OpenLastSite | null, context: BuildContext, writer: SiteWriter): void {
  const target = path.resolve(context.options.out)
  const delta = last === null ? null : searchDelta(site.stories, bodies, digests, last.last, (file) => readOutputFile(target, file))
  if (delta === null) {
    for (const file of searchIndexFiles(site, bodies)) writer.put(file)
    return
  }
  for (const file of delta.write) writer.put(fixedFile(file.path, file.content))
  // The rest of the last index stays as it is: its manifest lines carry over; the files removed are
  // left out, and go at commit.
  const made = new Set([...delta.write.map((file) => file.path), ...delta.remove])
  writer.keep(context.previous!.files, (file) => isSearchIndexFile(file) && !made.has(file))
}

/**
 * The site model of what `readFiles` read, or null when --strict fails on the errors now in the
 * report. A function of its own so that the articles and their tag candidates (about 40 MB at
 * 10,000 stories) go once it returns: a value that was ever in a register of a caller's frame can
 * stay there, out of reach, until the build ends.
 */
async function siteOf(context: BuildContext, read: ReadFiles, model: string, fileHashes: ReadonlyMap<string, string>): Promise<{site: SiteWithBodies | null; failed: number; last: boolean; recalled: number}> {
  const {options, config, parsed, report, step} = context
  const last = lastModel(context, model, fileHashes)
  if (last !== null) {
    // The same inputs as the last build's: its report, but for the stories, which the caller lists.
    const record = context.previous!.build!
    const {errors, warnings, duplicates, skipped} = record.report
    Object.assign(report, {errors: [...errors], warnings: [...warnings], duplicates: [...duplicates], skipped: [...skipped]})
    // What the read stage would have taken from the cache: each file read that is not a copy of another.
    const recalled = read.outcomes.filter((outcome) => !('error' in outcome)).length - duplicates.length
    step(`parse: ${count(last.site.stories.length, 'article')} (${recalled} from the cache), ${count(errors.length, 'error')}, ${count(warnings.length, 'warning')}`)
    parsed.save()
    read.outcomes = []
    if (options.strict && report.errors.length > 0) return {site: null, failed: record.failed, last: false, recalled}
    return {site: last, failed: record.failed, last: true, recalled}
  }
  const input = await articlesOf(read, options, config, parsed, report, step)
  parsed.save()
  if (options.strict && report.errors.length > 0) return {site: null, failed: input.failed, last: false, recalled: parsed.hits}
  const tags = tagsLettingGoOfMentions(input, read, context)
  return {site: buildSiteFromTags(input.articles, tags, config, options.content), failed: input.failed, last: false, recalled: parsed.hits}
}

/**
 * Each article's tags. The tag candidates they are chosen from are needed for nothing else (17 MB
 * at 10,000 stories, packed): they are let go of here, in `input` and in what each file's reading
 * gave. A function of its own, like siteOf, so that no register of the caller's frame keeps them.
 */
function tagsLettingGoOfMentions(input: ReadArticles, read: ReadFiles, context: BuildContext): StoryTag[][] {
  const tags = storyTags(input.articles, input.mentions, context.config)
  input.mentions = []
  read.outcomes = []
  return tags
}
