// The command line: argument parsing, exit codes and everything that prints, to the streams of an
// `io` so that tests run a command in-process. Each command is a function from parsed arguments to
// an exit code; src/cli.ts runs `main` on the process's own streams.
import process from 'node:process'
import {existsSync, writeFileSync} from 'node:fs'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {count, storyCount} from '../text/count.ts'
import {build, type BuildOptions, type Progress} from '../build/index.ts'
import {readArticles, readOneFile, uncached} from '../build/read-stage.ts'
import {loadConfig} from '../read/config.ts'
import {buildSiteFromMentions} from '../model/site.ts'
import path from 'node:path'
import type {Article, BuildReport, Diagnostic, ParseResult, SiteConfig} from '../model/types.ts'
import {listContentFiles, SKIP_SPECIAL, SKIP_SYMLINK} from '../read/list.ts'
import {startDev} from '../serve/dev.ts'
import {listen, mountAt} from '../serve/server.ts'
import {staticSite} from '../serve/static.ts'
import {describeState, errorMessage, stateAfter} from '../write/failure.ts'
import {cleanHeadline, writeNewArticle} from './new-article.ts'
import {recoverOutput} from '../write/recover.ts'

/** Where a command prints and how it learns that it is asked to stop. */
export interface CliIo {
  stdout: {write(text: string): unknown}
  stderr: {write(text: string): unknown; isTTY?: boolean}
  /** Calls `handler` on Ctrl-C or SIGTERM until the returned function is called. */
  onStop(handler: (signal: NodeJS.Signals) => void): () => void
  /** Ends the process at once: a build stopped by a signal, once its staging folder is gone. */
  exit(code: number): never
}

/** The process's own streams and signals. */
export function processIo(): CliIo {
  // `tags | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    onStop(handler) {
      process.on('SIGINT', handler)
      process.on('SIGTERM', handler)
      return () => {
        process.off('SIGINT', handler)
        process.off('SIGTERM', handler)
      }
    },
    exit: (code) => process.exit(code)
  }
}

/** An option as parseArgs takes it, with what `--help` says of it. */
interface Option {
  type: 'string' | 'boolean'
  default?: string | boolean
  /** What a string option's value is, in the help: DIR, FILE, URL, N. */
  value?: string
  help: string
}

type Command = {
  summary: string
  /** What follows the command's name besides options, in its usage line. */
  args?: string
  options: Record<string, Option>
  run: (values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo) => Promise<number>
}

const contentOption: Option = {type: 'string', default: 'content', value: 'DIR', help: 'the folder of article files'}
const configOption: Option = {type: 'string', value: 'FILE', help: 'the config file (default: broadsheet.config.json, if there is one)'}
const draftsOption: Option = {type: 'boolean', default: false, help: 'include stories whose front matter says draft: true'}

/** The options of `build` that `dev` takes too. */
const siteOptions: Record<string, Option> = {
  content: contentOption,
  out: {type: 'string', default: 'dist', value: 'DIR', help: 'the output folder'},
  'base-url': {type: 'string', value: 'URL', help: 'the absolute URL the site is served from, for canonical links, feeds and the sitemap'},
  config: configOption,
  templates: {type: 'string', value: 'DIR', help: "the templates folder (default: templates/, if there is one, else Broadsheet's own)"},
  strict: {type: 'boolean', default: false, help: 'publish nothing if any file has an error'},
  drafts: draftsOption,
  'no-cache': {type: 'boolean', default: false, help: 'build everything anew, without reading or writing .broadsheet-cache/'},
  jobs: {type: 'string', value: 'N', help: "threads that render pages (default: chosen from the machine's cores and the site's size)"},
  debug: {type: 'boolean', default: false, help: 'say on stderr what the build does behind the scenes, as DEBUG=broadsheet:* does (pages the compiled templates left to LiquidJS)'}
}

const commands: Record<string, Command> = {}

