// The command line: argument parsing, help and exit codes, to the streams of an `io` so that tests
// run a command in-process. Each command (cli/commands/*.ts) is a function from parsed arguments to
// an exit code; src/cli.ts runs `main` on the process's own streams.
import {parseArgs, type ParseArgsConfig} from 'node:util'
import type {CliIo, Command, Option} from './command.ts'
import {buildCommand} from './commands/build.ts'
import {checkCommand} from './commands/check.ts'
import {devCommand} from './commands/dev.ts'
import {newCommand} from './commands/new.ts'
import {parseCommand} from './commands/parse.ts'
import {previewCommand} from './commands/preview.ts'
import {tagsCommand} from './commands/tags.ts'

export {processIo, type CliIo} from './command.ts'

/** Every command, in the order the help lists them. */
const commands: Record<string, Command> = {
  build: buildCommand,
  parse: parseCommand,
  check: checkCommand,
  tags: tagsCommand,
  dev: devCommand,
  preview: previewCommand,
  new: newCommand,
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

