// One build: read → parse → model → render → write. The only module that strings the stages
// together; the CLI calls it and prints what it reports. A build takes one of three paths:
// unchanged (the output was made from the same inputs: nothing to do), bodies (only stories'
// bodies changed: build/bodies.ts) or full (build/full.ts).
import {openCacheWrites, type CacheWrites} from '../cache/file.ts'
import {modelInputs, siteInputs} from '../cache/inputs.ts'
import {outputCachePaths, unchangedOutput} from '../cache/manifest.ts'
import type {BuildReport, SiteConfig} from '../model/types.ts'
import {loadConfig} from '../read/config.ts'
import {FEEDS_SKIPPED, hasFeeds} from '../render/feeds/index.ts'
import {count, storyCount} from '../text/count.ts'
import {listFilesAside} from '../write/listing.ts'
import {armFaults} from '../disk/faults.ts'
import {recoverOutput} from '../write/recover.ts'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {rebuildBodies} from './bodies.ts'
import {buildContext, emptyReport, type BuildOptions, type BuildOutcome, type BuildResult} from './context.ts'
import {fullBuild} from './full.ts'
import {readArticles, readFiles, uncached} from './read-stage.ts'

export type {BuildOptions, BuildOutcome, BuildResult, Progress} from './context.ts'

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
  const read = await readArticles(options, config, uncached(), refused.report, options.onStep)
  return {...refused, files: read.files, failed: read.failed, fatal: [`${FEEDS_SKIPPED}; --strict does not publish without them`]}
}

function nothingPublished(): BuildResult {
  return {published: false, report: emptyReport(), files: 0, pages: 0, failed: 0, fatal: [], notices: [], cache: {parsed: 0, kept: 0}}
}

/**
 * A build whose changes to the cache are written aside as it goes and put in place together: with
 * the output at its commit, or at the end when the output is left as it is. A build that fails
 * (a full disk, a template error, a signal) leaves the cache as it was.
 */
async function buildWith(options: BuildOptions, config: SiteConfig): Promise<BuildOutcome> {
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

async function buildStaged(options: BuildOptions, config: SiteConfig, writes: CacheWrites | null): Promise<BuildOutcome> {
  // What the output folder holds now, listed on another thread while this one reads the manifest
  // and the content; only a folder the cache has a manifest of is listed. Started before the
  // manifest is read: after an edit to one body at 10,000 stories, this thread waited 0.35 s for
  // the listing when it was started after.
  const target = path.resolve(options.out)
  const listing = options.cache && existsSync(outputCachePaths(target).manifest) ? listFilesAside(target) : null
  const context = buildContext(options, config, writes)
  const {report, step, parsed, previous} = context
  const read = await readFiles(options, config, parsed, report, step)
  const files = read.sources.length + read.skipped
  const present = previous === null ? [] : await (listing ?? listFilesAside(target))
  // Everything the model and the pages are made from: the same inputs make the same site.
  const model = modelInputs(read.inputs, config, options.drafts)
  const inputs = {model, site: siteInputs(model, context.templates)}

  const same = unchangedOutput(previous, inputs.site, present)
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
    const bodies = await rebuildBodies(context, previous, read, inputs, present)
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

  return fullBuild(context, read, inputs, present, files)
}