commands['build'] = {
  summary: 'build the site from a content folder into an output folder',
  options: {
    ...siteOptions,
    report: {type: 'string', value: 'FILE', help: 'also write the report (stories, errors, warnings, duplicates, skipped) as JSON'},
    'file-urls': {type: 'boolean', default: false, help: 'links end in index.html, so the output folder works opened from disk (config: fileUrls)'},
    quiet: {type: 'boolean', default: false, help: 'print problems and the summary line only'}
  },
  async run(values, _positionals, io) {
    const started = performance.now()
    const quiet = values['quiet'] === true
    if (!recovered(String(values['out']), 'build', io)) return 1
    let staging: {abort(): void} | null = null
    const stopListening = io.onStop((signal) => {
      staging?.abort()
      io.stderr.write(`broadsheet build: stopped by ${signal}; the output folder is unchanged\n`)
      io.exit(signal === 'SIGINT' ? 130 : 143)
    })
    const progress = quiet ? null : progressLine(started, io)
    let result
    try {
      result = await build({
        ...buildOptionsFrom(values),
        onStep: (line) => {
          progress?.clear()
          if (!quiet) io.stderr.write(`${line}\n`)
        },
        ...(progress ? {onProgress: progress.show} : {}),
        onOutput: (output) => (staging = output)
      })
    } catch (error) {
      // A missing content or templates folder, a full disk: the output folder is as it was.
      progress?.clear()
      // The write step knows what state it left the output folder in (write/failure.ts).
      io.stderr.write(`broadsheet build: ${errorMessage(error)}; ${describeState(String(values['out']), stateAfter(error))}\n`)
      return 1
    } finally {
      stopListening()
    }
    progress?.clear()
    for (const line of result.fatal) io.stderr.write(`broadsheet build: ${line}\n`)
    for (const line of result.notices) io.stderr.write(`broadsheet build: warning: ${line}\n`)
    for (const e of result.report.errors) io.stderr.write(`${e.source}:${e.line}: error: ${e.message}\n`)
    for (const w of result.report.warnings) io.stderr.write(`${w.source}:${w.line}: warning: ${w.message}\n`)
    // One line for a shape the README documents, not a warning a file.
    const undated = result.report.stories.filter((story) => story.date === null).length
    if (undated > 0) io.stderr.write(`${undated.toLocaleString('en-GB')} undated ${undated === 1 ? 'story' : 'stories'}: no date in the text or path\n`)
    if (typeof values['report'] === 'string') {
      writeFileSync(values['report'], `${JSON.stringify(result.report, null, 2)}\n`)
    }
    const {report} = result
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    io.stdout.write(
      `${count(result.files, 'file')} → ${storyCount(report.stories.length)}, ${count(result.pages, 'output file')}; ` +
        `${count(result.failed, 'error')}, ${count(report.warnings.length, 'warning')}, ${count(report.duplicates.length, 'duplicate')}, ` +
        `${report.skipped.length} skipped in ${seconds} s\n`
    )
    if (!result.published) {
      io.stderr.write(`broadsheet build: nothing published; ${values['out']} is unchanged\n`)
      return 1
    }
    return 0
  }
}

type Values = Record<string, string | boolean | undefined>

/** The config given, or broadsheet.config.json if there is one; null after printing why it is refused. */
function configOf(values: Values, command: string, io: CliIo): SiteConfig | null {
  const config = loadConfig(typeof values['config'] === 'string' ? {config: values['config']} : {})
  if (!('errors' in config)) return config
  for (const line of config.errors) io.stderr.write(`broadsheet ${command}: ${line}\n`)
  return null
}

/** A failed file keeps the article's shape, so a consumer of the JSON can read every entry alike. */
function parsedJson(result: ParseResult): object {
  if (result.ok) return result.article
  return {
    // A file that is not an article (HTML, JSON, binary) is skipped, with its reason: not an error.
    source: result.source, error: result.skipped === undefined, ...(result.skipped === undefined ? {} : {skipped: result.skipped}), format: null, headline: null, date: null, slug: null, byline: null,
    authors: [], publisher: null, kind: null, commentCount: null, readingMinutes: null, dateline: null, paragraphs: [],
    footer: [], credits: [], boilerplate: [], recommended: [], tags: [], draft: false, summary: null, diagnostics: result.diagnostics
  }
}

