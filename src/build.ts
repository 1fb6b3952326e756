// One build: read → parse → model → render → write. The only module that strings the steps
// together; the CLI calls it and prints what it reports.
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {resolveConfig, withBaseUrl} from './model/config.ts'
import {buildSite} from './model/site.ts'
import type {Article, BuildReport, SiteConfig} from './model/types.ts'
import {parse} from './parse/index.ts'
import {readContentFile} from './read/file.ts'
import {listContentFiles} from './read/list.ts'
import {bundledTemplates, readTemplates} from './read/templates.ts'
import {renderSite} from './render/site.ts'
import {openOutput, type Output} from './write/output.ts'

export interface BuildOptions {
  content: string
  out: string
  /** Path of broadsheet.config.json; when omitted, `broadsheet.config.json` is used if present. */
  config?: string
  baseUrl?: string
  templates?: string
  strict: boolean
  drafts: boolean
  /** Called once per step with a line for a person to read. */
  onStep?: (line: string) => void
  /** Lets the caller abort the staging folder on SIGINT/SIGTERM. */
  onOutput?: (output: Output | null) => void
}

export interface BuildResult {
  /** false when nothing was published (config error, or errors under --strict). */
  published: boolean
  report: BuildReport
  files: number
  pages: number
  /** Input files that produced no story because of an error. files = stories + failed + duplicates + skipped. */
  failed: number
  /** Fatal problems that stopped the build (config, templates), as lines for a person. */
  fatal: string[]
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const step = options.onStep ?? (() => {})
  const report: BuildReport = {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}
  const config = loadConfig(options)
  if ('errors' in config) return {published: false, report, files: 0, pages: 0, failed: 0, fatal: config.errors}

  const listing = await listContentFiles(options.content)
  report.skipped.push(...listing.skipped.map((s) => ({...s, source: path.join(options.content, s.source)})))
  step(`read: ${listing.files.length} files in ${options.content}`)

  const articles: Article[] = []
  let failed = 0
  const firstByHash = new Map<string, string>()
  for (const file of listing.files) {
    const source = path.join(options.content, file)
    const read = await readContentFile(path.join(options.content, file), source, config.maxFileBytes)
    if ('error' in read) {
      report.errors.push({source, line: read.error.line, message: read.error.message})
      failed++
      continue
    }
    const original = firstByHash.get(read.hash)
    if (original !== undefined) {
      report.duplicates.push({source, sameAs: original})
      continue
    }
    firstByHash.set(read.hash, source)
    const result = parse(read.text, source)
    const diagnostics = [...read.diagnostics, ...(result.ok ? result.article.diagnostics : result.diagnostics)]
    for (const d of diagnostics) {
      const entry = {source, line: d.line, message: d.message}
      if (d.severity === 'error') report.errors.push(entry)
      else report.warnings.push(entry)
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
  }
  step(`parse: ${articles.length} articles, ${report.errors.length} errors, ${report.warnings.length} warnings`)

  const site = buildSite(articles, config)
  step(`model: ${site.stories.length} stories, ${site.days.length} days, ${site.tags.length} tags`)
  for (const story of site.stories) report.stories.push({source: story.source, url: story.url, headline: story.headline})

  if (options.strict && report.errors.length > 0) {
    return {published: false, report, files: listing.files.length + listing.skipped.length, pages: 0, failed, fatal: []}
  }

  const templates = readTemplates(options.templates ?? (existsSync('templates') ? 'templates' : bundledTemplates))
  const output = openOutput(options.out)
  options.onOutput?.(output)
  try {
    for (const file of renderSite(site, templates)) output.write(file)
    output.commit()
  } catch (error) {
    output.abort()
    throw error
  } finally {
    options.onOutput?.(null)
  }
  step(`write: ${output.count} files to ${options.out}`)
  return {published: true, report, files: listing.files.length + listing.skipped.length, pages: output.count, failed, fatal: []}
}

function loadConfig(options: BuildOptions): SiteConfig | {errors: string[]} {
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
  if (options.baseUrl === undefined) return resolved.config
  const withBase = withBaseUrl(resolved.config, options.baseUrl)
  return withBase.ok ? withBase.config : {errors: withBase.errors}
}
