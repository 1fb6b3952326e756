// What every path of a build shares, made once: the options, the config and templates, where the
// cache and the output's record are kept, the cache's handles, the report being filled in and the
// caller's callbacks.
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {CacheWrites} from '../cache/file.ts'
import {openParseCache, type ParseCache} from '../cache/parsed.ts'
import {codeVersion, hashOf} from '../cache/version.ts'
import type {BuildReport, SiteConfig, Templates} from '../model/types.ts'
import {bundledTemplates, readTemplates} from '../read/templates.ts'
import {outputCachePaths, readManifest, type Manifest, type OutputCache, type OutputCacheWrites} from '../cache/manifest.ts'
import type {ConfigOptions} from '../read/config.ts'

export interface BuildOptions extends ConfigOptions {
  content: string
  out: string
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

/** What a path of the build gives; the notices are the build's own. */
export type BuildOutcome = Omit<BuildResult, 'notices'>

export interface BuildContext {
  options: BuildOptions
  config: SiteConfig
  templates: Templates
  /** Filled in as the build goes: stories, errors, warnings, duplicates, skipped. */
  report: BuildReport
  step: (line: string) => void
  /** `.broadsheet-cache/` beside the output folder, or null for a build that keeps no cache. */
  cacheDir: string | null
  /** Where the output's manifest, site snapshot and journal are kept, with the build's staged cache writes. */
  output: OutputCacheWrites
  /** What parsing each file gave, from earlier builds and for later ones. */
  parsed: ParseCache
  /**
   * Broadsheet's version: a manifest of another version is not trusted. The templates are not in
   * it: each page's key holds the templates (render/site.ts), so a template change keeps the last
   * manifest, and with it every file the templates do not make (the search index).
   */
  outputVersion: string
  /** The last build's manifest of this output folder, or null to build every page. */
  previous: Manifest | null
}

/**
 * The context of a build of `options` with `config`; `writes` stages the cache's changes (null for
 * --no-cache).
 */
export function buildContext(options: BuildOptions, config: SiteConfig, writes: CacheWrites | null): BuildContext {
  const cacheDir = options.cache ? path.join(path.dirname(path.resolve(options.out)), '.broadsheet-cache') : null
  const templates = readTemplates(options.templates ?? (existsSync('templates') ? 'templates' : bundledTemplates))
  const version = codeVersion()
  const parsed = openParseCache(cacheDir, hashOf([version, config.tags.aliases, config.tags.stop, config.providers]), writes ?? undefined)
  // A --no-cache build replaces the output behind the manifest's back: the manifest goes as the
  // new output takes the old one's place (write/site-writer.ts), or a later cached build would
  // trust it over files it no longer describes.
  const paths: OutputCache = outputCachePaths(options.out)
  const outputVersion = version
  const previous = cacheDir === null ? null : readManifest(paths.manifest, outputVersion, options.out)
  const step = options.onStep ?? (() => {})
  const report: BuildReport = emptyReport()
  return {options, config, templates, report, step, cacheDir, output: {paths, writes}, parsed, outputVersion, previous}
}

export function emptyReport(): BuildReport {
  return {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}
}