commands['parse'] = {
  summary: 'print the parsed articles of FILE... as JSON',
  args: 'FILE...',
  options: {config: configOption},
  async run(values, files, io) {
    if (files.length === 0) {
      io.stderr.write('broadsheet parse: give one or more files to parse\n')
      return 2
    }
    const config = configOf(values, 'parse', io)
    if (config === null) return 1
    const results: ParseResult[] = []
    for (const file of files) results.push(await readOneFile(path.resolve(file), file, file, config))
    io.stdout.write(`${JSON.stringify(results.map(parsedJson), null, 2)}\n`)
    return results.every((r) => r.ok || r.skipped !== undefined) ? 0 : 1
  }
}

commands['check'] = {
  summary: 'parse every file of a content folder and report problems',
  options: {
    content: contentOption,
    config: configOption,
    explain: {type: 'boolean', default: false, help: 'also print, per file, its publisher and kind, and each line taken out of the body with the rule that took it'}
  },
  async run(values, _positionals, io) {
    const dir = String(values['content'])
    const config = configOf(values, 'check', io)
    if (config === null) return 1
    let listing
    try {
      listing = await listContentFiles(dir)
    } catch (error) {
      io.stderr.write(`broadsheet check: cannot read ${dir}: ${(error as Error).message}\n`)
      return 2
    }
    let articles = 0
    let errors = 0
    let warnings = 0
    const print = (file: string, d: Diagnostic): void => {
      if (d.severity === 'error') errors++
      else warnings++
      io.stdout.write(`${file}:${d.line}: ${d.severity}: ${d.message}\n`)
    }
    // Hidden files and editor backups are skipped quietly; a symlink or a device is worth a word.
    for (const skip of listing.skipped) {
      if (skip.reason === SKIP_SYMLINK || skip.reason === SKIP_SPECIAL) {
        print(path.join(dir, skip.source), {severity: 'warning', line: 0, message: `skipped: ${skip.reason}`})
      }
    }
    for (const rel of listing.files) {
      const shown = path.join(dir, rel)
      const result = await readOneFile(path.resolve(dir, rel), shown, rel, config)
      if (result.ok) articles++
      for (const d of result.ok ? result.article.diagnostics : result.diagnostics) print(shown, d)
      if (values['explain'] === true && result.ok) io.stdout.write(explanation(shown, result.article))
    }
    io.stdout.write(`${count(listing.files.length, 'file')}, ${count(articles, 'article')}, ${count(errors, 'error')}, ${count(warnings, 'warning')}\n`)
    return errors > 0 ? 1 : 0
  }
}

/** `check --explain`: why each line left the body, and what the file was read as. */
function explanation(file: string, article: Article): string {
  const lines = [`${file}: publisher ${article.publisher ?? 'none'}, ${article.kind}, ${count(article.paragraphs.length, 'body paragraph')}`]
  const taken = [...article.credits.map((line) => ({...line, as: 'credit'})), ...article.boilerplate.map((line) => ({...line, as: 'boilerplate'}))]
  for (const line of taken.sort((a, b) => a.line - b.line)) lines.push(`${file}:${line.line}: ${line.as} by ${line.rule}: ${line.text}`)
  return `${lines.join('\n')}\n`
}

commands['tags'] = {
  summary: 'list every tag of a content folder with its story count and kind, most used first',
  options: {content: contentOption, config: configOption, drafts: draftsOption},
  async run(values, _positionals, io) {
    const config = configOf(values, 'tags', io)
    if (config === null) return 1
    const report: BuildReport = {stories: [], errors: [], warnings: [], duplicates: [], skipped: []}
    let read
    try {
      read = await readArticles({content: String(values['content']), drafts: values['drafts'] === true}, config, uncached(), report)
    } catch (error) {
      io.stderr.write(`broadsheet tags: cannot read ${values['content']}: ${(error as Error).message}\n`)
      return 2
    }
    // The same model as a build, so these are the counts the tag pages will show.
    const site = buildSiteFromMentions(read.articles, read.mentions, config, String(values['content']))
    io.stdout.write(site.tags.map((tag) => `${tag.stories.length}\t${tag.name}\t${tag.kind}\n`).join(''))
    return 0
  }
}

