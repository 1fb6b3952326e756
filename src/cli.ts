#!/usr/bin/env node
// The command line: argument parsing, exit codes and everything that prints.
// Each command is a function from parsed arguments to an exit code.
import process from 'node:process'
import {writeFileSync} from 'node:fs'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {build} from './build.ts'
import type {Output} from './write/output.ts'

type Command = {
  summary: string
  options: NonNullable<ParseArgsConfig['options']>
  run: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<number>
}

const commands: Record<string, Command> = {}

commands['build'] = {
  summary: 'build the site from a content folder into an output folder',
  options: {
    content: {type: 'string', default: 'content'},
    out: {type: 'string', default: 'dist'},
    'base-url': {type: 'string'},
    config: {type: 'string'},
    templates: {type: 'string'},
    report: {type: 'string'},
    strict: {type: 'boolean', default: false},
    drafts: {type: 'boolean', default: false},
    quiet: {type: 'boolean', default: false}
  },
  async run(values) {
    const started = performance.now()
    const quiet = values['quiet'] === true
    let staging: Output | null = null
    const stop = (signal: NodeJS.Signals) => {
      staging?.abort()
      process.stderr.write(`broadsheet build: stopped by ${signal}; the output folder is unchanged\n`)
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    const result = await build({
      content: String(values['content']),
      out: String(values['out']),
      ...(typeof values['config'] === 'string' ? {config: values['config']} : {}),
      ...(typeof values['base-url'] === 'string' ? {baseUrl: values['base-url']} : {}),
      ...(typeof values['templates'] === 'string' ? {templates: values['templates']} : {}),
      strict: values['strict'] === true,
      drafts: values['drafts'] === true,
      onStep: (line) => quiet || process.stderr.write(`${line}\n`),
      onOutput: (output) => (staging = output)
    })
    for (const line of result.fatal) process.stderr.write(`broadsheet build: ${line}\n`)
    for (const e of result.report.errors) process.stderr.write(`${e.source}:${e.line}: error: ${e.message}\n`)
    for (const w of result.report.warnings) process.stderr.write(`${w.source}:${w.line}: warning: ${w.message}\n`)
    if (typeof values['report'] === 'string') {
      writeFileSync(values['report'], `${JSON.stringify(result.report, null, 2)}\n`)
    }
    const {report} = result
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    process.stdout.write(
      `${result.files} files → ${report.stories.length} stories, ${result.pages} pages; ` +
        `${result.failed} errors, ${report.warnings.length} warnings, ${report.duplicates.length} duplicates, ` +
        `${report.skipped.length} skipped in ${seconds} s\n`
    )
    if (!result.published) {
      process.stderr.write(`broadsheet build: nothing published; ${values['out']} is unchanged\n`)
      return 1
    }
    return 0
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  return `Usage: broadsheet <command> [options]\n\nCommands:\n${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name === undefined ? 2 : 0
  }
  const command = commands[name]
  if (!command) {
    process.stderr.write(`broadsheet: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  let parsed
  try {
    parsed = parseArgs({args: rest, options: command.options, allowPositionals: true, strict: true})
  } catch (error) {
    process.stderr.write(`broadsheet ${name}: ${(error as Error).message}\n`)
    return 2
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals)
}

process.exitCode = await main(process.argv.slice(2))
