// What every command shares: where it prints (`CliIo`), its shape (`Command`), the options several
// commands take, and the helpers that turn options into a build's and print its progress.
import process from 'node:process'
import type {BuildOptions, Progress} from '../build/index.ts'
import type {SiteConfig} from '../model/types.ts'
import {loadConfig} from '../read/config.ts'
import {describeState, errorMessage, stateAfter} from '../write/failure.ts'
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
export interface Option {
  type: 'string' | 'boolean'
  default?: string | boolean
  /** What a string option's value is, in the help: DIR, FILE, URL, N. */
  value?: string
  help: string
}

export interface Command {
  summary: string
  /** What follows the command's name besides options, in its usage line. */
  args?: string
  options: Record<string, Option>
  run: (values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo) => Promise<number>
}

export const contentOption: Option = {type: 'string', default: 'content', value: 'DIR', help: 'the folder of article files'}
export const configOption: Option = {type: 'string', value: 'FILE', help: 'the config file (default: broadsheet.config.json, if there is one)'}
export const draftsOption: Option = {type: 'boolean', default: false, help: 'include stories whose front matter says draft: true'}

/** The options of `build` that `dev` takes too. */
export const siteOptions: Record<string, Option> = {
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


export type Values = Record<string, string | boolean | undefined>

/** The config given, or broadsheet.config.json if there is one; null after printing why it is refused. */
export function configOf(values: Values, command: string, io: CliIo): SiteConfig | null {
  const config = loadConfig(typeof values['config'] === 'string' ? {config: values['config']} : {})
  if (!('errors' in config)) return config
  for (const line of config.errors) io.stderr.write(`broadsheet ${command}: ${line}\n`)
  return null
}

/**
 * Puts right what a build that was killed left beside `out` (write/recover.ts), a line for each
 * thing done; false, after saying why, when the output folder cannot be put back.
 */
export function recovered(out: string, command: string, io: CliIo): boolean {
  try {
    for (const line of recoverOutput(out)) io.stderr.write(`broadsheet ${command}: ${line}\n`)
    return true
  } catch (error) {
    io.stderr.write(`broadsheet ${command}: ${errorMessage(error)}; ${describeState(out, stateAfter(error))}\n`)
    return false
  }
}

export function portOption(value: unknown, command: string, io: CliIo): number | null {
  const port = Number(value)
  if (typeof value === 'string' && /^\d+$/.test(value) && port <= 65535) return port
  io.stderr.write(`broadsheet ${command}: --port must be a number from 0 to 65535\n`)
  return null
}

/** Keeps a server command running until Ctrl-C or SIGTERM, then closes it. */
export function untilStopped(close: () => Promise<void>, io: CliIo): Promise<number> {
  return new Promise((resolve) => {
    const stopListening = io.onStop((signal) => {
      stopListening()
      io.stderr.write(`\nstopped by ${signal}\n`)
      void close().then(() => resolve(0))
    })
  })
}

/** The options `build` and `dev` share, from the command line. */
export function buildOptionsFrom(values: Values): Omit<BuildOptions, 'onStep' | 'onOutput' | 'onProgress'> {
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

export function jobsFrom(text: string): number {
  const jobs = Number(text)
  if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs must be a whole number of at least 1, got "${text}"`)
  return jobs
}

/**
 * One line on a terminal, rewritten in place, for builds that take more than a second; nothing
 * when stderr is a file or a pipe, so logs and CI output stay clean.
 */
export function progressLine(started: number, io: CliIo): {show: (p: Progress) => void; clear: () => void} | null {
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