commands['dev'] = {
  summary: 'build, serve on localhost, rebuild on change and reload open tabs',
  options: {
    port: {type: 'string', default: '4000', value: 'N', help: 'the port to serve on, on 127.0.0.1'},
    ...siteOptions
  },
  async run(values, _positionals, io) {
    const port = portOption(values['port'], 'dev', io)
    if (port === null) return 2
    if (!recovered(String(values['out']), 'dev', io)) return 1
    let server
    try {
      server = await startDev({port, ...buildOptionsFrom(values)}, (line) => io.stderr.write(`${line}\n`))
    } catch (error) {
      io.stderr.write(`broadsheet dev: ${(error as Error).message}\n`)
      return 1
    }
    io.stdout.write(`Serving ${values['out']} at ${server.url} and watching for changes (Ctrl-C to stop)\n`)
    return untilStopped(() => server.close(), io)
  }
}

commands['preview'] = {
  summary: 'serve an output folder as a static host would',
  options: {
    out: {type: 'string', default: 'dist', value: 'DIR', help: 'the built site to serve'},
    port: {type: 'string', default: '4173', value: 'N', help: 'the port to serve on, on 127.0.0.1'},
    base: {type: 'string', default: '/', value: 'PATH', help: 'the sub-path to serve the site under, as a host that publishes it there would'}
  },
  async run(values, _positionals, io) {
    const port = portOption(values['port'], 'preview', io)
    if (port === null) return 2
    const out = String(values['out'])
    if (!recovered(out, 'preview', io)) return 1
    if (!existsSync(path.join(out, 'index.html'))) {
      io.stderr.write(`broadsheet preview: ${out} has no index.html; run \`npm run build\` first\n`)
      return 1
    }
    let server
    try {
      server = await listen(mountAt(String(values['base']), staticSite(out)), port)
    } catch (error) {
      io.stderr.write(`broadsheet preview: ${(error as Error).message}\n`)
      return 1
    }
    const base = String(values['base']).replace(/^\/+|\/+$/g, '')
    const at = `${server.url}${base === '' ? '' : `${base}/`}`
    io.stdout.write(`Serving ${out} at ${at} (Ctrl-C to stop)\n`)
    // preview serves what was built; it cannot give a site feeds its build left out.
    if (!existsSync(path.join(out, 'feed.xml'))) {
      io.stderr.write(`${out} has no feeds or sitemap: it was built without baseUrl. To preview them: npm run build -- --base-url ${at}\n`)
    }
    return untilStopped(() => server.close(), io)
  }
}

commands['new'] = {
  summary: "start a new article file with today's date and the headline given",
  args: '"Headline"',
  options: {content: {...contentOption, help: 'the folder to write it in'}},
  async run(values, positionals, io) {
    const headline = cleanHeadline(positionals.join(' '))
    if (headline === null) {
      io.stderr.write('broadsheet new: give the headline, e.g. npm run broadsheet -- new "Markets rally"\n')
      return 2
    }
    // The editor's calendar day, as they would write it on the file.
    const now = new Date()
    const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-')
    try {
      io.stdout.write(`${writeNewArticle(String(values['content']), headline, date)}\n`)
      return 0
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const message = code === 'EEXIST' ? `${(error as NodeJS.ErrnoException).path} already exists; not overwriting it` : (error as Error).message
      io.stderr.write(`broadsheet new: ${message}\n`)
      return 1
    }
  }
}

/**
 * Puts right what a build that was killed left beside `out` (write/recover.ts), a line for each
 * thing done; false, after saying why, when the output folder cannot be put back.
 */
function recovered(out: string, command: string, io: CliIo): boolean {
  try {
    for (const line of recoverOutput(out)) io.stderr.write(`broadsheet ${command}: ${line}\n`)
    return true
  } catch (error) {
    io.stderr.write(`broadsheet ${command}: ${errorMessage(error)}; ${describeState(out, stateAfter(error))}\n`)
    return false
  }
}

function portOption(value: unknown, command: string, io: CliIo): number | null {
  const port = Number(value)
  if (typeof value === 'string' && /^\d+$/.test(value) && port <= 65535) return port
  io.stderr.write(`broadsheet ${command}: --port must be a number from 0 to 65535\n`)
  return null
}

/** Keeps a server command running until Ctrl-C or SIGTERM, then closes it. */
function untilStopped(close: () => Promise<void>, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const stopListening = io.onStop((signal) => {
      stopListening()
      io.stderr.write(`\nstopped by ${signal}\n`)
      void close().then(() => resolve(0))
    })
  })
}

/** The options `build` and `dev` share, from the command line. */
function buildOptionsFrom(values: Values): Omit<BuildOptions, 'onStep' | 'onOutput' | 'onProgress'> {
  // Through the environment, so that the build's threads read it too.
  if (values['debug'] === true) process.env['DEBUG'] = [process.env['DEBUG'], 'broadsheet:*'].filter(Boolean).join(',')
  return {
    content: String(values['content']),
    out: String(values['out']),
    ...(typeof values['config'] === 'string' ? {config: values['config']} : {}),
    ...(typeof values['base-url'] === 'string' ? {baseUrl: values['base-url']} : {}),
    ...(values['file-urls'] === true ? {fileUrls: true} : {}),
    ...(typeof values['templates'] === 'string' ? {templates: values['templates']} : {}),
    strict: values['strict'] === true,
    drafts: values['drafts'] === true,
    cache: values['no-cache'] !== true,
    ...(typeof values['jobs'] === 'string' ? {jobs: jobsFrom(values['jobs'])} : {})
  }
}

function jobsFrom(text: string): number {
  const jobs = Number(text)
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number of at least 1, got "${text}"`)
  return jobs
}

/**
 * One line on a terminal, rewritten in place, for builds that take more than a second; nothing
 * when stderr is a file or a pipe, so logs and CI output stay clean.
 */
function progressLine(started: number, io: CliIo): {show: (p: Progress) => void; clear: () => void} | null {
  if (io.stderr.isTTY !== true) return null
  let shown = false
  let last = 0
  return {
    show({phase, done, total}) {
      const now = performance.now()
      if (now - started < 1000 || now - last < 100) return
      last = now
      shown = true
      const text = phase === 'parse' ? `parsing ${done} of ${total} files` : `writing: ${done} output files`
      io.stderr.write(`\r\x1b[K${text}`)
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[K')
      shown = false
    }
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  return `Usage: broadsheet <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nbroadsheet <command> --help lists the options of a command.\n`
}

/** A command's usage line, what it does, and each option with its default. */
function commandUsage(name: string, command: Command): string {
  const rows = Object.entries(command.options).map(([option, o]) => {
    const flag = `--${option}${o.value === undefined ? '' : ` ${o.value}`}`
    const fallback = typeof o.default === 'string' ? ` (default: ${o.default})` : ''
    return [flag, `${o.help}${fallback}`] as const
  })
  rows.push(['-h, --help', 'print this help'])
  const width = Math.max(...rows.map(([flag]) => flag.length))
  const args = command.args === undefined ? '' : ` ${command.args}`
  const summary = command.summary.charAt(0).toUpperCase() + command.summary.slice(1)
  return `Usage: broadsheet ${name}${args} [options]\n\n${summary}.\n\nOptions:\n${rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`).join('\n')}\n`
}

/** parseArgs's message, less its advice on `--` where the option is simply not one of the command's. */
function argumentError(error: NodeJS.ErrnoException): string {
  const unknown = /^Unknown option '([^']*)'/.exec(error.message)
  return error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown ? `unknown option ${unknown[1]}` : error.message
}

/** parseArgs's options: each option's type and default. */
function parseOptions(options: Record<string, Option>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(options).map(([name, {type, default: value}]) => [name, value === undefined ? {type} : {type, default: value}]))
}

/** Runs the command line `argv` (without node and the script) and gives its exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === 'help' && rest[0] !== undefined && commands[rest[0]]) {
    io.stdout.write(commandUsage(rest[0], commands[rest[0]]!))
    return 0
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage())
    return name === undefined ? 2 : 0
  }
  const command = commands[name]
  if (!command) {
    io.stderr.write(`broadsheet: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  // Before parsing: `build --help --no-such-option` still helps. After `--`, it is an argument.
  const options = rest.indexOf('--') < 0 ? rest : rest.slice(0, rest.indexOf('--'))
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout.write(commandUsage(name, command))
    return 0
  }
  let parsed
  try {
    parsed = parseArgs({args: rest, options: parseOptions(command.options), allowPositionals: true, strict: true})
  } catch (error) {
    io.stderr.write(`broadsheet ${name}: ${argumentError(error as NodeJS.ErrnoException)}\nbroadsheet ${name} --help lists its options.\n`)
    return 2
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io)
}
